using Qtl.IO;

namespace Qtl.Backbones;

/// <summary>
/// The ResNet18 package's own preprocessing, in C#: shorter side to 224 and centre crop (ML.NET's default
/// <c>ResizeImages</c> mode, IsoCrop), then planar BGR bytes minus the package's per-pixel mean image. The
/// mean image is read from the package's preprocessing model (its output for a black image is −mean), so
/// this equals running that model, without a second ONNX session per image.
/// </summary>
public sealed class ResNet18Preprocessing : Preprocessing
{
    private const int Side = 224;
    private readonly float[] _mean;
    private readonly string _modelHash;

    private ResNet18Preprocessing(float[] mean, string modelHash) => (_mean, _modelHash) = (mean, modelHash);

    public override string Id => $"{ResNet18Package.Name}: shorter side 224 (bilinear), centre crop 224, BGR 0-255 minus the mean image of ResNetPreprocess.onnx sha256 {_modelHash}";
    public override int Channels => 3;
    public override int Height => Side;
    public override int Width => Side;

    private static readonly Lazy<ResNet18Preprocessing> Shared = new(Load);

    /// <summary>The package's preprocessing (its mean image is read once per process).</summary>
    public static ResNet18Preprocessing Instance => Shared.Value;

    /// <summary>Runs the package's preprocessing model on planar RGB 0–255 [3,224,224]: the reference this class reproduces.</summary>
    public static float[] RunPackageModel(float[] planarRgb)
    {
        using var model = OnnxModel.Open(ResNet18Package.PreprocessPath);
        return model.Run(planarRgb, [1, 3, Side, Side]).Data;
    }

    private static ResNet18Preprocessing Load()
    {
        float[] mean = RunPackageModel(new float[3 * Side * Side]);
        for (int i = 0; i < mean.Length; i++) mean[i] = -mean[i];
        return new ResNet18Preprocessing(mean, FileHash.Of(ResNet18Package.PreprocessPath));
    }

    protected override RasterImage Prepare(RasterImage image) => image.ResizeShorterAndCrop(Side, Side);

    protected override void Normalise(ReadOnlySpan<byte> pixels, Span<float> tensor)
    {
        const int plane = Side * Side;
        for (int c = 0; c < 3; c++)
        {
            int rgb = 2 - c; // plane 0 is blue
            for (int p = 0; p < plane; p++)
                tensor[c * plane + p] = pixels[3 * p + rgb] - _mean[c * plane + p];
        }
    }
}
