using Microsoft.ML;
using Microsoft.ML.Data;

namespace Qtl.Backbones;

/// <summary>
/// ML.NET's own ResNet18 featurizer pipeline (<c>DnnFeaturizeImage</c> with <c>ModelSelector.ResNet18</c>): the
/// package's preprocessing model and ResNet18 chained in two ONNX Runtime sessions. It gives the same bits
/// as <see cref="Backbone"/> with <see cref="ResNet18Preprocessing"/> (tests hold them equal), which runs one
/// session per image instead of two and is the one the host uses; this is the reference, and <c>bench</c> times both.
/// </summary>
public sealed class MlNetResNet18
{
    private readonly MLContext _ml = new(seed: 0);

    /// <summary>Features of images given as planar RGB 0–255 [3,224,224] (what ML.NET's ExtractPixels makes).</summary>
    public float[][] Featurize(IEnumerable<float[]> planarRgb)
    {
        IDataView data = _ml.Data.LoadFromEnumerable(planarRgb.Select(p => new Row { Pixels = p }));
        var pipeline = _ml.Transforms.DnnFeaturizeImage("Features",
            m => m.ModelSelector.ResNet18(_ml, m.OutputColumn, m.InputColumn, ResNet18Package.ModelsDirectory), nameof(Row.Pixels));
        return pipeline.Fit(data).Transform(data).GetColumn<float[]>("Features").ToArray();
    }

    /// <summary>An image as the featurizer takes it: 224×224 after the package's resize and crop, planar RGB 0–255.</summary>
    public static float[] PlanarRgb(RasterImage image)
    {
        RasterImage rgb = image.WithChannels(3).ResizeShorterAndCrop(224, 224);
        const int plane = 224 * 224;
        var planar = new float[3 * plane];
        for (int c = 0; c < 3; c++)
            for (int p = 0; p < plane; p++) planar[c * plane + p] = rgb.Pixels[3 * p + c];
        return planar;
    }

    private sealed class Row
    {
        [VectorType(3, 224, 224)]
        public float[] Pixels { get; set; } = [];
    }
}
