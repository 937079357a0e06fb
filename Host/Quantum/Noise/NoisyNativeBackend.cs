using Qtl.Quantum.Gradients;
namespace Qtl.Quantum.Noise;

/// <summary>
/// The dressed circuits under Pauli noise on the native <see cref="DensityMatrix"/>: exact noisy
/// ⟨Z_i⟩ and probabilities with shots = 0, or shots drawn from the exact noisy distribution. Exact
/// values make parameter-shift gradients exact under noise (the channels do not depend on the
/// angles, so the two-term rule still holds), so it also serves for training under noise.
/// </summary>
public sealed class NoisyNativeBackend : IQuantumBackend
{
    /// <summary>Says in every shot result how the shots were drawn.</summary>
    public const string SampledShotSource = "sampled from the exact noisy distribution (native density matrix)";

    private readonly NativeBatch _batches;

    /// <param name="noise">The noise after every gate and before measurement.</param>
    /// <param name="seed">Seeds shot sampling; the same seed and sequence of calls give the same results.</param>
    public NoisyNativeBackend(NoiseModel noise, int seed = NativeBackend.DefaultSeed)
    {
        Noise = noise ?? throw new ArgumentNullException(nameof(noise));
        _batches = new NativeBatch(seed);
    }

    public NoiseModel Noise { get; }

    public string Name => "native-noisy";

    /// <summary>Parameter-shift only: adjoint differentiation runs the noiseless state vector.</summary>
    public BackendCapabilities Capabilities { get; } =
        new(BackendKind.Native, [GradientMethod.ParameterShift], Exact: true, Shots: true, Noise: true);

    public string DescribeReadout(int shots) => shots == 0 ? $"exact ({Noise}, native density matrix)" : $"{shots} shots {SampledShotSource}";

    public BatchResult Evaluate(CircuitBatch batch, int shots = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var shape = batch.Shape;
        int n = shape.Qubits, dim = shape.StateCount;
        if (n > DensityMatrix.MaxQubits)
            throw new ArgumentException($"the native noisy engine simulates up to {DensityMatrix.MaxQubits} qubits (a density matrix of {n} would need 4^{n} doubles); use the QDK's shot-based noise instead.");
        var (probabilities, expectations) = _batches.Evaluate(batch, shots, dim * dim,
            (long)dim * dim * (3 * n + shape.Depth * 3 * n), (b, p, rho) =>
            {
                DensityMatrix.Run(shape, batch.InputsOf(b), batch.WeightsOf(b), Noise, rho);
                DensityMatrix.MeasuredProbabilities(rho, n, Noise, p);
            });
        return shots > 0
            ? new BatchResult(shape, batch.Count, expectations, probabilities, Name, shots, SampledShotSource)
            : new BatchResult(shape, batch.Count, expectations, probabilities, Name, 0, $"exact ({Noise}, native density matrix)");
    }

    public void Dispose() { }
}
