using Qtl.Quantum;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Qtl.Data;
using Qtl.Reports;
using Qtl.Tests.Training;
using Qtl.Training;

namespace Qtl.Tests.Reports;

/// <summary>
/// A real run report, opened in headless Chromium: every figure is an SVG with visible marks, every image decodes,
/// and the page logs no errors. Needs Debian's <c>chromium</c> package; without it the test is not run and says
/// how to install it (a failure in CI, see <see cref="MissingTool"/>).
/// </summary>
[Integration]
[NonParallelizable]
public partial class ReportBrowserTests
{
    private string dir = "";

    [SetUp]
    public void CreateDir() => dir = Directory.CreateTempSubdirectory("qtl-report-browser").FullName;

    [TearDown]
    public void DeleteDir() => Directory.Delete(dir, recursive: true);

    [Test]
    public void EveryFigureOfARunReportRendersWithMarksAndThePageLogsNoErrors()
    {
        string chromium = FindChromium();
        var data = SyntheticData.Blobs(perClass: 12, features: 6, seed: 3);
        data = data with
        {
            ValidationImages = Enumerable.Range(0, 4).Select(i => new SampleImage(8, 8, 1,
                Enumerable.Range(0, 64).Select(p => (byte)((p * 4 + i * 40) % 256)).ToArray(), data.Validation.Labels[i], $"sample {i}")).ToList(),
        };
        var options = new TrainingOptions { Qubits = 2, Depth = 1, Epochs = 2, BatchSize = 8, LearningRate = 0.05, Backend = BackendKind.Native };
        var results = new TransferExperiment(options, TransferExperiment.DefaultHeads, QdkSession.Runtime).Run(data, Path.Combine(dir, "run"));
        string report = RunReport.Write(QdkSession.Runtime, Path.Combine(dir, "run"), data, options, results);
        int expectedFigures = 2 + results.Count + 1; // loss, accuracy, one confusion matrix per head, the circuit

        // A copy of the report with a probe: it records page errors (scripts and resources) and measures every
        // figure as laid out by the browser. The report itself has no script; the probe only reads it.
        string html = File.ReadAllText(report);
        string probed = html.Replace("<head>", "<head><script>" + ProbeErrors + "</script>", StringComparison.Ordinal)
                            .Replace("</body>", "<script>" + ProbeMeasure + "</script></body>", StringComparison.Ordinal);
        Assert.That(probed, Does.Contain("qtlErrors").And.Contain("qtl-probe"), "the report has <head> and </body>");
        string page = Path.Combine(dir, "probed.html");
        File.WriteAllText(page, probed);

        var (dom, log) = RunChromium(chromium, page);
        var match = ProbeResult().Match(dom);
        Assert.That(match.Success, Is.True, $"the probe ran; chromium log:\n{Tail(log)}");
        using var json = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = json.RootElement;

        var errors = root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(errors, Is.Empty, "page errors");
        // The report has no scripts and the probe logs nothing, so any console line at all is a fault.
        var consoleLines = log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        Assert.That(consoleLines, Is.Empty, "console messages in chromium's log");

        var figures = root.GetProperty("figures").EnumerateArray().ToList();
        Assert.That(figures, Has.Count.EqualTo(expectedFigures), "one inline SVG per figure");
        foreach (var f in figures)
        {
            string name = f.GetProperty("caption").GetString() ?? "";
            Assert.That(f.GetProperty("width").GetDouble(), Is.GreaterThan(50), $"figure '{name}' width");
            Assert.That(f.GetProperty("height").GetDouble(), Is.GreaterThan(50), $"figure '{name}' height");
            Assert.That(f.GetProperty("marks").GetInt32(), Is.GreaterThan(0), $"figure '{name}' has paths/rects/lines with a non-zero size");
        }
        int images = root.GetProperty("images").GetInt32();
        Assert.That(images, Is.EqualTo(4), "the prediction grid's images");
        Assert.That(root.GetProperty("brokenImages").GetInt32(), Is.Zero, "every prediction image decodes");
        Assert.That(root.GetProperty("title").GetString(), Does.Contain("qtl-qsharp"));
        TestContext.Out.WriteLine($"{figures.Count} figures, {images} images, marks per figure: {string.Join(", ", figures.Select(f => f.GetProperty("marks").GetInt32()))}");
    }

    /// <summary>The Chromium binary (Debian: /usr/bin/chromium); without one the test stops (see <see cref="MissingTool"/>).</summary>
    public static string FindChromium()
    {
        string[] names = ["chromium", "chromium-browser", "google-chrome"];
        foreach (string d in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin"))
            foreach (string n in names)
                if (File.Exists(Path.Combine(d, n))) return Path.Combine(d, n);
        MissingTool.Report("headless Chromium is needed to check that reports render", "apt-get install chromium");
        return "";
    }

    public static string[] HeadlessArgs(string userDataDir) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-extensions", $"--user-data-dir={userDataDir}",
    ];

    private (string Dom, string Log) RunChromium(string chromium, string page)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in HeadlessArgs(Path.Combine(dir, "profile"))) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--enable-logging=stderr");
        start.ArgumentList.Add("--v=0");
        start.ArgumentList.Add("--dump-dom");
        start.ArgumentList.Add(new Uri(page).AbsoluteUri);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within 90 s; log:\n{Tail(stderr.IsCompleted ? stderr.Result : "")}");
        }
        process.WaitForExit();
        return (stdout.Result, stderr.Result);
    }

    private static string Tail(string log) => string.Join("\n", log.Split('\n').TakeLast(30));

    private const string ProbeErrors = """
        window.qtlErrors = [];
        window.addEventListener('error', e => {
          const t = e.target;
          window.qtlErrors.push(t && t !== window && t.tagName ? 'failed to load <' + t.tagName.toLowerCase() + '>' : String(e.message));
        }, true);
        const origError = console.error;
        console.error = (...a) => { window.qtlErrors.push('console.error: ' + a.join(' ')); origError.apply(console, a); };
        """;

    private const string ProbeMeasure = """
        window.addEventListener('load', () => {
          const figures = [...document.querySelectorAll('figure svg')].filter(s => !s.parentElement.closest('svg')).map(svg => {
            const r = svg.getBoundingClientRect();
            const marks = [...svg.querySelectorAll('path, rect, line, circle, polygon, polyline, ellipse')].filter(m => {
              try { const b = m.getBBox(); return b.width > 0 || b.height > 0; } catch (e) { return false; }
            }).length;
            const fig = svg.closest('figure');
            const cap = fig && fig.querySelector('figcaption');
            return { width: r.width, height: r.height, marks, caption: cap ? cap.textContent : '' };
          });
          const imgs = [...document.images];
          const result = { title: document.title, errors: window.qtlErrors, figures,
            images: imgs.length, brokenImages: imgs.filter(i => !i.complete || i.naturalWidth === 0).length };
          const pre = document.createElement('pre');
          pre.id = 'qtl-probe';
          pre.textContent = JSON.stringify(result);
          document.body.appendChild(pre);
        });
        """;

    [GeneratedRegex("<pre id=\"qtl-probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeResult();
}
