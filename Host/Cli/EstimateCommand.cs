using System.CommandLine;
using System.Text.Json;
using Qtl.Hardware;
using Spectre.Console;
using Qtl.Runtime;
using Qtl.IO;

namespace Qtl.Cli;

/// <summary>
/// <c>estimate</c>: what one inference of the trained circuit, and a whole validation pass with N shots,
/// would take on fault-tolerant hardware, from the QDK resource estimator across its six qubit models.
/// The pass is estimated as one shot repeated samples × shots times (runtime and T states scale; qubits do not).
/// </summary>
public static class EstimateCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var choice = new CircuitChoice();
        var shots = new Option<int>("--shots") { Description = "Shots per sample for the validation-pass estimate.", DefaultValueFactory = _ => 5000 };
        var samples = new Option<int?>("--samples") { Description = "Samples in the validation pass (default: the validation split's size, when known)." };
        var budget = new Option<double>("--error-budget") { Description = "Total error budget of one shot, in (0, 1).", DefaultValueFactory = _ => ResourceEstimates.DefaultErrorBudget };
        var json = new Option<string?>("--json") { Description = "Also write the estimates to this JSON file." };
        var command = new Command("estimate", "QDK resource estimates of the trained circuit on six qubit models: one inference and a validation pass.") { shots, samples, budget, json };
        choice.AddTo(command);
        command.SetAction(r =>
        {
            int shotCount = r.GetValue(shots);
            Parsing.InRange(shotCount, 1, 100_000_000, "--shots");
            int? sampleCount = r.GetValue(samples);
            if (sampleCount is int s) Parsing.InRange(s, 1, 100_000_000, "--samples");
            return Run(runtime, choice.Resolve(r), shotCount, sampleCount, r.GetValue(budget), r.GetValue(json));
        });
        return command;
    }

    private static int Run(QdkRuntime runtime, ChosenCircuit circuit, int shots, int? samples, double budget, string? jsonPath)
    {
        samples ??= circuit.ValidationSamples;
        var estimates = ResourceEstimates.ForInference(runtime, circuit.Shape, circuit.Inputs, circuit.Weights, errorBudget: budget);
        var table = new Table().Title($"QDK resource estimates: {Markup.Escape(circuit.Shape.ToString())}, one inference (error budget {budget:G3})")
            .AddColumn("qubit model").AddColumn("QEC").AddColumn(new TableColumn("logical").RightAligned())
            .AddColumn(new TableColumn("d").RightAligned()).AddColumn(new TableColumn("physical").RightAligned())
            .AddColumn(new TableColumn("T states").RightAligned()).AddColumn(new TableColumn("T fact.").RightAligned())
            .AddColumn(new TableColumn("1 shot").RightAligned());
        if (samples is int n) table.AddColumn(new TableColumn($"{n}×{shots}").RightAligned());
        foreach (var e in estimates)
        {
            var row = new List<string> { e.Model, e.QecScheme, e.LogicalQubits.ToString(), e.CodeDistance.ToString(), e.PhysicalQubits.ToString("N0"),
                e.TStates.ToString("N0"), e.TFactories.ToString(), ResourceEstimates.FormatDuration(e.RuntimeNs) };
            if (samples is int m) row.Add(ResourceEstimates.FormatDuration(e.Repeated((long)m * shots).RuntimeNs));
            table.AddRow(row.ToArray());
        }
        AnsiConsole.MarkupLineInterpolated($"Circuit: {circuit.Description}; {estimates[0].CircuitQubits} qubits, {estimates[0].Rotations} rotations, {estimates[0].Measurements} measurements.");
        AnsiConsole.MarkupLine("[grey]logical: qubits after layout; d: code distance; physical: incl. T factories; T fact.: T factories; runtime for 1 shot and for the whole pass.[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(samples is null
            ? "[grey]Give --samples N (or a model with its data) for a whole validation pass.[/]"
            : $"[grey]A validation pass is estimated as one shot repeated {samples} samples × {shots} shots back to back: runtime and T states scale, qubits do not; each shot keeps its own error budget.[/]");

        if (jsonPath is not null)
        {
            var document = new
            {
                Circuit = circuit.Description,
                Qubits = circuit.Shape.Qubits,
                circuit.Shape.Depth,
                ErrorBudget = budget,
                Note = "one_shot: the QDK estimator on one inference (circuit + measuring every qubit); validation_pass: one_shot repeated samples × shots (runtime and T states scale, qubits do not)",
                Samples = samples,
                Shots = shots,
                Estimates = estimates.Select(e => new { OneShot = e, ValidationPass = samples is int k ? e.Repeated((long)k * shots) : null }),
            };
            AtomicFile.WriteAllText(jsonPath, JsonSerializer.Serialize(document, JsonFiles.Options));
            AnsiConsole.MarkupLineInterpolated($"Wrote [link]{Path.GetFullPath(jsonPath)}[/].");
        }
        return 0;
    }
}
