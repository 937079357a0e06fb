using System.Text.Json;

namespace Qtl.Runtime;

/// <summary>
/// Rows of circuit inputs (angles or amplitudes) or weights sent to the runtime, one row per circuit: <see cref="Count"/> rows of <see cref="Width"/> values
/// starting at row <see cref="First"/> of a row-major array. The runtime's JSON shape is an array of arrays.
/// </summary>
public readonly record struct CircuitRows(double[] Flat, int Width, int First, int Count)
{
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
