using System.Globalization;

namespace Qtl.Benchmarks;

/// <summary>
/// One finished cell: its key, how many samples it trained on and scored, how many it got right, and which ones
/// (<see cref="CorrectBits"/>: '1' or '0' per scored sample, in order; the test-sample bootstrap reads it).
/// </summary>
public sealed record CellResult(CellKey Key, int TrainCount, int EvalCount, int Correct, string CorrectBits)
{
    public double Accuracy => Correct / (double)EvalCount;

    public const string Header = "id,stage,size,model,setting,fold,seed,train,scored,correct,accuracy";

    /// <summary>The row of cells.csv (without the per-sample bits).</summary>
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Key.Id},{Key.Stage.Text()},{BenchmarkOptions.SizeText(Key.Size)},{Key.Model.Text()},{Key.Setting + 1},{(Key.Fold < 0 ? "" : (Key.Fold + 1).ToString(CultureInfo.InvariantCulture))},{Key.Seed},{TrainCount},{EvalCount},{Correct},{Accuracy:R}");

    /// <summary>The cell's own file: the row and, on a second line, the bits.</summary>
    public string FileText() => $"{Header}\n{Row()}\n{CorrectBits}\n";

    public static CellResult Parse(string text, string path)
    {
        try { return ParseRow(text, path); }
        catch (Exception e) when (e is FormatException or OverflowException or UserError)
        {
            throw new InvalidDataException($"{path} is not a benchmark cell file ({e.Message}); delete it to recompute the cell.");
        }
    }

    private static CellResult ParseRow(string text, string path)
    {
        string[] lines = text.Split('\n');
        string[] f = lines.Length >= 3 ? lines[1].Split(',') : [];
        if (lines.Length < 3 || lines[0] != Header || f.Length != 11)
            throw new InvalidDataException($"{path} is not a benchmark cell file (header {Header}, a row, the per-sample bits); delete it to recompute the cell.");
        int? size = f[2] == "all" ? null : int.Parse(f[2], CultureInfo.InvariantCulture);
        var key = new CellKey(EnumText.Parse<CellStage>(f[1], path), size, EnumText.Parse<BenchmarkModel>(f[3], path),
            int.Parse(f[4], CultureInfo.InvariantCulture) - 1, f[5].Length == 0 ? -1 : int.Parse(f[5], CultureInfo.InvariantCulture) - 1, int.Parse(f[6], CultureInfo.InvariantCulture));
        var result = new CellResult(key, int.Parse(f[7], CultureInfo.InvariantCulture), int.Parse(f[8], CultureInfo.InvariantCulture),
            int.Parse(f[9], CultureInfo.InvariantCulture), lines[2]);
        if (key.Id != f[0] || result.CorrectBits.Length != result.EvalCount)
            throw new InvalidDataException($"{path}: the cell's id or bits do not match its row; delete it to recompute the cell.");
        return result;
    }
}
