using System.Text.Json;

namespace Qtl.Runtime;

/// <summary>
/// Rows of angles sent to the runtime, one row per circuit: <see cref="Count"/> rows of <see cref="Width"/> values
/// starting at row <see cref="First"/> of a row-major array. The runtime's JSON shape is an array of arrays.
/// </summary>
public readonly record struct CircuitRows(double[] Flat, int Width, int First, int Count)
{
    /// <summary>Every row of a row-major array.</summary>
    public static CircuitRows All(double[] flat, int width) => new(flat, width, 0, width == 0 ? 0 : flat.Length / width);

    /// <summary>Rows given as separate arrays of one width.</summary>
    public static CircuitRows Of(IReadOnlyList<double[]> rows)
    {
        int width = rows.Count == 0 ? 0 : rows[0].Length;
        if (rows.Any(r => r.Length != width))
            throw new ArgumentException("every row must have the same length.", nameof(rows));
        return new(rows.SelectMany(r => r).ToArray(), width, 0, rows.Count);
    }

    internal void Write(Utf8JsonWriter w, string name)
    {
        w.WriteStartArray(name);
        for (int b = First; b < First + Count; b++)
        {
            w.WriteStartArray();
            for (int i = 0; i < Width; i++) w.WriteNumberValue(Flat[b * Width + i]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
