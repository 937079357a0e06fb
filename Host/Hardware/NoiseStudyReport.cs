using System.Globalization;
using System.Text;
using System.Text.Json;
using Qtl.Reports;
using Qtl.IO;

namespace Qtl.Hardware;

/// <summary>Writes a noise study as noise-study.csv, noise-study.json, two SVG charts (with their data as CSV) and report.html.</summary>
public static class NoiseStudyReport
{
    /// <summary>Writes every file into <paramref name="dir"/>; returns the report's path.</summary>
    public static string Write(string dir, NoiseStudyResult result, string model, string data)
    {
        Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(Path.Combine(dir, "noise-study.csv"), Csv(result));
        AtomicFile.WriteAllText(Path.Combine(dir, "noise-study.json"), JsonSerializer.Serialize(new
        {
            Model = model,
            Data = data,
            Circuit = result.Shape.ToString(),
            result.Samples,
            Noise = "depolarizing p: X, Y, Z each with p/3 after every gate on each qubit it touches and before every measurement",
            Sources = new { Exact = NoiseStudy.ExactSource, UpToQdkMaxShots = NoiseStudy.QdkSource, Larger = NoiseStudy.SampledSource },
            result.Options,
            Seconds = Math.Round(result.Seconds, 2),
            Points = result.Points.Select(p => new { p.Noise, Shots = p.ShotsLabel, p.Source, p.Mean, p.Std, p.Accuracies, Seconds = Math.Round(p.Seconds, 2) }),
        }, JsonFiles.Options));

        var sections = new List<ReportSection>
        {
            new SummarySection("Study",
                ("model", model),
                ("data", $"{data}; {result.Samples} validation samples"),
                ("circuit", result.Shape.ToString()),
                ("noise", "depolarizing p (X, Y, Z each p/3) after every H, RY and CNOT on each qubit it touches, and before every measurement — where the QDK puts it"),
                ("sources", $"exact: {NoiseStudy.ExactSource}; shots ≤ {result.Options.QdkMaxShots}: {NoiseStudy.QdkSource}; more shots: {NoiseStudy.SampledSource}"),
                ("repeats", $"{result.Options.Repeats} per shot-based cell (error bars: ± sample std)"),
                ("time", $"{result.Seconds:F1} s")),
            new TableSection("Validation accuracy", ["noise p", "shots", "source", "accuracy (mean ± std)", "runs", "seconds"],
                result.Points.Select(p => (IReadOnlyList<string>)[G(p.Noise), p.ShotsLabel, p.Source, $"{p.Mean:P1} ± {p.Std:P1}", p.Accuracies.Count.ToString(), $"{p.Seconds:F1}"]).ToList()),
        };
        if (result.AccuracyVsNoiseChart() is { } noise)
        {
            string reference = string.Join("; ", result.Points.Where(p => p.Noise == 0).Select(p => $"{p.ShotsLabel}: {p.Mean:P1}"));
            sections.Add(Figure.FromChart("accuracy-vs-noise", noise, dir,
                $"Mean ± std over repeats. Noiseless (p = 0, not on a log axis): {(reference.Length > 0 ? reference : "not measured")}. Files: accuracy-vs-noise.svg, .csv."));
        }
        if (result.AccuracyVsShotsChart() is { } shots)
        {
            string exact = string.Join("; ", result.Points.Where(p => p.Shots == 0).Select(p => $"p={G(p.Noise)}: {p.Mean:P1}"));
            sections.Add(Figure.FromChart("accuracy-vs-shots", shots, dir,
                $"Mean ± std over repeats. Exact read-out (density matrix): {(exact.Length > 0 ? exact : "not measured")}. Files: accuracy-vs-shots.svg, .csv."));
        }
        return ReportWriter.Write(dir, new ReportData("qtl-qsharp: accuracy under noise and shots", $"{model} — {data}", sections));
    }

    public static string Csv(NoiseStudyResult result)
    {
        var csv = new StringBuilder("noise_p,shots,source,mean_accuracy,std_accuracy,runs,accuracies,seconds\n");
        foreach (var p in result.Points)
            csv.Append(G(p.Noise)).Append(',').Append(p.ShotsLabel).Append(",\"").Append(p.Source).Append("\",")
               .Append(R(p.Mean)).Append(',').Append(R(p.Std)).Append(',').Append(p.Accuracies.Count).Append(',')
               .Append(string.Join(';', p.Accuracies.Select(R))).Append(',').Append(p.Seconds.ToString("F2", CultureInfo.InvariantCulture)).Append('\n');
        return csv.ToString();
    }

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
