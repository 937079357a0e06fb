using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Backbones;

namespace Qtl.MlNet;

/// <summary>
/// An image file as ML.NET's <c>DnnFeaturizeImage</c> with <c>ResNet18</c> takes it: <see cref="Pixels"/> planar RGB 0–255
/// [3, 224, 224] after the package's resize (shorter side 224, bilinear) and centre crop, and the <see cref="Label"/>
/// (its class folder). ML.NET's own <c>LoadImages</c>/<c>ResizeImages</c> (Microsoft.ML.ImageAnalytics 5.0.1) cannot run
/// beside the SkiaSharp 3 this product uses (they call SkiaSharp 2's <c>SKBitmap.GetPixelSpan</c>, which 3 removed), and
/// their resize is nearest-neighbour; these rows are decoded by the product's image code (<see cref="RasterImage"/>).
/// </summary>
public sealed class ImageRow
{
    public string ImagePath { get; set; } = "";
    public string Label { get; set; } = "";

    [VectorType(3, 224, 224)]
    public float[] Pixels { get; set; } = [];

    /// <summary>One image file (for a prediction engine); <paramref name="label"/> may be empty.</summary>
    public static ImageRow FromFile(string path, string label = "") =>
        new() { ImagePath = Path.GetFullPath(path), Label = label, Pixels = MlNetResNet18.PlanarRgb(RasterImage.Decode(path)) };

    /// <summary>
    /// Every .jpg, .jpeg and .png under <c>folder/&lt;class&gt;/</c>, labelled by its class folder, in ordinal path order;
    /// decoded as ML.NET reads the rows (each pass again: cache after the featurizer).
    /// </summary>
    public static IDataView FromFolder(MLContext ml, string folder)
    {
        ArgumentNullException.ThrowIfNull(ml);
        string root = Path.GetFullPath(folder);
        if (!Directory.Exists(root)) throw new UserError($"no image folder at {root}.");
        string[] files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png")
            .Where(f => Path.GetDirectoryName(Path.GetDirectoryName(f)) == root)
            .Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new UserError($"{root} holds no <class>/*.jpg, *.jpeg or *.png files.");
        return ml.Data.LoadFromEnumerable(files.Select(f => FromFile(f, Path.GetFileName(Path.GetDirectoryName(f))!)));
    }
}
