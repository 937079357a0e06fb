using Microsoft.DotNet.Interactive.Documents;

namespace Qtl.Notebooks;

/// <summary>A code cell that ran: its 1-based number among all cells, its outputs and how long it took.</summary>
public sealed record CellResult(int Number, IReadOnlyList<InteractiveDocumentOutputElement> Outputs, TimeSpan Elapsed);
