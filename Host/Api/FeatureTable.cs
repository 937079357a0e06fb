using System.Globalization;

namespace Qtl;

/// <summary>
/// A feature table: CSV with a header line (<c>label,f0,f1,…</c>) and one line per sample, its class name then its
/// features, numbers in the invariant culture (0.5, not 0,5), fields not quoted.
/// </summary>
internal static class FeatureTable
{
    public static (double[][] Features, string[] Labels) Read(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"feature table not found: {full}");
        var lines = File.ReadLines(full).Select((text, i) => (Text: text.TrimEnd('\r'), Number: i + 1)).Where(l => l.Text.Length > 0).ToList();
        if (lines.Count < 2) throw new InvalidDataException($"{full}: a feature table needs a header line (label,f0,f1,…) and at least one sample line.");
        int columns = lines[0].Text.Split(',').Length;
        if (columns < 2) throw new InvalidDataException($"{full}: the header has {columns} column; a label and at least one feature are needed.");
        var features = new double[lines.Count - 1][];
        var labels = new string[lines.Count - 1];
        for (int row = 1; row < lines.Count; row++)
        {
            var (text, number) = lines[row];
            string[] fields = text.Split(',');
            if (fields.Length != columns)
                throw new InvalidDataException($"{full} line {number}: {fields.Length} fields; the header has {columns}.");
            labels[row - 1] = fields[0].Trim().Length > 0 ? fields[0].Trim() : throw new InvalidDataException($"{full} line {number}: the label is empty.");
            features[row - 1] = fields.Skip(1).Select((f, c) =>
                double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
                : throw new InvalidDataException($"{full} line {number}, column {c + 2}: '{f}' is not a finite number (invariant culture: 0.5, not 0,5).")).ToArray();
        }
        return (features, labels);
    }
}
