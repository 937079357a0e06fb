using Qtl.Runtime;

namespace Qtl.Quantum.Students;

/// <summary>
/// Evaluates quantum students for a batch of samples that share one weight vector: readout
/// probabilities (exact or from shots) and the gradient of a loss given dL/dp per sample.
/// </summary>
public interface IStudentBackend
{
    /// <summary>"native" or "qsharp".</summary>
    string Name { get; }

    /// <summary>How the readout is obtained with this many shots (0 = exact).</summary>
    string ReadoutSource(int shots);

    /// <summary>Per sample, the 2^n basis-state probabilities (flat, sample-major).</summary>
    double[] Probabilities(StudentShape shape, IReadOnlyList<double[]> inputs, double[] weights, int shots);

    /// <summary>As above, each circuit with its own weights (e.g. the shifted circuits of a parameter-shift rule).</summary>
    double[] Probabilities(StudentShape shape, IReadOnlyList<(double[] Inputs, double[] Weights)> rows, int shots);

    /// <summary>dL/dinputs per sample and dL/dweights summed over samples, from dL/dp per sample (exact).</summary>
    (double[][] Inputs, double[] Weights) Backward(StudentShape shape, IReadOnlyList<double[]> inputs, double[] weights, IReadOnlyList<double[]> dLdp);
}

public static class StudentBackends
{
    /// <param name="runtime">The QDK client for the <c>qsharp</c> backend; native students need none.</param>
    public static IStudentBackend Create(string name, int seed, QdkRuntime? runtime) => name switch
    {
        Backends.Native => new NativeStudentBackend(seed),
        Backends.QSharp => new QSharpStudentBackend(runtime ?? throw new ArgumentException("the qsharp backend needs a QdkRuntime; pass one in.", nameof(runtime))),
        _ => throw new ArgumentException($"unknown backend '{name}'; use one of: {string.Join(", ", Backends.Names)}."),
    };

    /// <summary>One row per input, all with the same weights.</summary>
    public static List<(double[] Inputs, double[] Weights)> SharedWeights(IReadOnlyList<double[]> inputs, double[] weights) =>
        inputs.Select(x => (x, weights)).ToList();
}

/// <summary>The C# state vector: exact probabilities, multinomial shots drawn from them, adjoint gradients.</summary>
public sealed class NativeStudentBackend(int seed) : IStudentBackend
{
    private readonly Random _rng = new(seed);

    public string Name => Backends.Native;

    public string ReadoutSource(int shots) => shots == 0 ? "exact (native state vector)" : $"{shots} shots {NativeBackend.SampledShotSource} (native)";

    public double[] Probabilities(StudentShape shape, IReadOnlyList<double[]> inputs, double[] weights, int shots) =>
        Probabilities(shape, StudentBackends.SharedWeights(inputs, weights), shots);

    public double[] Probabilities(StudentShape shape, IReadOnlyList<(double[] Inputs, double[] Weights)> rows, int shots)
    {
        int size = shape.StateCount;
        var p = new double[rows.Count * size];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = rows.Count >= 256 ? 2 : 1 },
            b => StudentCircuit.Probabilities(shape, rows[b].Inputs, rows[b].Weights, p.AsSpan(b * size, size)));
        // Sampled in order on one generator, so the bits do not depend on the thread schedule.
        if (shots > 0)
            for (int b = 0; b < rows.Count; b++) StudentCircuit.Sample(p.AsSpan(b * size, size), shots, _rng);
        return p;
    }

    public (double[][] Inputs, double[] Weights) Backward(StudentShape shape, IReadOnlyList<double[]> inputs, double[] weights, IReadOnlyList<double[]> dLdp)
    {
        var dInputs = new double[inputs.Count][];
        var dWeights = new double[shape.WeightCount];
        for (int b = 0; b < inputs.Count; b++)
        {
            dInputs[b] = new double[shape.InputCount];
            StudentCircuit.Backward(shape, inputs[b], weights, dLdp[b], dInputs[b], dWeights);
        }
        return (dInputs, dWeights);
    }
}

/// <summary>
/// The Q# kernels on the QDK simulator. Probabilities come from Q# state dumps (exact) or Q# measurement
/// (<c>MeasureEachZ</c>, shots). Weight gradients (and angle-input gradients) are parameter-shift rules,
/// exact for RY: ∂p/∂θ = [p(θ+π/2) − p(θ−π/2)]/2, every shifted circuit run on the QDK in one batch.
/// Amplitude-input gradients use that U(w) is a real orthogonal matrix: p_k = (Uψ)_k², so
/// ∂p_k/∂ψ = 2 (Uψ)_k U[k,:]; U's columns U|j⟩ are Q# state dumps of the variational part on basis states.
/// </summary>
public sealed class QSharpStudentBackend(QdkRuntime runtime) : IStudentBackend
{
    private readonly QSharpBackend _dressed = new(runtime);

