using Qtl.Model;

namespace Qtl.Tests.Distillation;

/// <summary>Central finite differences of a loss against the gradients a backward pass left in the parameters.</summary>
internal static class FiniteDifferences
{
    /// <summary>
    /// Checks every entry of small parameters and <paramref name="samples"/> random entries of the others;
    /// <paramref name="loss"/> must not touch the gradients. Returns how many entries were checked.
    /// </summary>
    public static int Check(IEnumerable<Parameter> parameters, Func<double> loss, Random rng, int allBelow, int samples, double h)
    {
        int count = 0;
        foreach (var p in parameters)
        {
            var analytic = (double[])p.Gradient.Clone();
            var indices = p.Value.Length <= allBelow ? Enumerable.Range(0, p.Value.Length) : Enumerable.Range(0, samples).Select(_ => rng.Next(p.Value.Length));
            foreach (int i in indices)
            {
                double v = p.Value[i];
                p.Value[i] = v + h; double plus = loss();
                p.Value[i] = v - h; double minus = loss();
                p.Value[i] = v;
                double fd = (plus - minus) / (2 * h);
                Assert.That(analytic[i], Is.EqualTo(fd).Within(1e-6 + 1e-5 * Math.Abs(fd)), $"{p.Name}[{i}]");
                count++;
            }
        }
        return count;
    }
}
