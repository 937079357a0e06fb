using System.Globalization;

namespace Qtl.Quantum.Noise;

/// <summary>
/// Pauli noise as the QDK applies it: after every gate, on each qubit the gate touches (both qubits
/// of a CNOT, independently), and before every measurement, X, Y or Z happens with probability
/// <see cref="Px"/>, <see cref="Py"/>, <see cref="Pz"/>, else nothing. The same numbers drive the
/// QDK's <c>runWithNoise</c> and the native <see cref="DensityMatrix"/>, so the two can be compared.
/// </summary>
public sealed record NoiseModel
{
    public NoiseModel(double px, double py, double pz)
    {
        Check(px, "px"); Check(py, "py"); Check(pz, "pz");
        if (px + py + pz > 1 + 1e-12)
            throw new ArgumentException($"px + py + pz is {px + py + pz}; the probabilities of a Pauli channel must sum to at most 1.");
        Px = px; Py = py; Pz = pz;
    }

    public double Px { get; }
    public double Py { get; }
    public double Pz { get; }

    /// <summary>No noise: every channel is the identity.</summary>
    public static NoiseModel Noiseless { get; } = new(0, 0, 0);

    /// <summary>The single-qubit depolarizing channel of strength p: X, Y, Z each with p/3 (p ≤ 1).</summary>
    public static NoiseModel Depolarizing(double p)
    {
        if (!double.IsFinite(p) || p < 0 || p > 1)
            throw new ArgumentException($"the depolarizing probability is {p}; allowed: 0 to 1.", nameof(p));
        return new NoiseModel(p / 3, p / 3, p / 3);
    }

    /// <summary>Probability that some Pauli fault happens at one location.</summary>
    public double Total => Px + Py + Pz;

    public bool IsNoiseless => Total == 0;

    /// <summary>[px, py, pz], the QDK's <c>pauliNoise</c> argument.</summary>
    public double[] ToArray() => [Px, Py, Pz];

    public override string ToString() =>
        Px == Py && Py == Pz
            ? string.Create(CultureInfo.InvariantCulture, $"depolarizing p={Total:G4}")
            : string.Create(CultureInfo.InvariantCulture, $"Pauli px={Px:G4}, py={Py:G4}, pz={Pz:G4}");

    private static void Check(double p, string name)
    {
        if (!double.IsFinite(p) || p < 0 || p > 1)
            throw new ArgumentException($"{name} is {p}; allowed: a probability from 0 to 1.", name);
    }
}
