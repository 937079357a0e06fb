using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;

namespace Qtl.Notebooks;

/// <summary>
/// Turns the kernel's events for one submission into Jupyter outputs, in order: console text (adjacent writes to
/// one stream merged), displays (an update replaces the display with the same value id, as a front end does; this
/// kernel gives updates an id of their own, so the first display stays and each update replaces the one before),
/// the return value, and the failure.
/// </summary>
internal static class CellOutputs
{
    public const string CompilationError = "CompilationError";

    public static List<InteractiveDocumentOutputElement> From(IEnumerable<KernelEvent> events, int executionOrder)
    {
        var outputs = new List<InteractiveDocumentOutputElement>();
        var displays = new Dictionary<string, int>();
        foreach (var e in events)
        {
            switch (e)
            {
                case StandardOutputValueProduced o: AddText(outputs, "stdout", o); break;
                case StandardErrorValueProduced o: AddText(outputs, "stderr", o); break;
                case ReturnValueProduced r:
                    var result = new ReturnValueElement { ExecutionOrder = executionOrder };
                    foreach (var v in r.FormattedValues) result.Data[v.MimeType] = v.Value;
                    outputs.Add(result);
                    break;
                case DisplayedValueUpdated u when u.ValueId is not null && displays.TryGetValue(u.ValueId, out int at):
                    outputs[at] = Display(u);
                    break;
                case DisplayedValueProduced or DisplayedValueUpdated:
                    var d = (DisplayEvent)e;
                    if (d.ValueId is not null) displays[d.ValueId] = outputs.Count;
                    outputs.Add(Display(d));
                    break;
                case CommandFailed f:
                    outputs.Add(Error(f));
                    break;
            }
        }
        return outputs;
    }

    /// <summary>What a failure says, for the exception that names the cell: compiler diagnostics as the kernel
    /// reports them ("(line,column): error CS…" in the cell's own lines), an exception as type and message.</summary>
    public static string Detail(CommandFailed f) => f.Exception switch
    {
        null or CodeSubmissionCompilationErrorException => f.Message,
        var x => $"{x.GetType().FullName}: {x.Message}",
    };

    private static ErrorElement Error(CommandFailed f) => f.Exception switch
    {
        null or CodeSubmissionCompilationErrorException => new ErrorElement(errorValue: f.Message, errorName: CompilationError, stackTrace: []),
        var x => new ErrorElement(errorValue: x.Message, errorName: x.GetType().FullName ?? x.GetType().Name,
            stackTrace: (x.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray()),
    };

    private static DisplayElement Display(DisplayEvent d) =>
        new(d.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value));

    private static void AddText(List<InteractiveDocumentOutputElement> outputs, string stream, DisplayEvent e)
    {
        string text = string.Concat(e.FormattedValues.Where(v => v.MimeType == "text/plain").Select(v => v.Value));
        if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == stream)
            outputs[^1] = new TextElement(last.Text + text, stream);
        else
            outputs.Add(new TextElement(text, stream));
    }
}
