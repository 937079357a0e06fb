using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Qtl.Notebooks;

/// <summary>One output of an executed cell, in Jupyter's terms.</summary>
public abstract record NotebookOutput
{
    public abstract JsonObject ToJson(int executionCount);
}

/// <summary>Text the cell wrote to Console.Out ("stdout") or Console.Error ("stderr").</summary>
public sealed record StreamOutput(string Name, string Text) : NotebookOutput
{
    public override JsonObject ToJson(int executionCount) => new()
    {
        ["name"] = Name,
        ["output_type"] = "stream",
        ["text"] = Ipynb.Lines(Text),
    };
}

/// <summary>A displayed value: SVG (image/svg+xml) or plain text; <see cref="IsResult"/> for the cell's trailing expression.</summary>
public sealed record ValueOutput(string MimeType, string Content, string PlainText, bool IsResult) : NotebookOutput
{
    public override JsonObject ToJson(int executionCount)
    {
        var data = new JsonObject();
        if (MimeType != "text/plain") data[MimeType] = Ipynb.Lines(Content);
        data["text/plain"] = Ipynb.Lines(PlainText);
        var o = new JsonObject { ["data"] = data };
        if (IsResult) o["execution_count"] = executionCount;
        o["metadata"] = new JsonObject();
        o["output_type"] = IsResult ? "execute_result" : "display_data";
        return o;
    }
}

/// <summary>The error that stopped the notebook.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : NotebookOutput
{
    public override JsonObject ToJson(int executionCount) => new()
    {
        ["ename"] = Name,
        ["evalue"] = Value,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(Traceback.Select(t => (JsonNode?)t).ToArray()),
    };
}

/// <summary>Collects a cell's outputs in order: console text between displays becomes stream outputs.</summary>
internal sealed class CellOutputSink
{
    private readonly List<NotebookOutput> outputs = [];
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly object gate = new();

    public TextWriter Out => new SinkWriter(this, stdout);
    public TextWriter Error => new SinkWriter(this, stderr);

    public void Display(object? value, bool isResult = false)
    {
        var output = Format(value, isResult);
        lock (gate)
        {
            Flush();
            if (output is not null) outputs.Add(output);
        }
    }

    public void Add(NotebookOutput output)
    {
        lock (gate)
        {
            Flush();
            outputs.Add(output);
        }
    }

    public IReadOnlyList<NotebookOutput> Take()
    {
        lock (gate)
        {
            Flush();
            var all = outputs.ToList();
            outputs.Clear();
            return all;
        }
    }

    private void Flush()
    {
        if (stdout.Length > 0) { outputs.Add(new StreamOutput("stdout", stdout.ToString())); stdout.Clear(); }
        if (stderr.Length > 0) { outputs.Add(new StreamOutput("stderr", stderr.ToString())); stderr.Clear(); }
    }

    /// <summary>SVG (an <see cref="Svg"/> or SVG markup in a string) as an image; anything else as text; null as nothing.</summary>
    public static ValueOutput? Format(object? value, bool isResult)
    {
        switch (value)
        {
            case null:
                return null;
            case Svg svg:
                return new ValueOutput("image/svg+xml", svg.Markup, "<svg image>", isResult);
            case string s when Svg.IsSvg(s):
                return new ValueOutput("image/svg+xml", s, "<svg image>", isResult);
            default:
                string text = PlainText(value, 0);
                return new ValueOutput("text/plain", text, text, isResult);
        }
    }

    /// <summary>Strings as they are, numbers invariant, sequences as [a, b, …] (at most 100 items), others by ToString.</summary>
    public static string PlainText(object? value, int depth) => value switch
    {
        null => "null",
        string s => depth == 0 ? s : $"\"{s}\"",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dict when depth < 3 => "{ " + string.Join(", ", dict.Cast<DictionaryEntry>().Take(100)
            .Select(e => $"{PlainText(e.Key, depth + 1)}: {PlainText(e.Value, depth + 1)}")) + (dict.Count > 100 ? ", …" : "") + " }",
        IEnumerable seq when depth < 3 && value.GetType().GetMethod("ToString", Type.EmptyTypes)?.DeclaringType is { } t
                             && (t == typeof(object) || t.IsArray || t.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) =>
            Sequence(seq, depth),
        _ => value.ToString() ?? "",
    };

    private static string Sequence(IEnumerable seq, int depth)
    {
        var items = seq.Cast<object?>().Take(101).ToList();
        string body = string.Join(", ", items.Take(100).Select(i => PlainText(i, depth + 1)));
        return $"[{body}{(items.Count > 100 ? ", …" : "")}]";
    }

    private sealed class SinkWriter(CellOutputSink sink, StringBuilder buffer) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) { lock (sink.gate) buffer.Append(value); }
        public override void Write(string? value) { lock (sink.gate) buffer.Append(value); }
        public override void Write(char[] buffer1, int index, int count) { lock (sink.gate) buffer.Append(buffer1, index, count); }
    }
}
