namespace Qtl.Backbones;

/// <summary>
/// The ImageNet-pretrained ResNet18 that ML.NET's <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> package ships
/// (a CNTK export: input <c>Input247</c> [1,3,224,224], 512 pooled features <c>Pooling395_Output_0</c>), and
/// its preprocessing model. The build copies both into <c>DnnImageModels/</c> beside the host assembly.
/// </summary>
public static class ResNet18Package
{
    public const string Name = "resnet18";
    public const string Output = "Pooling395_Output_0";
    public const int Features = 512;

    public static string ModelsDirectory =>
        Path.Combine(Path.GetDirectoryName(typeof(ResNet18Package).Assembly.Location)!, "DnnImageModels");

    public static string ModelPath => Existing(Path.Combine(ModelsDirectory, "ResNet18Onnx", "ResNet18.onnx"));

    /// <summary>Planar RGB 0–255 in, planar BGR minus a per-pixel mean image out (no std division).</summary>
    public static string PreprocessPath => Existing(Path.Combine(ModelsDirectory, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));

    private static string Existing(string path) => File.Exists(path) ? path
        : throw new FileNotFoundException($"{path} is missing: it comes with the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18; rebuild the host (dotnet build).", path);
}
