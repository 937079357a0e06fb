using System.Globalization;
using System.Text.Json;
using Qtl.Tests.Quantum;

namespace Qtl.Tests.Cli;

/// <summary>The circuit verb, run as a user would, against an independent dense-matrix simulation.</summary>
[NonParallelizable]
public class CircuitCommandTests
{
    private static readonly double[] Inputs = [0.1, -0.2, 0.3, 0.4];
    private static readonly double[] Weights = Enumerable.Range(0, 24).Select(i => 0.1 * i - 1).ToArray();

    [TestCase("qsharp", Category = IntegrationAttribute.Category)]
    [TestCase("native")]
    public void JsonOutputMatchesAnIndependentSimulation(string backend)
    {
        var (code, output, _) = QtlInProcess.Run("circuit", "--qubits", "4", "--depth", "6", "--inputs", Join(Inputs), "--weights", Join(Weights),
            "--backend", backend, "--gradient", "parameter-shift", "--json");
        Assert.That(code, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        var root = json.RootElement;
        Assert.That(root.GetProperty("backend").GetString(), Is.EqualTo(backend));

        var expected = DenseReference.Expectations(4, DenseReference.Run(4, 6, Inputs, Weights));
        var z = root.GetProperty("z").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.That(z, Is.EqualTo(expected).Within(1e-9));

        // Gradients: central differences of the independent simulation.
        var dzdw = root.GetProperty("dz_dw");
        Assert.That(dzdw.GetArrayLength(), Is.EqualTo(24));
        foreach (int k in new[] { 0, 7, 23 })
        {
            var plus = (double[])Weights.Clone();
            var minus = (double[])Weights.Clone();
            plus[k] += 1e-6;
            minus[k] -= 1e-6;
            var up = DenseReference.Expectations(4, DenseReference.Run(4, 6, Inputs, plus));
            var down = DenseReference.Expectations(4, DenseReference.Run(4, 6, Inputs, minus));
            for (int i = 0; i < 4; i++)
                Assert.That(dzdw[k][i].GetDouble(), Is.EqualTo((up[i] - down[i]) / 2e-6).Within(1e-6), $"dZ{i}/dw{k}");
        }
        Assert.That(root.GetProperty("dz_dx").GetArrayLength(), Is.EqualTo(4));
    }

    [TestCase("--inputs", "0.1,NaN,0.3,0.4", "finite")]
    [TestCase("--inputs", "0.1,0.2", "exactly 4")]
    [TestCase("--qubits", "40", "allowed: 1 to 16")]
    [TestCase("--backend", "gpu", "allowed: qsharp, native")]
    public void BadArgumentsGiveOneLineAndANonZeroExit(string option, string value, string expected)
    {
        var args = new Dictionary<string, string>
        {
            ["--qubits"] = "4", ["--depth"] = "6", ["--inputs"] = Join(Inputs), ["--weights"] = Join(Weights), ["--backend"] = "native",
        };
        args[option] = value;
        var (code, _, error) = QtlInProcess.Run(["circuit", .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith("error: ").And.Contain(expected));
    }

    private static string Join(double[] values) => string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
