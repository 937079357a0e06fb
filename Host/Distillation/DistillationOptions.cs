using System.Text.Json.Serialization;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Distillation;

/// <summary>
/// One distillation run. Defaults are the published recipe (arXiv:2311.13810): T = 3, λ = 0.9, Adam lr 0.001,
/// 10 epochs, 150 training samples per class, FashionMNIST classes 0-5, 3 qubits; the rest
/// (depth, encoding, front-end, batch size) are ours, since the paper does not fix them.
/// </summary>
public sealed record DistillationOptions
{
    /// <summary>lenet, alexnet, ensemble, none (the student alone), or an ONNX classifier by its path.</summary>
    public TeacherChoice Teacher { get; init; } = TeacherChoice.Ensemble;
    public IReadOnlyList<int> Classes { get; init; } = [0, 1, 2, 3, 4, 5];
    public int Qubits { get; init; } = 3;
    public int Depth { get; init; } = 3;
    public InputEncoding Encoding { get; init; } = InputEncoding.Amplitude;
    public FrontEnd FrontEnd { get; init; } = FrontEnd.Linear;
    public BackendKind Backend { get; init; } = BackendKind.Native;
    /// <summary>0 = exact readout; otherwise the readout is estimated from this many shots.</summary>
    public int Shots { get; init; }
    public int Seed { get; init; } = 1;
    public int Epochs { get; init; } = 10;
    [OptionName("--lr")]
    public double LearningRate { get; init; } = 0.001;
    /// <summary>
    /// Adam learning rate of the trainable linear front-end (784 inputs); null = <see cref="LearningRate"/>, as in the
    /// paper. A smaller one keeps tanh out of saturation while the circuit weights train at the full rate.
    /// </summary>
    [OptionName("--front-end-lr")]
    public double? FrontEndLearningRate { get; init; }
    public double Temperature { get; init; } = 3;
    public double Lambda { get; init; } = 0.9;
    public int PerClass { get; init; } = 150;
    /// <summary>Not given in the paper.</summary>
    public int BatchSize { get; init; } = 10;
    /// <summary>Evaluate on at most this many test images per class (null = the whole test split of the classes).</summary>
    public int? TestPerClass { get; init; }
    /// <summary>FashionMNIST directory; null = Debian package, else the committed subset.</summary>
    [OptionName("--data")]
    public string? DataDirectory { get; init; }

    /// <summary>"0.001", or "0.001 (front-end 0.0001)" when the front-end has its own rate.</summary>
    [JsonIgnore]
    public string LearningRates => FrontEndLearningRate is { } f
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LearningRate} (front-end {f})")
        : LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [JsonIgnore]
    public bool HasTeacher => !Teacher.IsNone;

    [JsonIgnore]
    public CircuitShape Shape => new(Qubits, Depth, Encoding, CircuitReadout.Probabilities);

    /// <summary>Adjoint on the native engine's exact state; parameter-shift on the QDK, and wherever shots are measured.</summary>
    [JsonIgnore]
    public GradientMethod GradientMethod => Backend == BackendKind.Native && Shots == 0 ? GradientMethod.Adjoint : GradientMethod.ParameterShift;

    /// <summary>Checks every value; messages say what is allowed.</summary>
    public void Validate()
    {
        if (Qubits < 1 || Qubits > CircuitShape.MaxProbabilityQubits)
            throw new UserError($"qubits is {Qubits}; allowed: 1 to {CircuitShape.MaxProbabilityQubits}.");
        if (Depth < 0 || Depth > CircuitShape.MaxDepth) throw new UserError($"depth is {Depth}; allowed: 0 to {CircuitShape.MaxDepth}.");
        if (Classes.Count > 1 << Qubits)
            throw new UserError($"{Classes.Count} classes need at least {Classes.Count} basis states; {Qubits} qubits give {1 << Qubits}.");
        if (Shots < 0 || Shots > Backends.MaxShots) throw new UserError($"shots is {Shots}; allowed: 0 (exact) to {Backends.MaxShots}.");
        if (Epochs < 1 || Epochs > 1000) throw new UserError($"epochs is {Epochs}; allowed: 1 to 1000.");
        if (!(LearningRate > 0 && LearningRate < 10)) throw new UserError($"learning rate is {LearningRate}; allowed: greater than 0 and below 10.");
        if (FrontEndLearningRate is { } f && !(f > 0 && f < 10))
            throw new UserError($"front-end learning rate is {f}; allowed: greater than 0 and below 10.");
        if (FrontEndLearningRate is not null && FrontEnd != FrontEnd.Linear)
            throw new UserError("a front-end learning rate needs the linear front-end; the pca front-end is fixed and has nothing to train.");
        if (!(Temperature > 0 && Temperature <= 100)) throw new UserError($"temperature is {Temperature}; allowed: greater than 0, at most 100.");
        if (!(Lambda >= 0 && Lambda <= 1)) throw new UserError($"lambda is {Lambda}; allowed: 0 to 1.");
        if (PerClass < 1) throw new UserError($"per-class is {PerClass}; it must be at least 1.");
        if (BatchSize < 1) throw new UserError($"batch size is {BatchSize}; it must be at least 1.");
        if (TestPerClass is < 1) throw new UserError($"test per class is {TestPerClass}; it must be at least 1.");
        Data.FashionMnist.ValidateClasses(Classes);
    }

    /// <summary>"0-5" for classes 0..5, else the list joined by commas.</summary>
    [JsonIgnore]
    public string ClassesTag => Classes.SequenceEqual(Enumerable.Range(Classes[0], Classes.Count))
        ? $"{Classes[0]}-{Classes[^1]}" : string.Join(",", Classes);
}
