using System.Runtime.InteropServices;
using System.Text.Json;
using Qtl.Runtime;

namespace Qtl.Onnx;

/// <summary>An input or output of a model: element type and shape; a null dimension is symbolic (e.g. the batch).</summary>
public sealed record TensorInfo(string Name, string ElementType, IReadOnlyList<int?> Shape)
{
    public string ShapeText => "[" + string.Join(", ", Shape.Select(d => d?.ToString() ?? "N")) + "]";
}

/// <summary>A float32 tensor returned by a model: row-major data and its dimensions.</summary>
public sealed record OnnxOutput(string Name, float[] Data, int[] Dims)
{
    /// <summary>Number of values per batch item (product of all dimensions but the first).</summary>
    public int RowLength => Dims.Skip(1).Aggregate(1, (a, b) => a * b);
}

/// <summary>Features of a list of image files plus, if asked for, RGB thumbnails (Size × Size × 3 bytes each).</summary>
public sealed record ImageFeatures(OnnxOutput Output, IReadOnlyList<byte[]> Thumbnails, int ThumbnailSize, string Preprocessing);

/// <summary>
/// The one boundary between C# and ONNX: models run in the runtime process (onnxruntime-node), because
/// no ONNX Runtime package is available to .NET here. Errors from the runtime become the exception
/// types the CLI reports as user errors: a missing file <see cref="FileNotFoundException"/>, an invalid
/// model or unreadable image <see cref="InvalidDataException"/>, a bad request <see cref="ArgumentException"/>.
/// </summary>
public sealed class OnnxModel
{
    private readonly QdkRuntime _runtime;

    private OnnxModel(string path, QdkRuntime runtime, IReadOnlyList<TensorInfo> inputs, IReadOnlyList<TensorInfo> outputs)
    {
        Path = path;
        _runtime = runtime;
        Inputs = inputs;
        Outputs = outputs;
    }

    public string Path { get; }
    public IReadOnlyList<TensorInfo> Inputs { get; }
    public IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>Loads (once per file version, in the runtime) and describes a model.</summary>
    public static OnnxModel Open(string path, QdkRuntime? runtime = null)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"ONNX model not found: {full}", full);
        runtime ??= QdkRuntime.Shared;
        JsonElement r = Call(runtime, "onnx.describe", w => w.WriteString("path", full));
        return new OnnxModel(full, runtime, ReadInfos(r.GetProperty("inputs")), ReadInfos(r.GetProperty("outputs")));
    }

    /// <summary>Runs the model on one float32 tensor; returns <paramref name="output"/> (default: the first output),
    /// which may also name an intermediate tensor of the graph.</summary>
    public OnnxOutput Run(float[] data, int[] dims, string? output = null, string? input = null)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        if (dims.Length == 0 || dims.Any(d => d <= 0) || count != data.Length)
            throw new ArgumentException($"tensor of {data.Length} values does not match dims [{string.Join(", ", dims)}].");
        JsonElement r = Call(_runtime, "onnx.run", w =>
        {
            w.WriteString("path", Path);
            WriteDims(w, "dims", dims);
            w.WriteBase64String("data", MemoryMarshal.AsBytes(data.AsSpan()));
            if (output is not null) w.WriteString("output", output);
            if (input is not null) w.WriteString("input", input);
        });
        return ReadOutput(r);
    }

    /// <summary>Decodes image files with the torchvision ImageNet recipe and runs the model on them in the
    /// runtime, in chunks, so only features cross the pipe; thumbnails are made for the first <paramref name="thumbnails"/> files.</summary>
    public ImageFeatures RunOnImages(IReadOnlyList<string> paths, string? output = null, int thumbnails = 0, int thumbnailSize = 64)
    {
        if (paths.Count == 0) throw new ArgumentException("no image files given.");
        JsonElement r = Call(_runtime, "images.features", w =>
        {
            w.WriteString("model", Path);
            w.WriteStartArray("paths");
            foreach (string p in paths) w.WriteStringValue(System.IO.Path.GetFullPath(p));
            w.WriteEndArray();
            if (output is not null) w.WriteString("output", output);
            w.WriteNumber("thumbnails", thumbnails);
            w.WriteNumber("thumbnailSize", thumbnailSize);
        });
        var thumbs = r.GetProperty("thumbnails").EnumerateArray().Select(t => t.GetBytesFromBase64()).ToArray();
        return new ImageFeatures(ReadOutput(r), thumbs, r.GetProperty("thumbnailSize").GetInt32(), r.GetProperty("preprocessing").GetString() ?? "");
    }

    /// <summary>The image input of a backbone, checked to be 4-D NCHW and to accept <paramref name="what"/>
    /// (channels × height × width; fixed dimensions of the model must agree).</summary>
    public TensorInfo ImageInput(int channels, int height, int width, string what)
    {
        if (Inputs.Count != 1)
            throw new InvalidDataException($"{Path} has {Inputs.Count} inputs ({string.Join(", ", Inputs.Select(i => i.Name))}); a backbone needs exactly one image input.");
        TensorInfo input = Inputs[0];
        if (input.Shape.Count != 4)
            throw new InvalidDataException($"{Path}: input '{input.Name}' has shape {input.ShapeText}; a backbone needs a 4-D image input [N, C, H, W].");
        if (input.Shape[1] is int c && c != channels)
            throw new InvalidDataException($"{Path}: input '{input.Name}' has shape {input.ShapeText} ({c} channels), but {what} have {channels}.");
        if ((input.Shape[2] is int h && h != height) || (input.Shape[3] is int w && w != width))
            throw new InvalidDataException($"{Path}: input '{input.Name}' has shape {input.ShapeText}, but {what} are {height}×{width}.");
        return input;
    }

    private static JsonElement Call(QdkRuntime runtime, string op, Action<Utf8JsonWriter> args)
    {
        try
        {
            return runtime.Request(op, args);
        }
        catch (RuntimeException e) when (e.Kind is "model" or "image")
        {
            if (e.Detail.StartsWith("ONNX model not found: ", StringComparison.Ordinal))
                throw new FileNotFoundException(e.Detail, e);
            throw new InvalidDataException(e.Detail, e);
        }
        catch (RuntimeException e) when (e.Kind is "request")
        {
            throw new ArgumentException(e.Detail, e);
        }
    }

    private static void WriteDims(Utf8JsonWriter w, string name, int[] dims)
    {
        w.WriteStartArray(name);
        foreach (int d in dims) w.WriteNumberValue(d);
        w.WriteEndArray();
    }

    private static OnnxOutput ReadOutput(JsonElement r)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("tensors cross the runtime pipe as little-endian float32.");
        int[] dims = r.GetProperty("dims").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        float[] data = MemoryMarshal.Cast<byte, float>(r.GetProperty("data").GetBytesFromBase64()).ToArray();
        return new OnnxOutput(r.GetProperty("name").GetString() ?? "", data, dims);
    }

    private static TensorInfo[] ReadInfos(JsonElement list) => list.EnumerateArray().Select(e => new TensorInfo(
        e.GetProperty("name").GetString() ?? "",
        e.GetProperty("type").GetString() ?? "",
        e.GetProperty("dims").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number && d.GetInt64() > 0 ? (int?)d.GetInt32() : null).ToArray())).ToArray();
}
