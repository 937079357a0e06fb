using Microsoft.DotNet.Interactive.Documents;

namespace Qtl.Notebooks;

/// <summary>An executed notebook: the document with outputs, every cell that ran, and the error that stopped it, if any.</summary>
public sealed record NotebookRunResult(InteractiveDocument Executed, IReadOnlyList<CellResult> Cells, NotebookCellException? Error, TimeSpan Elapsed);
