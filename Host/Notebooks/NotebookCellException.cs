namespace Qtl.Notebooks;

/// <summary>The cell that stopped a notebook (1-based among all cells, markdown included) and the kernel's message.</summary>
public sealed class NotebookCellException(int cellNumber, string detail, Exception? inner = null)
    : Exception($"cell {cellNumber} failed: {detail}", inner)
{
    public int CellNumber { get; } = cellNumber;
}
