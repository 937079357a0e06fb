using System.Globalization;

namespace Qtl.Backbones;

/// <summary>
/// torchvision's ImageNet recipe for 3×224×224 models: shorter side to 256, centre crop 224, RGB/255,
/// per-channel ImageNet mean and std.
/// </summary>
public sealed class TorchvisionPreprocessing : Preprocessing
{
    public const string Name = "torchvision";
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    public override string Id => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: shorter side 256 (bilinear), centre crop 224, RGB/255, mean {string.Join(",", Mean)}, std {string.Join(",", Std)}");
    public override int Channels => 3;
    public override int Height => 224;
    public override int Width => 224;

    protected override RasterImage Prepare(RasterImage image) => image.ResizeShorterAndCrop(256, 224);

    protected override void Normalise(ReadOnlySpan<byte> pixels, Span<float> tensor)
    {
        int plane = Height * Width;
        for (int c = 0; c < 3; c++)
            for (int p = 0; p < plane; p++)
                tensor[c * plane + p] = (pixels[3 * p + c] / 255f - Mean[c]) / Std[c];
    }
}
