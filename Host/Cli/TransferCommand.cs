using System.CommandLine;
using Qtl.Benchmarks;
using Qtl.IO;
using Qtl.Runtime;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary><c>reproduce transfer</c>: the dressed-circuit transfer experiment on four FashionMNIST pairs, with statistics.</summary>
public static class TransferCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var quick = new Option<bool>("--quick") { Description = "2 seeds, 5 epochs, 200 test images per class, a 2-epoch QDK check (a few minutes)." };
        var seeds = new Option<int?>("--seeds") { Description = "Seeds 1..N (default 5; 2 with --quick)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs of every head (default 30, the recipe; 5 with --quick)." };
        var checkEpochs = new Option<int?>("--qsharp-check-epochs") { Description = "Epochs of the one cell re-run on the qsharp backend; 0 skips it (default: the epochs; 2 with --quick)." };
        var data = new Option<string?>("--data") { Description = "FashionMNIST IDX folder (default: the installed dataset-fashion-mnist)." };
        var cache = new Option<string?>("--cache-dir") { Description = "Feature cache folder (default ~/.cache/qtl-qsharp/features)." };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("runs", "transfer-benchmark") };
        var command = new Command("transfer", "Quantum vs classical heads on ImageNet ResNet18 features, 4 FashionMNIST pairs × seeds, held-out test set, ablations, QDK cross-check; writes results.csv, results.md and figures.")
        {
            quick, seeds, epochs, checkEpochs, data, cache, output,
        };
        command.SetAction(r =>
        {
            bool isQuick = r.GetValue(quick);
            var defaults = new TransferBenchmarkOptions();
            int epochCount = r.GetValue(epochs) ?? (isQuick ? 5 : defaults.Recipe.Epochs);
            var options = (defaults with
            {
                Seeds = r.GetValue(seeds) ?? (isQuick ? 2 : defaults.Seeds),
                TestPerClass = isQuick ? 200 : null,
                Recipe = defaults.Recipe with { Epochs = epochCount },
                QSharpCheckEpochs = r.GetValue(checkEpochs) ?? (isQuick ? 2 : epochCount),
                DataPath = r.GetValue(data),
                CacheDir = r.GetValue(cache),
            }).Validate();
            string dir = r.GetValue(output)!;
            using var notice = StopSignals.Notice(() => "the results are written when every cell is done, so only the features extracted so far were kept " +
                $"(in the feature cache). Start again with: {CommandText.Again(CommandText.Current)}");
            var result = TransferBenchmark.Run(runtime, options, line => AnsiConsole.WriteLine(line), p =>
            {
                // A line at each quarter of an extraction: enough to see it move, also in a log file.
                int step = Math.Max(1, p.Total / 4);
                if (p.Done == p.Total || p.Done / step != (p.Done - 1) / step)
                    AnsiConsole.WriteLine($"features ({p.Split}): {p.Done}/{p.Total}");
            });
            string commandLine = "dotnet run --project Host -- " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
            using (SafePoint.Process.Enter()) TransferBenchmarkReport.Write(dir, result, commandLine);
            AnsiConsole.WriteLine(TransferBenchmarkReport.Markdown(result, commandLine));
            AnsiConsole.WriteLine($"Wrote {dir}/results.csv, results.md and the figures ({result.Seconds:F0} s).");
            return 0;
        });
        return command;
    }
}
