using System.Text.Json.Serialization;
using System.Text.Json;

namespace Qtl.Distillation;

/// <summary>
/// The teacher of a distillation run: a <see cref="TeacherKind"/>, and for <see cref="TeacherKind.Model"/> the path of
/// an ONNX classifier of the chosen classes. Spelt as on the command line and in checkpoints and summaries
/// (<see cref="Text"/>): <c>none</c>, <c>lenet</c>, <c>alexnet</c>, <c>ensemble</c>, or the path as given.
/// </summary>
[JsonConverter(typeof(Json))]
public sealed record TeacherChoice
{
    private TeacherChoice(TeacherKind kind, string? modelPath)
    {
        Kind = kind;
        ModelPath = modelPath;
    }

    public static readonly TeacherChoice None = new(TeacherKind.None, null);
    public static readonly TeacherChoice LeNet = new(TeacherKind.LeNet, null);
    public static readonly TeacherChoice AlexNet = new(TeacherKind.AlexNet, null);
    public static readonly TeacherChoice Ensemble = new(TeacherKind.Ensemble, null);

    /// <summary>Every teacher that is not a file, in the order of the published table's columns.</summary>
    public static readonly IReadOnlyList<TeacherChoice> Named = [None, LeNet, AlexNet, Ensemble];

    public TeacherKind Kind { get; }

    /// <summary>The ONNX classifier of a <see cref="TeacherKind.Model"/> teacher, as given; null for the others.</summary>
    public string? ModelPath { get; }

    public bool IsNone => Kind == TeacherKind.None;

    /// <summary>True for the committed LeNet, AlexNet and their ensemble, which exist per class subset.</summary>
    public bool IsCommitted => Kind is TeacherKind.LeNet or TeacherKind.AlexNet or TeacherKind.Ensemble;

    public string Text => ModelPath ?? Kind.Text();

    /// <summary>"none, lenet, alexnet, ensemble": the names <see cref="Parse"/> takes besides a path.</summary>
    public static string Names => string.Join(", ", Named.Select(t => t.Text));

    public static TeacherChoice Model(string path) => string.IsNullOrWhiteSpace(path)
        ? throw new UserError($"the teacher is empty; allowed: {Names}, or the path of an ONNX classifier.")
        : new(TeacherKind.Model, path);

    /// <summary>A teacher's name (exactly as spelt by <see cref="Text"/>), otherwise the path of a model.</summary>
    public static TeacherChoice Parse(string text) => Named.FirstOrDefault(t => t.Text == text) ?? Model(text);

    public override string ToString() => Text;

    private sealed class Json : JsonConverter<TeacherChoice>
    {
        public override TeacherChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()!)
                : throw new JsonException($"a teacher is a string ({Names}, or a path); got {reader.TokenType}.");

        public override void Write(Utf8JsonWriter writer, TeacherChoice value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
    }
}
