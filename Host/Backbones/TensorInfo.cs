namespace Qtl.Backbones;

/// <summary>An input or output of a model: element type and shape; a null dimension is symbolic (e.g. the batch).</summary>
public sealed record TensorInfo(string Name, string ElementType, IReadOnlyList<int?> Shape)
{
    public string ShapeText => "[" + string.Join(", ", Shape.Select(d => d?.ToString() ?? "N")) + "]";
}
