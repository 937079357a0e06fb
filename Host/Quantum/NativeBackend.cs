using Qtl.Quantum.Gradients;

namespace Qtl.Quantum;

/// <summary>
/// Runs the dressed circuits on a real C# state vector (<see cref="StateVector"/>), in parallel
/// over the batch. It exists for speed (training at scale, adjoint gradients) and as an
/// independent check of the Q# kernels, which remain the definition of the circuit.
/// </summary>
public sealed class NativeBackend : IVariationalUnitaryBackend
{
    /// <summary>Says in every shot result how the shots were drawn: no measurement was simulated.</summary>
    public const string SampledShotSource = "sampled from the exact distribution";

    private readonly NativeBatch _batches;

    /// <param name="seed">Seeds shot sampling; the same seed and the same sequence of calls give the same results.</param>
    public NativeBackend(int seed = DefaultSeed) => _batches = new NativeBatch(seed);

    public const int DefaultSeed = 12345;

    public string Name => "native";

    public static readonly BackendCapabilities Declared =
        new(BackendKind.Native, [GradientMethod.ParameterShift, GradientMethod.Adjoint], Exact: true, Shots: true, Noise: false);

    public BackendCapabilities Capabilities => Declared;

    public string DescribeReadout(int shots) => shots == 0 ? "exact (native state vector)" : $"{shots} shots {SampledShotSource} (native)";

    /// <summary>
    /// Exact ⟨Z_i⟩ and probabilities when <paramref name="shots"/> is 0. Otherwise each circuit's
    /// outcomes are drawn multinomially from its exact distribution (<see cref="ShotSampler"/>) and frequencies returned.
    /// </summary>
    public BatchResult Evaluate(CircuitBatch batch, int shots = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var shape = batch.Shape;
        int n = shape.Qubits, size = shape.StateCount;
        var (probabilities, expectations) = _batches.Evaluate(batch, shots, size,
            (long)size * (shape.Depth + 1) * Math.Max(1, n / 2), (b, p, scratch) =>
            {
                // The amplitudes live in the result slot and are squared in place: no copy.
                StateVector.Run(shape, batch.InputsOf(b), batch.WeightsOf(b), p, scratch);
                StateVector.Probabilities(p, p);
            });
        return shots > 0
            ? new BatchResult(shape, batch.Count, expectations, probabilities, Name, shots, SampledShotSource)
            : new BatchResult(shape, batch.Count, expectations, probabilities, Name);
    }

    public double[] VariationalColumns(CircuitShape shape, ReadOnlySpan<double> weights)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int size = shape.StateCount;
        var columns = new double[size * size];
        var scratch = new double[size];
        for (int j = 0; j < size; j++)
        {
            var column = columns.AsSpan(j * size, size);
            column[j] = 1;
            StateVector.ApplyBlocks(shape, weights, column, scratch);
        }
        return columns;
    }

    public void Dispose() { }
}
