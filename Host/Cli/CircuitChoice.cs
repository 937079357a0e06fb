using System.CommandLine;
using Qtl.Quantum;
using Spectre.Console;
using Qtl.Training;

namespace Qtl.Cli;

/// <summary>
/// Chooses the circuit that estimate and export-qir work on: the trained circuit (--run/--checkpoint)
/// with the inputs of validation sample --sample or the angles of --inputs, or, without a model,
/// a --qubits/--depth circuit with seeded random weights.
/// </summary>
internal sealed class CircuitChoice
{
    private readonly Option<int?> _sample = new("--sample") { Description = "Validation sample whose embedding angles to use (with a model; default 0)." };
    private readonly Option<string?> _inputs = new("--inputs") { Description = "Embedding angles directly, one per qubit, comma-separated (radians)." };
    private readonly Option<int> _qubits = new("--qubits") { Description = "Without a model: qubits of a random-weight circuit (1-16).", DefaultValueFactory = _ => 4 };
    private readonly Option<int> _depth = new("--depth") { Description = "Without a model: variational blocks of a random-weight circuit (0-100).", DefaultValueFactory = _ => 6 };
    private readonly Option<int> _seed = SharedOptions.Seed(42); // without a model: the random weights and inputs

    public TrainedRun Run { get; } = new();

    public void AddTo(Command command)
    {
        Run.AddTo(command);
        foreach (var o in new Option[] { _sample, _inputs, _qubits, _depth, _seed }) command.Options.Add(o);
    }

    public ChosenCircuit Resolve(ParseResult r)
    {
        int? sample = r.GetValue(_sample);
        string? inputsText = r.GetValue(_inputs);
        if (sample is not null && inputsText is not null) throw new UserError("give --sample or --inputs, not both.");
        if (!Run.HasModel(r)) return Random(r, sample, inputsText);

        var model = Run.LoadModel(r);
        var head = QuantumHead.From(model);
        string path = Run.CheckpointPath(r);
        if (inputsText is not null)
            return new ChosenCircuit(head.Shape, Angles(inputsText, head.Shape.Qubits), head.Weights, $"{path}, inputs from --inputs", null);

        var data = Run.LoadData(r, model, notice => AnsiConsole.MarkupLineInterpolated($"[grey]{notice}[/]"));
        int index = sample ?? 0;
        if (index < 0 || index >= data.Validation.Count)
            throw new UserError($"--sample is {index}; allowed: 0 to {data.Validation.Count - 1} (the validation split has {data.Validation.Count} samples).");
        double[] inputs = head.CircuitInputs([data.Validation.Features[index]])[0];
        return new ChosenCircuit(head.Shape, inputs, head.Weights,
            $"{path}, validation sample {index} ({data.Validation.ClassNames[data.Validation.Labels[index]]})", data.Validation.Count);
    }

    private ChosenCircuit Random(ParseResult r, int? sample, string? inputsText)
    {
        if (sample is not null) throw new UserError("--sample needs a trained model: give --run or --checkpoint.");
        int qubits = r.GetValue(_qubits), depth = r.GetValue(_depth), seed = r.GetValue(_seed);
        Parsing.InRange(qubits, 1, CircuitShape.MaxQubits, "--qubits");
        Parsing.InRange(depth, 0, CircuitShape.MaxDepth, "--depth");
        var shape = new CircuitShape(qubits, depth);
        var rng = new Random(seed);
        double[] weights = Enumerable.Range(0, shape.WeightCount).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray();
        double[] inputs = inputsText is not null
            ? Angles(inputsText, qubits)
            : Enumerable.Range(0, qubits).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI / 2).ToArray();
        return new ChosenCircuit(shape, inputs, weights, $"random weights (seed {seed}), {(inputsText is null ? "random inputs" : "inputs from --inputs")}", null);
    }

    private static double[] Angles(string text, int qubits)
    {
        double[] angles = Parsing.Doubles(text, "--inputs");
        if (angles.Length != qubits) throw new UserError($"--inputs has {angles.Length} values; the circuit has {qubits} qubits and needs exactly {qubits}.");
        return angles;
    }
}
