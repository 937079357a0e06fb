using System.CommandLine;
using Qtl.Distillation;
using Qtl.IO;
using Qtl.Quantum;
using Qtl.Runtime;

namespace Qtl.Cli;

/// <summary><c>reproduce kd-fashion</c>: the FashionMNIST table of arXiv:2311.13810 over several seeds; <c>reproduce transfer</c>: Mari et al. 2019 on ResNet18 features.</summary>
public static class ReproduceCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var command = new Command("reproduce", "Reproduce a published result table.");
        command.Subcommands.Add(KdFashionCommand(runtime));
        command.Subcommands.Add(TransferCommand.Create(runtime));
        return command;
    }

    private static Command KdFashionCommand(QdkRuntime runtime)
    {
        var shared = new DistillCommand.StudentOptions();
        var protocol = new ProtocolOption();
        var quick = new Option<bool>("--quick") { Description = "One seed and 4 epochs (a few minutes)." };
        var seeds = new Option<int?>("--seeds") { Description = "Seeds 1..N (default 3; 1 with --quick)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (default 10; 4 with --quick)." };
        var backend = SharedOptions.Backend(BackendKind.Native); // native: the table is large
        var output = new Option<string?>("--out") { Description = "Output folder (default runs/kd-fashion, runs/kd-fashion-paper with --protocol paper)." };
        var ladder = protocol.Only(KdProtocol.Paper, new Option<bool>("--ladder") { Description = "With --protocol paper: also the ablation ladder, one change at a time." });
        var cache = protocol.Only(KdProtocol.Paper, new Option<string?>("--cache") { Description = "With --protocol paper: folder of finished runs, read and extended (default <out>/cache)." });
        var threads = protocol.Only(KdProtocol.Paper, new Option<int>("--threads") { Description = "With --protocol paper: runs in parallel (results do not depend on it).", DefaultValueFactory = _ => 2 });
        var command = new Command("kd-fashion", "Student alone vs LeNet/AlexNet/ensemble → quantum student on FashionMNIST 0-5 and 0-7 (3 and 4 qubits); writes results.csv, results.md and charts.")
        {
            quick, seeds, epochs, backend, output, ladder, threads, cache,
        };
        protocol.AddTo(command);
        shared.AddTo(command, protocol);
        command.SetAction(r =>
        {
            bool isQuick = r.GetValue(quick);
            if (protocol.Chosen(r) == KdProtocol.Paper)
                return KdFashionPaper.Run(r, shared, isQuick, r.GetValue(seeds), r.GetValue(epochs), r.GetValue(backend), r.GetValue(ladder), r.GetValue(threads), r.GetValue(output), r.GetValue(cache), runtime);
            var template = shared.Fill(r, new DistillationOptions()) with
            {
                Epochs = r.GetValue(epochs) ?? (isQuick ? 4 : 10),
                Backend = r.GetValue(backend),
            };
            int n = r.GetValue(seeds) ?? (isQuick ? 1 : 3);
            Parsing.InRange(n, 1, 20, "--seeds");
            (template with { Classes = ClassSubset.ZeroToSeven.Classes }).Validate();
            Console.WriteLine($"reproduce kd-fashion: {n} seed(s), {template.Epochs} epochs, backend {template.Backend.Text()} (native by default: 12 configurations × seeds; the Q# kernels define the same circuits and tests hold them equal), readout {(template.Shots == 0 ? "exact" : $"{template.Shots} shots")}.");
            using var notice = StopSignals.Notice(() => $"the table is written when every cell is done, so nothing of it was kept. Start again with: {CommandText.Again(CommandText.Current)}");
            var result = KdFashion.Run(template, n, Console.WriteLine, runtime);
            string dir = r.GetValue(output) ?? Path.Combine("runs", "kd-fashion");
            string commandLine = "dotnet run --project Host -- " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
            using (SafePoint.Process.Enter()) KdFashion.Write(dir, result, commandLine);
            Console.WriteLine(KdFashion.Markdown(result, commandLine));
            Console.WriteLine($"Wrote {dir}/results.csv, results.md, kd-fashion.svg ({result.Seconds:F0} s).");
            return 0;
        });
        return command;
    }
}
