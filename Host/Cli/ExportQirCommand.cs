using System.CommandLine;
using Qtl.Hardware;
using Spectre.Console;
using Qtl.Runtime;
using Qtl.IO;

namespace Qtl.Cli;

/// <summary>
/// <c>export-qir</c>: the trained circuit for one input, every qubit measured, as QIR from the QDK
/// (base profile by default), written atomically so a failed export never replaces an existing file.
/// </summary>
public static class ExportQirCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var choice = new CircuitChoice();
        var output = new Option<string>("--out") { Description = "The .ll file to write.", Required = true };
        var profile = EnumOption.Create("--profile", $"QIR profile: {EnumOption.Allowed<QirProfile>()}.", QirProfile.Base);
        var source = new Option<bool>("--source") { Description = "Also write the generated Q# entry point beside it (<out>.qs)." };
        var command = new Command("export-qir", "Export the trained circuit for one input as QIR (.ll), every qubit measured.") { output, profile, source };
        choice.AddTo(command);
        command.SetAction(r => Run(runtime, choice.Resolve(r), r.GetValue(output)!, r.GetValue(profile).Text(), r.GetValue(source)));
        return command;
    }

    private static int Run(QdkRuntime runtime, ChosenCircuit circuit, string output, string profile, bool writeSource)
    {
        if (Directory.Exists(output)) throw new UserError($"--out {output} is a folder; give a file name such as circuit.ll.");
        string qir = QirExport.Generate(runtime, circuit.Shape, circuit.Inputs, circuit.Weights, profile);
        AtomicFile.WriteAllText(output, qir);
        if (writeSource)
            AtomicFile.WriteAllText(Path.ChangeExtension(output, ".qs"), InferenceEntry.Source(circuit.Shape, circuit.Inputs, circuit.Weights));
        var calls = QirExport.CountCalls(qir);
        AnsiConsole.MarkupLineInterpolated($"QIR ({profile} profile) of {circuit.Shape}: {circuit.Description}.");
        AnsiConsole.MarkupLineInterpolated($"Quantum calls: {string.Join(", ", calls.OrderBy(c => c.Key).Select(c => $"{c.Key} × {c.Value}"))}.");
        AnsiConsole.MarkupLineInterpolated($"Wrote [link]{Path.GetFullPath(output)}[/] ({qir.Length:N0} characters).");
        return 0;
    }
}
