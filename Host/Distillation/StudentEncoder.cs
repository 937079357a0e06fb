using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Distillation;

/// <summary>Maps front-end outputs z to circuit inputs: amplitude ψ = tanh(z)/‖tanh(z)‖, angle θ = tanh(z)·π/2.</summary>
public sealed class StudentEncoder(InputEncoding encoding) : ILayer
{
    private double[][]? _input;

    public InputEncoding Encoding { get; } = encoding;
    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => Encoding == InputEncoding.Angle ? "tanh·π/2" : "tanh, normalised";

    public double[][] Forward(double[][] input, bool training)
    {
        if (training) _input = input;
        return [.. input.Select(z => Encode(Encoding, z))];
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var z = _input ?? throw new InvalidOperationException("Backward called before a training Forward.");
        return [.. outputGradient.Select((g, b) => Gradient(Encoding, z[b], g))];
    }

    public static double[] Encode(InputEncoding encoding, ReadOnlySpan<double> z)
    {
        var x = new double[z.Length];
        for (int i = 0; i < z.Length; i++) x[i] = Math.Tanh(z[i]);
        if (encoding == InputEncoding.Angle)
        {
            for (int i = 0; i < x.Length; i++) x[i] *= Math.PI / 2;
            return x;
        }
        double norm = Math.Max(Norm(x), 1e-12);
        for (int i = 0; i < x.Length; i++) x[i] /= norm;
        return x;
    }

    /// <summary>dL/dz from dL/dinputs at front-end output <paramref name="z"/>.</summary>
    private static double[] Gradient(InputEncoding encoding, ReadOnlySpan<double> z, ReadOnlySpan<double> dInputs)
    {
        var v = new double[z.Length];
        for (int i = 0; i < z.Length; i++) v[i] = Math.Tanh(z[i]);
        var dz = new double[z.Length];
        if (encoding == InputEncoding.Angle)
        {
            for (int i = 0; i < z.Length; i++) dz[i] = dInputs[i] * Math.PI / 2 * (1 - v[i] * v[i]);
            return dz;
        }
        double norm = Math.Max(Norm(v), 1e-12), dot = 0;
        for (int i = 0; i < v.Length; i++) dot += v[i] / norm * dInputs[i];
        for (int i = 0; i < v.Length; i++) dz[i] = (dInputs[i] - v[i] / norm * dot) / norm * (1 - v[i] * v[i]);
        return dz;
    }

    private static double Norm(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += v * v;
        return Math.Sqrt(s);
    }
}
