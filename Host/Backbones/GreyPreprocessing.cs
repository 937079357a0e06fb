using System.Globalization;

namespace Qtl.Backbones;

/// <summary>
/// Greyscale models (e.g. 28×28 FashionMNIST CNNs): the image in grey at the model's size (bilinear if it
/// must be resized), x = (pixel/255 − <see cref="Mean"/>) / <see cref="Std"/>.
/// </summary>
public sealed class GreyPreprocessing : Preprocessing
{
    public const string Name = "grey";

    /// <summary>
    /// Mean and standard deviation of FashionMNIST's training pixels (in [0, 1]), which every grey model in
    /// assets/models was trained with: the grey default and the distillation teachers' normalisation.
    /// </summary>
    public const double FashionMnistMean = 0.2860, FashionMnistStd = 0.3530;

    public static GreyPreprocessing FashionMnist(int height = 28, int width = 28) => new(FashionMnistMean, FashionMnistStd, height, width);

    public GreyPreprocessing(double mean, double std, int height, int width)
    {
        if (!double.IsFinite(mean) || !(std > 0) || !double.IsFinite(std))
            throw new InvalidDataException($"grey normalisation mean {mean}, std {std}: the mean must be finite and the std positive.");
        if (height < 1 || width < 1)
            throw new ArgumentException($"a grey model's input must be at least 1×1; got {height}×{width}.");
        (Mean, Std, Height, Width) = (mean, std, height, width);
    }

    public double Mean { get; }
    public double Std { get; }
    public override int Channels => 1;
    public override int Height { get; }
    public override int Width { get; }
    public override string Id => string.Create(CultureInfo.InvariantCulture, $"{Name} {Height}x{Width} (bilinear), (pixel/255 - {Mean:R})/{Std:R}");

    protected override RasterImage Prepare(RasterImage image) => image.Resize(Width, Height);

    protected override void Normalise(ReadOnlySpan<byte> pixels, Span<float> tensor)
    {
        for (int p = 0; p < pixels.Length; p++)
            tensor[p] = (float)((pixels[p] / 255.0 - Mean) / Std);
    }
}
