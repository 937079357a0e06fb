using System.CommandLine;
using System.Text.Json;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;
using Qtl.Runtime;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary>
/// <c>circuit</c>: evaluates one dressed circuit, optionally with its gradients.
/// With --json the last line printed is one JSON object (z, dz_dw, dz_dx, backend).
/// </summary>
public static class CircuitCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var qubits = new Option<int>("--qubits") { Description = "Number of qubits (1-16).", DefaultValueFactory = _ => 4 };
        var depth = new Option<int>("--depth") { Description = "Number of variational blocks (0-100).", DefaultValueFactory = _ => 6 };
        var inputs = new Option<string>("--inputs") { Description = "Comma-separated embedding angles, one per qubit.", Required = true };
        var weights = new Option<string>("--weights") { Description = "Comma-separated weights, qubits×depth, block by block." };
        var backend = SharedOptions.Backend(BackendKind.QSharp);
        var gradient = SharedOptions.OptionalGradient();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };

        var command = new Command("circuit", "Evaluate one dressed quantum circuit: <Z_i> per qubit and, with --gradient, its gradients.")
        {
            qubits, depth, inputs, weights, backend, gradient, json,
        };
        command.SetAction(r => Run(runtime,
            r.GetValue(qubits), r.GetValue(depth), r.GetValue(inputs), r.GetValue(weights),
            r.GetValue(backend), r.GetValue(gradient), r.GetValue(json)));
        return command;
    }

    private static int Run(QdkRuntime runtime, int qubits, int depth, string? inputsText, string? weightsText,
        BackendKind backendKind, GradientMethod? method, bool json)
    {
        Parsing.InRange(qubits, 1, CircuitShape.MaxQubits, "--qubits");
        Parsing.InRange(depth, 0, CircuitShape.MaxDepth, "--depth");
        if (method is { } m) Backends.CapabilitiesOf(backendKind).Require(m, shots: 0, backendKind.Text());
        var shape = new CircuitShape(qubits, depth);
        double[] inputs = Parsing.Doubles(inputsText, "--inputs");
        double[] weights = Parsing.Doubles(weightsText, "--weights");
        if (inputs.Length != qubits)
            throw new UserError($"--inputs has {inputs.Length} values; {qubits} qubits need exactly {qubits}.");
        if (weights.Length != shape.WeightCount)
            throw new UserError($"--weights has {weights.Length} values; {qubits} qubits × depth {depth} need exactly {shape.WeightCount}.");

        WarnIfSlow(shape, backendKind, method);
        using var backend = Backends.Create(backendKind, runtime);
        var batch = new CircuitBatch(shape, inputs, weights);
        double[] z;
        CircuitGradients? grads = null;
        if (method is not null)
        {
            grads = method == GradientMethod.Adjoint ? Adjoint.Compute(batch) : ParameterShift.Compute(backend, batch);
            z = grads.Outputs;
        }
        else
        {
            z = backend.Evaluate(batch).Expectations;
        }

        if (json)
            Console.WriteLine(ToJson(shape, backend.Name, z, grads, method));
        else
            Print(shape, backend.Name, z, grads, method);
        return 0;
    }

    /// <summary>
    /// Says up front, on stderr (stdout may be --json), when a request is big enough to run for minutes:
    /// 16 qubits at depth 100 with parameter-shift are 3,233 circuits of 65,536 amplitudes and 1,700 gates each.
    /// </summary>
    private static void WarnIfSlow(CircuitShape shape, BackendKind backend, GradientMethod? gradientMethod)
    {
        long circuits = gradientMethod == GradientMethod.ParameterShift ? ParameterShift.CircuitsPerSample(shape) : 1;
        double updates = gradientMethod == GradientMethod.Adjoint
            ? (double)shape.StateCount * (shape.Qubits + 1) * (shape.WeightCount + shape.Qubits + 1)
            : circuits * (double)shape.StateCount * (shape.Depth + 1) * shape.Qubits;
        // Amplitude updates per second for one big circuit, measured here: ~2e7 on the QDK, ~3e8 native.
        double perSecond = backend == BackendKind.Native ? 3e8 : 2e7;
        if (updates / perSecond < 10) return;
        Console.Error.WriteLine($"note: {circuits} circuit(s) of {shape.Qubits} qubits, depth {shape.Depth} on {backend.Text()}: about {Math.Ceiling(updates / perSecond / 60)} min or more; Ctrl+C stops it.");
    }

    private static string ToJson(CircuitShape shape, string backend, double[] z, CircuitGradients? g, GradientMethod? method)
    {
        var result = new Dictionary<string, object?>
        {
            ["backend"] = backend,
            ["qubits"] = shape.Qubits,
            ["depth"] = shape.Depth,
            ["z"] = z,
        };
        if (g is not null)
        {
            result["gradient_method"] = method?.Text();
            result["dz_dw"] = Rows(g.DWeights, shape.WeightCount, shape.Qubits);
            result["dz_dx"] = Rows(g.DInputs, shape.Qubits, shape.Qubits);
        }
        return JsonSerializer.Serialize(result);
    }

    private static double[][] Rows(double[] flat, int rows, int width) =>
        Enumerable.Range(0, rows).Select(r => flat.AsSpan(r * width, width).ToArray()).ToArray();

    private static void Print(CircuitShape shape, string backend, double[] z, CircuitGradients? g, GradientMethod? method)
    {
        AnsiConsole.MarkupLine($"[bold]Dressed circuit[/], {shape}, backend [green]{backend}[/]");
        var table = new Table().AddColumn("qubit").AddColumn("<Z>");
        for (int i = 0; i < shape.Qubits; i++)
            table.AddRow(i.ToString(), z[i].ToString("F12"));
        AnsiConsole.Write(table);
        if (g is null) return;
        AnsiConsole.MarkupLine($"Gradients by [green]{method?.Text()}[/] (rows: parameters, columns: d<Z_i>):");
        var grads = new Table().AddColumn("parameter");
        for (int i = 0; i < shape.Qubits; i++) grads.AddColumn($"Z{i}");
        for (int p = 0; p < shape.Qubits; p++)
            grads.AddRow([$"x{p}", .. Enumerable.Range(0, shape.Qubits).Select(i => g.DInputs[p * shape.Qubits + i].ToString("F8"))]);
        for (int p = 0; p < shape.WeightCount; p++)
            grads.AddRow([$"w{p / shape.Qubits},{p % shape.Qubits}", .. Enumerable.Range(0, shape.Qubits).Select(i => g.DWeights[p * shape.Qubits + i].ToString("F8"))]);
        AnsiConsole.Write(grads);
    }
}
