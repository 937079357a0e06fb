using Qtl.Quantum.Gradients;
using Qtl.Runtime;

namespace Qtl.Quantum.Noise;

/// <summary>
/// The Q# kernels under the QDK's own Pauli noise (<c>compiler.runWithNoise</c>, runtime op
/// <c>noisyShots</c>): <c>Entry.Shots</c> measured shot by shot with a random Pauli fault after
/// every gate and before every measurement. Shot-based only: the QDK's noisy simulator is a
/// trajectory sampler and has no exact noisy state to dump.
/// </summary>
public sealed class QdkNoisyBackend(NoiseModel noise, QdkRuntime runtime) : IQuantumBackend
{
    public const string ShotSource = "Q# measurement under QDK Pauli noise (runWithNoise)";

    /// <summary>Circuits × shots per runtime request, so one request stays within minutes.</summary>
    private const long ShotsPerRequest = 1_000_000;

    public NoiseModel Noise { get; } = noise ?? throw new ArgumentNullException(nameof(noise));
    public QdkRuntime Runtime { get; } = runtime;
    public string Name => "qsharp-noisy";

    public BackendCapabilities Capabilities { get; } =
        new(BackendKind.QSharp, [GradientMethod.ParameterShift], Exact: false, Shots: true, Noise: true);

    public string DescribeReadout(int shots) => $"{shots} shots of {ShotSource}";

    public BatchResult Evaluate(CircuitBatch batch, int shots = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (shots <= 0)
            throw new ArgumentException($"shots is {shots}; the QDK's noise simulation is shot-based, so give shots > 0 (use {nameof(NoisyNativeBackend)} for exact noisy values).", nameof(shots));
        var shape = batch.Shape;
        DensityMatrix.RequireAngles(shape);
        int n = shape.Qubits, dim = shape.StateCount;
        var z = new double[batch.Count * n];
        var probabilities = new double[batch.Count * dim];
        int chunk = (int)Math.Clamp(ShotsPerRequest / shots, 1, int.MaxValue);
        for (int first = 0; first < batch.Count; first += chunk)
        {
            int count = Math.Min(chunk, batch.Count - first);
            var rows = Runtime.NoisyShots(n, shape.Entangling, new CircuitRows(batch.Inputs, n, first, count),
                new CircuitRows(batch.Weights, shape.WeightCount, first, count), shots, Noise.ToArray());
            int b = first;
            foreach (var row in rows)
            {
                var p = probabilities.AsSpan(b * dim, dim);
                row.CopyTo(p);
                BatchResult.ExpectationsFromProbabilities(p, z.AsSpan(b * n, n), n);
                b++;
            }
        }
        return new BatchResult(shape, batch.Count, z, probabilities, Name, shots, ShotSource);
    }

    /// <summary>The runtime belongs to whoever passed it in; disposing a backend leaves it running.</summary>
    public void Dispose() { }
}
