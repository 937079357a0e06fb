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

    private Backbone(OnnxModel model, string output, Preprocessing preprocessing, string name, string source)
    {
        Source = source;
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
    /// <summary>As <c>--backbone</c> names it: <c>resnet18</c> (the package's), or the model's full path.</summary>
    public string Source { get; }

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
        OnnxModel model = OnnxModel.Open(package ? ResNet18Package.ModelPath : path!, singleThreaded: true);
        try
        {
            BackboneMetadata meta = package ? new BackboneMetadata(ResNet18Package.Name, null, ResNet18Package.Output) : BackboneMetadata.Read(model.Path);
            string name = package ? "resnet18 (ImageNet, ML.NET package)" : Path.GetFileName(model.Path);
            string chosenOutput = output ?? meta.Output ?? (model.Outputs.Count > 0 ? model.Outputs[0].Name : throw new InvalidDataException($"{model.Path} has no outputs."));
            if (!model.Outputs.Any(o => o.Name == chosenOutput))
                throw new UserError($"{model.Path} has no output '{chosenOutput}'; its outputs: {string.Join(", ", model.Outputs.Select(o => o.Name))}.");
            return new Backbone(model, chosenOutput, Choose(model, preprocessing ?? meta.Preprocessing, meta.GreyNormalisation, notice), name,
                package ? ResNet18Package.Name : model.Path);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Features of <paramref name="count"/> images, image i made by <paramref name="image"/>(i) (called from several
    /// threads), in order; <paramref name="progress"/> hears, in order and from one thread at a time, the number done
    /// after each model run. Model runs go on one thread per core, each single-threaded (see <see cref="OnnxModel.Open"/>):
    /// a core taken by another process then costs its share and no more. Each image's features depend on it alone,
    /// so the bits do not depend on the threads.
    /// </summary>
    public float[][] Extract(int count, Func<int, RasterImage> image, Action<int>? progress = null)
    {
        var features = new float[count][];
        int runs = (count + BatchSize - 1) / BatchSize;
        var done = new bool[runs];
        int next = -1, reported = 0, failedRun = int.MaxValue;
        Exception? failure = null;
        var gate = new object();

        void Work()
        {
            var tensor = new float[BatchSize * Preprocessing.Size];
            int run;
            // Runs are claimed in order, so when run r fails every run before it has been claimed and ends: the error
            // reported is the first image's in order, whatever the threads did.
            while ((run = Interlocked.Increment(ref next)) < runs && Volatile.Read(ref failedRun) > run)
            {
                try
                {
                    ExtractRun(run * BatchSize, Math.Min(BatchSize, count - run * BatchSize), image, tensor, features);
                }
                catch (Exception e)
                {
                    lock (gate)
                        if (run < failedRun) (failedRun, failure) = (run, e);
                    return;
                }
                lock (gate)
                {
                    done[run] = true;
                    for (; reported < runs && done[reported] && reported < failedRun; reported++)
                        progress?.Invoke(Math.Min(count, (reported + 1) * BatchSize));
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Max(0, Math.Min(OnnxModel.Cores, runs) - 1)).Select(_ => Task.Factory.StartNew(Work, TaskCreationOptions.LongRunning)).ToArray();
        Work();
        Task.WaitAll(workers);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return features;
    }

    /// <summary>Images <paramref name="start"/> to start + n through one model run.</summary>
    private void ExtractRun(int start, int n, Func<int, RasterImage> image, float[] tensor, float[][] features)
    {
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
