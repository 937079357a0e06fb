namespace Qtl.Notebooks;

/// <summary>
/// The globals every cell sees when run by <see cref="NotebookRunner"/>: <c>display(value)</c>, as in the
/// .NET Interactive C# kernel, adds an output to the current cell (SVG as an image, anything else as text).
/// </summary>
public sealed class NotebookGlobals
{
    internal NotebookGlobals(CellOutputSink sink) => Sink = sink;

    internal CellOutputSink Sink { get; }

    /// <summary>Shows <paramref name="value"/> below the cell, like .NET Interactive's <c>display</c>.</summary>
#pragma warning disable IDE1006 // lower-case on purpose: the .NET Interactive name
    public object? display(object? value)
#pragma warning restore IDE1006
    {
        Sink.Display(value);
        return null;
    }
}