    public string Name => Backends.QSharp;

    public string ReadoutSource(int shots) => shots == 0 ? "exact (Q# state dump)" : $"{shots} shots of Q# measurement (MeasureEachZ)";

    public double[] Probabilities(StudentShape shape, IReadOnlyList<double[]> inputs, double[] weights, int shots) =>
        Run(shape, StudentBackends.SharedWeights(inputs, weights), shots);

    public double[] Probabilities(StudentShape shape, IReadOnlyList<(double[] Inputs, double[] Weights)> rows, int shots) =>
        Run(shape, rows.ToList(), shots);

    public (double[][] Inputs, double[] Weights) Backward(StudentShape shape, IReadOnlyList<double[]> inputs, double[] weights, IReadOnlyList<double[]> dLdp)
    {
        int size = shape.StateCount, W = shape.WeightCount;
        bool angle = shape.Encoding == StudentEncoding.Angle;
        int shiftsPerSample = 2 * W + (angle ? 2 * shape.Qubits : 0);
        var rows = new List<(double[] Inputs, double[] Weights)>(inputs.Count * shiftsPerSample);
        foreach (var x in inputs)
        {
            for (int j = 0; j < W; j++)
                foreach (double sign in (double[])[1, -1])
                {
                    var w = (double[])weights.Clone();
                    w[j] += sign * Math.PI / 2;
                    rows.Add((x, w));
                }
            if (angle)
                for (int i = 0; i < shape.Qubits; i++)
                    foreach (double sign in (double[])[1, -1])
                    {
                        var xi = (double[])x.Clone();
                        xi[i] += sign * Math.PI / 2;
                        rows.Add((xi, weights));
                    }
        }
        double[] p = rows.Count == 0 ? [] : Run(shape, rows, 0);
        double ShiftDerivative(int b, int pair)
        {
            int plus = (b * shiftsPerSample + 2 * pair) * size, minus = plus + size;
            double d = 0;
            for (int k = 0; k < size; k++) d += dLdp[b][k] * (p[plus + k] - p[minus + k]) / 2;
            return d;
        }
        var dWeights = new double[W];
        var dInputs = new double[inputs.Count][];
        double[][]? columns = angle ? null : Columns(shape, weights);
        for (int b = 0; b < inputs.Count; b++)
        {
            for (int j = 0; j < W; j++) dWeights[j] += ShiftDerivative(b, j);
            dInputs[b] = new double[shape.InputCount];
            if (angle)
            {
                for (int i = 0; i < shape.Qubits; i++) dInputs[b][i] = ShiftDerivative(b, W + i);
                continue;
            }
            // ψ_out = U ψ with U[k, j] = columns[j][k]; dL/dψ_j = Σ_k dL/dp_k · 2 ψ_out,k · U[k, j].
            var output = new double[size];
            for (int j = 0; j < size; j++)
                for (int k = 0; k < size; k++) output[k] += columns![j][k] * inputs[b][j];
            for (int j = 0; j < size; j++)
            {
                double d = 0;
                for (int k = 0; k < size; k++) d += dLdp[b][k] * 2 * output[k] * columns![j][k];
                dInputs[b][j] = d;
            }
        }
        return (dInputs, dWeights);
    }

    /// <summary>Columns U|j⟩ of the variational part, from Q# state dumps.</summary>
    public double[][] Columns(StudentShape shape, double[] weights) => runtime.StudentColumns(shape.Qubits, weights);

    private double[] Run(StudentShape shape, List<(double[] Inputs, double[] Weights)> rows, int shots)
    {
        if (rows.Count == 0) return [];
        if (shape.Encoding == StudentEncoding.Angle)
        {
            var circuit = new CircuitShape(shape.Qubits, shape.Depth);
            var batch = new CircuitBatch(circuit, rows.SelectMany(r => r.Inputs).ToArray(), rows.SelectMany(r => r.Weights).ToArray());
            return _dressed.Evaluate(batch, shots).Probabilities;
        }
        var p = runtime.AmplitudeStudent(shape.Qubits, CircuitRows.Of(rows.Select(r => r.Inputs).ToList()),
            CircuitRows.Of(rows.Select(r => r.Weights).ToList()), shots);
        return p.SelectMany(row => row).ToArray();
    }
}
