using System.Globalization;

namespace Qtl;

/// <summary>
/// A feature table: CSV with one line per sample, its features and its class label, numbers in the invariant culture
/// (0.5, not 0,5), fields not quoted. The label sits in a given column (1-based; by default the last); a header line is
/// optional: a first line none of whose feature fields is a number is read as one. Labels are text (names, ±1, 0/1).
/// </summary>
internal static class FeatureTable
{
    /// <param name="labelColumn">1-based column of the label; null for the last column.</param>
    public static (double[][] Features, string[] Labels) Read(string path, int? labelColumn = null)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"feature table not found: {full}");
        var lines = File.ReadLines(full).Select((text, i) => (Text: text.TrimEnd('\r'), Number: i + 1)).Where(l => l.Text.Trim().Length > 0).ToList();
        if (lines.Count == 0) throw new InvalidDataException($"{full}: the feature table is empty; give one line per sample (features and a label).");
        int columns = lines[0].Text.Split(',').Length;
        if (columns < 2) throw new InvalidDataException($"{full}: the first line has {columns} column; a label and at least one feature are needed.");
        int label = (labelColumn ?? columns) - 1;
        if (label < 0 || label >= columns)
            throw new InvalidDataException($"{full}: label column {labelColumn} is out of range; the table has {columns} columns (allowed: 1 to {columns}).");
        bool header = lines[0].Text.Split(',').Where((_, c) => c != label).All(f => !double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        int first = header ? 1 : 0;
        if (lines.Count <= first) throw new InvalidDataException($"{full}: the feature table has a header line and no sample; at least one sample line is needed.");
        var features = new double[lines.Count - first][];
        var labels = new string[lines.Count - first];
        for (int row = first; row < lines.Count; row++)
        {
            var (text, number) = lines[row];
            string[] fields = text.Split(',');
            if (fields.Length != columns)
                throw new InvalidDataException($"{full} line {number}: {fields.Length} fields; the {(header ? "header" : "first line")} has {columns}.");
            labels[row - first] = fields[label].Trim().Length > 0 ? fields[label].Trim() : throw new InvalidDataException($"{full} line {number}: the label is empty.");
            features[row - first] = fields.Select((f, c) => (Field: f, Column: c)).Where(f => f.Column != label).Select(f =>
                double.TryParse(f.Field, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
                : throw new InvalidDataException($"{full} line {number}, column {f.Column + 1}: '{f.Field}' is not a finite number (invariant culture: 0.5, not 0,5).")).ToArray();
        }
        return (features, labels);
    }
}
