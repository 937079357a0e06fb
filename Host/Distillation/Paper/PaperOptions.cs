using System.Globalization;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Distillation.Paper;

/// <summary>
/// One run of the published protocol (arXiv:2311.13810, the authors' FashionMNIST notebooks). Defaults are the
/// published values; <see cref="ForCell"/> sets the per-cell quirks of the code (the 3-qubit 0-5 baseline's
/// softmax head, the LeNet → 0-7 4-qubit notebook whose KD term sends no gradient).
/// </summary>
public sealed record PaperOptions
{
    public const double PublishedKdWeight = 8.1;

    /// <summary>None, or a committed teacher: lenet, alexnet or ensemble.</summary>
    public TeacherChoice Teacher { get; init; } = TeacherChoice.None;
    public ClassSubset Subset { get; init; } = ClassSubset.ZeroToFive;
    public int Qubits { get; init; } = 3;
    /// <summary>Trainable [CNOT; RY] blocks after the encoding; 0 in the paper.</summary>
    public int Depth { get; init; }
    public PaperHead Head { get; init; } = PaperHead.SigmoidPair;
    public ShiftRule Rule { get; init; } = ShiftRule.Paper;
    public PaperSelection Selection { get; init; } = PaperSelection.BestTestEpoch;
    /// <summary>False reproduces the LeNet → 0-7, 4-qubit notebook: its KD term is the teacher's own CE, constant for the student.</summary>
    public bool KdReachesStudent { get; init; } = true;
    /// <summary>5000 for 3 qubits, 2000 for 4 in the paper; 0 = exact probabilities.</summary>
    public int Shots { get; init; } = 5000;
    public BackendKind Backend { get; init; } = BackendKind.Native;
    public int Seed { get; init; } = 1;
    public int Epochs { get; init; } = 10;
    public double LearningRate { get; init; } = 0.001;
    public double Temperature { get; init; } = 3;
    public double KdWeight { get; init; } = PublishedKdWeight;
    /// <summary>The first N images per class of the train split (and of the test split for the test subset).</summary>
    public int PerClass { get; init; } = 150;
    public string? DataDirectory { get; init; }

    public IReadOnlyList<int> Classes => Subset.Classes;
    public bool HasTeacher => !Teacher.IsNone;
    public string ClassesTag => Subset.Tag;

    /// <summary>The published configuration of one cell of the table.</summary>
    public static PaperOptions ForCell(ClassSubset subset, int qubits, TeacherChoice teacher, int seed) => new()
    {
        Teacher = teacher,
        Subset = subset,
        Qubits = qubits,
        Head = teacher.IsNone && subset == ClassSubset.ZeroToFive && qubits == 3 ? PaperHead.Softmax : PaperHead.SigmoidPair,
        KdReachesStudent = !(teacher == TeacherChoice.LeNet && subset == ClassSubset.ZeroToSeven && qubits == 4),
        Shots = qubits == 3 ? 5000 : 2000,
        Seed = seed,
    };

    /// <summary>Every setting that changes the bits of a run: equal keys give equal results.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"{Teacher}|{ClassesTag}|{Qubits}|{Depth}|{Head}|{Rule.Name}|{Selection}|{KdReachesStudent}|{Shots}|{Backend.Text()}|{Seed}|{Epochs}|{LearningRate:R}|{Temperature:R}|{KdWeight:R}|{PerClass}|{DataDirectory}");

    /// <summary>Checks every value; messages say what is allowed.</summary>
    public void Validate()
    {
        if (!TeacherChoice.Named.Contains(Teacher)) throw new UserError($"teacher is '{Teacher}'; allowed: {TeacherChoice.Names}.");
        if (Qubits < 1 || Qubits > Quantum.CircuitShape.MaxProbabilityQubits)
            throw new UserError($"qubits is {Qubits}; allowed: 1 to {Quantum.CircuitShape.MaxProbabilityQubits}.");
        if (Classes.Count > 1 << Qubits) throw new UserError($"{Classes.Count} classes need {Classes.Count} outputs; {Qubits} qubits give {1 << Qubits}.");
        if (Depth < 0 || Depth > Quantum.CircuitShape.MaxDepth) throw new UserError($"depth is {Depth}; allowed: 0 to {Quantum.CircuitShape.MaxDepth}.");
        if (Shots < 0 || Shots > Backends.MaxShots) throw new UserError($"shots is {Shots}; allowed: 0 (exact) to {Backends.MaxShots}.");
        if (Epochs < 1 || Epochs > 1000) throw new UserError($"epochs is {Epochs}; allowed: 1 to 1000.");
        if (!(LearningRate > 0 && LearningRate < 10)) throw new UserError($"learning rate is {LearningRate}; allowed: greater than 0 and below 10.");
        if (!(Temperature > 0 && Temperature <= 100)) throw new UserError($"temperature is {Temperature}; allowed: greater than 0, at most 100.");
        if (!(KdWeight >= 0 && KdWeight <= 1000)) throw new UserError($"KD weight is {KdWeight}; allowed: 0 to 1000.");
        if (PerClass < 1) throw new UserError($"per-class is {PerClass}; it must be at least 1.");
    }
}
