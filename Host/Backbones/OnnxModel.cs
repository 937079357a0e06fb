using Microsoft.ML.OnnxRuntime;

namespace Qtl.Backbones;

/// <summary>
/// One ONNX model in an ONNX Runtime session, in-process. Errors name the file: a missing file is a
/// <see cref="FileNotFoundException"/>, a file ONNX Runtime cannot load an <see cref="InvalidDataException"/>,
/// a model whose inputs, outputs or shapes do not fit the use an <see cref="InvalidDataException"/> too, and a tensor
/// that does not match its own dims an <see cref="ArgumentException"/> (a caller's mistake).
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();

    private OnnxModel(string path, InferenceSession session)
    {
        Path = path;
        _session = session;
        Inputs = session.InputMetadata.Select(kv => Info(kv.Key, kv.Value)).ToArray();
        Outputs = session.OutputMetadata.Select(kv => Info(kv.Key, kv.Value)).ToArray();
    }

    public string Path { get; }
    public IReadOnlyList<TensorInfo> Inputs { get; }
    public IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>Threads a caller may use: one per core, at most 4.</summary>
    public static int Cores => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Loads a model into one session with sequential execution and, by default, one spinning intra-op thread per core
    /// (<see cref="Cores"/>): the fastest choice for one caller on an idle machine. <paramref name="singleThreaded"/>
    /// runs each call on its caller's thread alone, for callers that run several calls at once: spinning threads wait
    /// on each other when a core is taken by another process (two threads fell from 47 to 19 images/s of ResNet18),
    /// where independent calls only share what is left.
    /// </summary>
    public static OnnxModel Open(string path, bool singleThreaded = false)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"ONNX model not found: {full}", full);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = singleThreaded ? 1 : Cores,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            return new OnnxModel(full, new InferenceSession(full, options));
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{full} is not a valid ONNX model ({OneLine(e.Message)}).", e);
        }
    }

    /// <summary>
    /// Runs the model on one float32 tensor; returns <paramref name="output"/> (default: the first output). Safe to call
    /// from several threads at once (ONNX Runtime's sessions are).
    /// </summary>
    public OnnxOutput Run(float[] data, int[] dims, string? output = null, string? input = null)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (dims.Length == 0 || dims.Any(d => d <= 0) || count != data.Length)
            throw new ArgumentException($"tensor of {data.Length} values does not match dims [{string.Join(", ", dims)}].");
        string inputName = input ?? (Inputs.Count == 1 ? Inputs[0].Name
            : throw new InvalidDataException($"{Path} has {Inputs.Count} inputs ({Names(Inputs)}); name the one to feed."));
        string outputName = output ?? Outputs[0].Name;
        if (!Inputs.Any(i => i.Name == inputName))
            throw new InvalidDataException($"{Path} has no input '{inputName}'; its inputs: {Names(Inputs)}.");
        if (!Outputs.Any(o => o.Name == outputName))
            throw new InvalidDataException($"{Path} has no output '{outputName}'; its outputs: {Names(Outputs)}. " +
                "An intermediate tensor must be made a graph output when the model is exported.");
        try
        {
            using var tensor = OrtValue.CreateTensorValueFromMemory(data, dims.Select(d => (long)d).ToArray());
            using var results = _session.Run(_run, [inputName], [tensor], [outputName]);
            OrtValue result = results[0];
            var shape = result.GetTensorTypeAndShape();
            if (shape.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float)
                throw new InvalidDataException($"{Path}: output '{outputName}' is {shape.ElementDataType}; features must be float32.");
            return new OnnxOutput(outputName, result.GetTensorDataAsSpan<float>().ToArray(), shape.Shape.Select(d => (int)d).ToArray());
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{Path} cannot run on a tensor of shape [{string.Join(", ", dims)}] ({OneLine(e.Message)}).", e);
        }
    }

    /// <summary>The image input of a backbone, checked to be 4-D NCHW and to accept <paramref name="what"/>
    /// (channels × height × width; fixed dimensions of the model must agree).</summary>
    public TensorInfo ImageInput(int channels, int height, int width, string what)
    {
        TensorInfo input = SingleImageInput();
        if (input.Shape[1] is int c && c != channels)
            throw new InvalidDataException($"{Path}: input '{input.Name}' has shape {input.ShapeText} ({c} channels), but {what} have {channels}.");
        if ((input.Shape[2] is int h && h != height) || (input.Shape[3] is int w && w != width))
            throw new InvalidDataException($"{Path}: input '{input.Name}' has shape {input.ShapeText}, but {what} are {height}×{width}.");
        return input;
    }

    /// <summary>The one 4-D float input [N, C, H, W] a backbone or classifier needs.</summary>
    public TensorInfo SingleImageInput()
    {
        if (Inputs.Count != 1)
            throw new InvalidDataException($"{Path} has {Inputs.Count} inputs ({Names(Inputs)}); a backbone needs exactly one image input.");
        TensorInfo input = Inputs[0];
        if (input.Shape.Count != 4 || input.ElementType != nameof(Single))
            throw new InvalidDataException($"{Path}: input '{input.Name}' is {input.ElementType} {input.ShapeText}; a backbone needs a 4-D float image input [N, C, H, W].");
        return input;
    }

    public void Dispose()
    {
        _session.Dispose();
        _run.Dispose();
    }

    private static TensorInfo Info(string name, NodeMetadata m) => new(name,
        m.IsTensor ? m.ElementType.Name : "non-tensor",
        m.IsTensor ? m.Dimensions.Select(d => d > 0 ? (int?)d : null).ToArray() : []);

    private static string Names(IEnumerable<TensorInfo> infos) => string.Join(", ", infos.Select(i => i.Name));

    private static string OneLine(string message) => string.Join(' ', message.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
