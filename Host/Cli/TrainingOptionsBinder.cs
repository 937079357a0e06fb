using System.CommandLine;
using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;
using Qtl.Training;

namespace Qtl.Cli;

/// <summary>The recipe options shared by train and the demo; fills a <see cref="TrainingOptions"/> record.</summary>
public sealed class TrainingOptionsBinder
{
    private static readonly TrainingOptions Recipe = new();
    private readonly Option<int> _qubits = new("--qubits") { Description = "Qubits n of the dressed circuit (1-16).", DefaultValueFactory = _ => Recipe.Qubits };
    private readonly Option<int> _depth = new("--depth") { Description = "Variational blocks (0-100).", DefaultValueFactory = _ => Recipe.Depth };
    private readonly Option<double> _lr = new("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => Recipe.LearningRate };
    private readonly Option<int> _batch = new("--batch-size") { Description = "Samples per optimiser step.", DefaultValueFactory = _ => Recipe.BatchSize };
    private readonly Option<int> _epochs;
    private readonly Option<int> _step = new("--step-size") { Description = "StepLR: epochs between learning-rate drops.", DefaultValueFactory = _ => Recipe.StepSize };
    private readonly Option<double> _gamma = new("--gamma") { Description = "StepLR: factor of each drop.", DefaultValueFactory = _ => Recipe.Gamma };
    private readonly Option<double> _qDelta = new("--q-delta") { Description = "Initial circuit weights are q-delta × N(0,1).", DefaultValueFactory = _ => Recipe.QDelta };
    private readonly Option<bool> _separable = new("--separable") { Description = "The separable control: the quantum head's circuit without its CNOTs, so it never entangles." };
    private readonly Option<int> _seed = SharedOptions.Seed(Recipe.Seed);
    private readonly Option<BackendKind> _backend = SharedOptions.Backend(Recipe.Backend);
    private readonly Option<GradientMethod> _gradient = SharedOptions.Gradient(Recipe.GradientMethod);
    private readonly Option<int> _shots = SharedOptions.Shots(Recipe.Shots);
    private readonly Option<HeadKind[]> _heads = EnumOption.List("--heads", "Heads to train, comma-separated: quantum, classical, linear, lbfgs (ML.NET L-BFGS maximum entropy), sdca (ML.NET SDCA maximum entropy).", TransferExperiment.DefaultHeads);

    public TrainingOptionsBinder(int defaultEpochs)
    {
        _epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => defaultEpochs };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _qubits, _depth, _lr, _batch, _epochs, _step, _gamma, _qDelta, _separable, _seed, _backend, _gradient, _shots, _heads })
            command.Options.Add(option);
    }

    public TrainingOptions Bind(ParseResult r) => new TrainingOptions
    {
        Qubits = r.GetValue(_qubits),
        Depth = r.GetValue(_depth),
        LearningRate = r.GetValue(_lr),
        BatchSize = r.GetValue(_batch),
        Epochs = r.GetValue(_epochs),
        StepSize = r.GetValue(_step),
        Gamma = r.GetValue(_gamma),
        QDelta = r.GetValue(_qDelta),
        Separable = r.GetValue(_separable),
        Seed = r.GetValue(_seed),
        Backend = r.GetValue(_backend),
        GradientMethod = r.GetValue(_gradient),
        Shots = r.GetValue(_shots),
    }.Validate();

    public HeadKind[] Heads(ParseResult r) => r.GetValue(_heads)!;
}
