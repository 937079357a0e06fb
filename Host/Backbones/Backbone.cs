using Qtl.IO;

namespace Qtl.Backbones;

/// <summary>
/// A frozen feature extractor: an ONNX model, the output used as features, and the preprocessing the model
/// declares. The default is the ImageNet ResNet18 of ML.NET's featurizer package with that package's own
/// preprocessing; any other ONNX model works with its output name and preprocessing (from the options, from
/// its <c>.json</c> metadata, or by its input: 1 channel = grey, 3 channels = torchvision).
/// </summary>
public sealed class Backbone : IDisposable
{
    /// <summary>The preprocessing names <c>--preprocessing</c> accepts.</summary>
    public static IReadOnlyList<string> PreprocessingNames => EnumText.Names<PreprocessingKind>();

    /// <summary>Images per run of a model whose batch dimension is free; bounds memory at 224×224.</summary>
    private const int DynamicBatch = 16;

    private Backbone(OnnxModel model, string output, Preprocessing preprocessing, string name)
    {
        Model = model;
        Output = output;
        Preprocessing = preprocessing;
        Name = name;
        TensorInfo input = model.ImageInput(preprocessing.Channels, preprocessing.Height, preprocessing.Width, $"images prepared by '{preprocessing.Id}'");
        if (input.Shape[0] is int fixedBatch && fixedBatch != 1)
            throw new InvalidDataException($"{model.Path}: input '{input.Name}' has a fixed batch of {fixedBatch}; a backbone needs batch 1 or a free batch dimension.");
        BatchSize = input.Shape[0] is null ? DynamicBatch : 1;
    }

    public OnnxModel Model { get; }
    public string Output { get; }
    public Preprocessing Preprocessing { get; }
    /// <summary>What the reports call it: "resnet18 (ImageNet, ML.NET package)" or the file name.</summary>
    public string Name { get; }
    public int BatchSize { get; }

    /// <summary>Everything the features depend on, for the cache key: model bytes, output, preprocessing.</summary>
    public IReadOnlyList<string> CacheKey => [$"model sha256 {FileHash.Of(Model.Path)}", $"output {Output}", Preprocessing.Id];

    /// <summary>
    /// Opens <paramref name="path"/> (null or "resnet18": the package's ImageNet ResNet18). <paramref name="output"/> and
    /// <paramref name="preprocessing"/> override what the model's metadata or input shape imply; <paramref name="notice"/> hears any guess.
    /// </summary>
    public static Backbone Open(string? path = null, string? output = null, string? preprocessing = null, Action<string>? notice = null)
    {
        notice ??= _ => { };
        if (preprocessing is not null && !PreprocessingNames.Contains(preprocessing))
            throw new UserError($"unknown preprocessing '{preprocessing}'; allowed: {string.Join(", ", PreprocessingNames)}.");
        bool package = path is null || path == ResNet18Package.Name;
        OnnxModel model = OnnxModel.Open(package ? ResNet18Package.ModelPath : path!);
        try
        {
            BackboneMetadata meta = package ? new BackboneMetadata(ResNet18Package.Name, null, ResNet18Package.Output) : BackboneMetadata.Read(model.Path);
            string name = package ? "resnet18 (ImageNet, ML.NET package)" : Path.GetFileName(model.Path);
            string chosenOutput = output ?? meta.Output ?? (model.Outputs.Count > 0 ? model.Outputs[0].Name : throw new InvalidDataException($"{model.Path} has no outputs."));
            if (!model.Outputs.Any(o => o.Name == chosenOutput))
                throw new UserError($"{model.Path} has no output '{chosenOutput}'; its outputs: {string.Join(", ", model.Outputs.Select(o => o.Name))}.");
            return new Backbone(model, chosenOutput, Choose(model, preprocessing ?? meta.Preprocessing, meta.GreyNormalisation, notice), name);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Features of <paramref name="count"/> images, image i made by <paramref name="image"/>(i), in order;
    /// <paramref name="progress"/> hears the number done after each model run.
    /// </summary>
    public float[][] Extract(int count, Func<int, RasterImage> image, Action<int>? progress = null)
    {
        var features = new float[count][];
        var tensor = new float[BatchSize * Preprocessing.Size];
        for (int start = 0; start < count; start += BatchSize)
        {
            int n = Math.Min(BatchSize, count - start);
            for (int k = 0; k < n; k++)
                Preprocessing.Fill(image(start + k), tensor.AsSpan(k * Preprocessing.Size, Preprocessing.Size));
            float[] input = n == BatchSize ? tensor : tensor[..(n * Preprocessing.Size)];
            OnnxOutput output = Model.Run(input, [n, Preprocessing.Channels, Preprocessing.Height, Preprocessing.Width], Output);
            int row = output.RowLength;
            int bad = Array.FindIndex(output.Data, v => !float.IsFinite(v));
            if (bad >= 0)
                throw new InvalidDataException($"{Model.Path}: output '{Output}' gave {output.Data[bad]} for image {start + bad / row}; " +
                    "features must be finite numbers (is this the right model and preprocessing?).");
            for (int k = 0; k < n; k++) features[start + k] = output.Data.AsSpan(k * row, row).ToArray();
            progress?.Invoke(start + n);
        }
        return features;
    }

    public void Dispose() => Model.Dispose();

    private static Preprocessing Choose(OnnxModel model, string? name, (double Mean, double Std)? grey, Action<string> notice)
    {
        TensorInfo input = model.SingleImageInput();
        int height = input.Shape[2] ?? 28, width = input.Shape[3] ?? 28;
        if (name is null)
        {
            name = input.Shape[1] == 1 ? GreyPreprocessing.Name : TorchvisionPreprocessing.Name;
            if (grey is null)
                notice($"{Path.GetFileName(model.Path)} declares no preprocessing (no .json metadata, no --preprocessing): " +
                    (name == GreyPreprocessing.Name ? $"a 1-channel input, so grey with the FashionMNIST mean/std ({GreyPreprocessing.FashionMnist(height, width).Id})."
                        : $"a {input.ShapeText} input, so torchvision's ImageNet recipe."));
        }
        return name switch
        {
            ResNet18Package.Name => ResNet18Preprocessing.Instance,
            TorchvisionPreprocessing.Name => new TorchvisionPreprocessing(),
            _ => grey is { } g ? new GreyPreprocessing(g.Mean, g.Std, height, width) : GreyPreprocessing.FashionMnist(height, width),
        };
    }
}
