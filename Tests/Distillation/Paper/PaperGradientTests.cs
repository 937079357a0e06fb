using Qtl.Distillation.Paper;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Tests.Distillation.Paper;

/// <summary>The published student's pieces against finite differences and closed forms (exact readout, native engine).</summary>
public class PaperGradientTests
{
    [TestCase(PaperHead.SigmoidPair, true)]
    [TestCase(PaperHead.SigmoidPair, false)]
    [TestCase(PaperHead.Softmax, false)]
    public void HeadAndLossGradientMatchesFiniteDifferences(PaperHead head, bool teacher)
    {
        var rng = new Random(2);
        var p = Enumerable.Range(0, 8).Select(_ => rng.NextDouble()).ToArray();
        double[] soft = teacher ? [0.3, 0.1, 0.2, 0.15, 0.05, 0.2] : [];
        double Loss(double[] x)
        {
            var o = PaperHeads.Forward(head, x);
            return new PaperLoss(3, PaperOptions.PublishedKdWeight).Compute(o, 4, soft, new double[o.Length]);
        }
        var outputs = PaperHeads.Forward(head, p);
        var dOut = new double[outputs.Length];
        new PaperLoss(3, PaperOptions.PublishedKdWeight).Compute(outputs, 4, soft, dOut);
        var dp = PaperHeads.Backward(head, outputs, dOut);
        for (int i = 0; i < p.Length; i++)
        {
            const double h = 1e-6;
            var (plus, minus) = ((double[])p.Clone(), (double[])p.Clone());
            plus[i] += h; minus[i] -= h;
            Assert.That(dp[i], Is.EqualTo((Loss(plus) - Loss(minus)) / (2 * h)).Within(1e-8), $"dL/dp[{i}]");
        }
    }

    [Test]
    public void TheCircuitIsAProductStateWithQubitZeroTheLeastSignificantBit()
    {
        double[] theta = [0.3, -1.1, 2.0];
        var circuit = new PaperCircuit(3, 0, new NativeBackend(1), 0, ShiftRule.Exact, new Random(1));
        var p = circuit.Forward([theta], training: false)[0];
        // H then RY(θ) on |0⟩: P(1) = (1 + sin θ)/2.
        for (int j = 0; j < 8; j++)
        {
            double expected = 1;
            for (int k = 0; k < 3; k++) expected *= ((j >> k) & 1) == 1 ? (1 + Math.Sin(theta[k])) / 2 : (1 - Math.Sin(theta[k])) / 2;
            Assert.That(p[j], Is.EqualTo(expected).Within(1e-12), $"outcome {j}");
        }
    }

    [TestCase(3, 0)]
    [TestCase(4, 0)]
    [TestCase(3, 2)]
    public void ShiftRulesGiveTheDerivativeOrSqrtTwoTimesIt(int qubits, int depth)
    {
        var rng = new Random(qubits + depth);
        var theta = Enumerable.Range(0, qubits).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var g = Enumerable.Range(0, 1 << qubits).Select(_ => rng.NextDouble() - 0.5).ToArray();
        foreach (var (rule, factor) in new[] { (ShiftRule.Exact, 1.0), (ShiftRule.Paper, Math.Sqrt(2)) })
        {
            var circuit = new PaperCircuit(qubits, depth, new NativeBackend(1), 0, rule, new Random(9));
            double L(double[] t) => circuit.Forward([t], training: false)[0].Select((v, j) => v * g[j]).Sum();
            circuit.Forward([theta], training: true);
            var dTheta = circuit.Backward([g])[0];
            const double h = 1e-6;
            for (int k = 0; k < qubits; k++)
            {
                var (plus, minus) = ((double[])theta.Clone(), (double[])theta.Clone());
                plus[k] += h; minus[k] -= h;
                Assert.That(dTheta[k], Is.EqualTo(factor * (L(plus) - L(minus)) / (2 * h)).Within(1e-8), $"{rule.Name} dθ[{k}]");
            }
            var w = circuit.Weights;
            for (int j = 0; j < w.Value.Length; j++)
            {
                double v = w.Value[j];
                w.Value[j] = v + h; double plus = L(theta);
                w.Value[j] = v - h; double minus = L(theta);
                w.Value[j] = v;
                Assert.That(w.Gradient[j], Is.EqualTo(factor * (plus - minus) / (2 * h)).Within(1e-8), $"{rule.Name} dw[{j}]");
            }
        }
    }

    [Test]
    public void WholeStudentGradientMatchesFiniteDifferences()
    {
        var rng = new Random(7);
        var student = PaperStudent.Create(3, 1, PaperHead.SigmoidPair, new NativeBackend(1), 0, ShiftRule.Exact, rng, dropout: 0);
        var images = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 784).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        int[] labels = [1, 5];
        double[] soft = [0.1, 0.4, 0.1, 0.1, 0.2, 0.1];
        double Loss(bool backward)
        {
            var outputs = student.Forward(images, training: backward);
            var d = new double[2][];
            double total = 0;
            for (int b = 0; b < 2; b++)
            {
                d[b] = new double[16];
                total += new PaperLoss(3, PaperOptions.PublishedKdWeight).Compute(outputs[b], labels[b], soft, d[b]);
            }
            if (backward)
            {
                student.ZeroGradients();
                student.Backward(d);
            }
            return total;
        }
        Loss(backward: true);
        int checkedCount = FiniteDifferences.Check(student.Parameters, () => Loss(false), rng, allBelow: 20, samples: 12, h: 1e-6);
        Assert.That(checkedCount, Is.GreaterThan(60));
    }
}
