using System.Runtime.Intrinsics;

namespace Qtl.Quantum;

/// <summary>
/// sin and cos of half of each angle (the RY convention), four at a time, with the same bits on every
/// run. <c>Vector256.SinCos</c> could not be used: its precompiled (ReadyToRun) and re-jitted (tier-1)
/// code round differently, and which one runs depends on when a background thread re-jits it, so
/// identical trainings ended with weights up to 9e-16 apart. This uses only +, ×, round and floor,
/// which the JIT never fuses or reorders. Cephes' sin/cos: Cody–Waite reduction by π/2 in three
/// parts, then degree-13/14 polynomials on [−π/4, π/4]; within 1 ulp of Math.SinCos for |angle| ≤ 1e6.
/// </summary>
internal static class HalfAngles
{
    // π/2 = P1 + P2 + P3; P1 and P2 have short mantissas, so q·P1 and q·P2 are exact for |q| < 2^29.
    private const double P1 = 1.57079625129699707031, P2 = 7.54978941586159635336e-8, P3 = 5.39030285815811905290e-15;
    private const double TwoOverPi = 0.636619772367581343076;

    // Cephes sincof and coscof, highest degree first.
    private static ReadOnlySpan<double> SinCoefficients => [1.58962301576546568060e-10, -2.50507477628578072866e-8,
        2.75573136213857245213e-6, -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1];
    private static ReadOnlySpan<double> CosCoefficients => [-1.13585365213876817300e-11, 2.08757008419747316778e-9,
        -2.75573141792967388112e-7, 2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2];

    public static void SinCos(ReadOnlySpan<double> angles, Span<double> sin, Span<double> cos)
    {
        int i = 0;
        for (; i + 4 <= angles.Length; i += 4)
        {
            var (s, c) = Compute(Vector256.Create(angles.Slice(i, 4)) * 0.5);
            s.CopyTo(sin[i..]);
            c.CopyTo(cos[i..]);
        }
        if (i == angles.Length) return;
        int rest = angles.Length - i;
        var (ts, tc) = Compute(Vector256.Create(angles[i], rest > 1 ? angles[i + 1] : 0, rest > 2 ? angles[i + 2] : 0, 0) * 0.5);
        for (int k = 0; k < rest; k++)
        {
            sin[i + k] = ts[k];
            cos[i + k] = tc[k];
        }
    }

    private static (Vector256<double> Sin, Vector256<double> Cos) Compute(Vector256<double> x)
    {
        // x = r + q·π/2 with |r| ≤ π/4.
        var q = Vector256.Round(x * TwoOverPi);
        var r = x - q * P1 - q * P2 - q * P3;
        var z = r * r;
        var sinR = r + r * z * Horner(z, SinCoefficients);
        var cosR = Vector256.Create(1.0) - z * 0.5 + z * z * Horner(z, CosCoefficients);
        // Quadrant q mod 4: sin x = sin r, cos r, −sin r, −cos r; cos x = cos r, −sin r, −cos r, sin r.
        var quadrant = q - Vector256.Floor(q * 0.25) * 4;
        var odd = Vector256.Equals(quadrant, Vector256.Create(1.0)) | Vector256.Equals(quadrant, Vector256.Create(3.0));
        var sinNegative = Vector256.GreaterThanOrEqual(quadrant, Vector256.Create(2.0));
        var cosNegative = Vector256.Equals(quadrant, Vector256.Create(1.0)) | Vector256.Equals(quadrant, Vector256.Create(2.0));
        var sin = Vector256.ConditionalSelect(odd, cosR, sinR);
        var cos = Vector256.ConditionalSelect(odd, sinR, cosR);
        return (Vector256.ConditionalSelect(sinNegative, -sin, sin), Vector256.ConditionalSelect(cosNegative, -cos, cos));
    }

    private static Vector256<double> Horner(Vector256<double> z, ReadOnlySpan<double> coefficients)
    {
        var sum = Vector256.Create(coefficients[0]);
        for (int k = 1; k < coefficients.Length; k++) sum = sum * z + Vector256.Create(coefficients[k]);
        return sum;
    }
}
