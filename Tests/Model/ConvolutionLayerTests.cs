using Qtl.Model;

namespace Qtl.Tests.Model;

/// <summary>Conv2d, MaxPool2d, ReLU and Dropout: backpropagation against central finite differences and analytic cases.</summary>
public class ConvolutionLayerTests
{
    /// <summary>A small chain with every layer kind: Conv2d(2→3, 3) → maxpool → ReLU → Conv2d(3→2, 2) → Linear.</summary>
    [Test]
    public void ChainGradientsMatchFiniteDifferences()
    {
        var rng = new Random(5);
        var chain = new Head([
            new Conv2d("c1", 2, 3, 3, 8, 7, rng), new MaxPool2d(3, 6, 5), new Relu(),
            new Conv2d("c2", 3, 2, 2, 3, 2, rng), new Linear("fc", 4, 3, rng),
        ]);
        var x = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 2 * 8 * 7).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToArray();
        var c = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToArray();
        double Loss() => chain.Forward(x, training: false).Select((row, b) => row.Select((v, k) => v * c[b][k]).Sum()).Sum();

        chain.ZeroGradients();
        chain.Forward(x, training: true);
        var dx = chain.Layers.Reverse().Aggregate(c, (g, layer) => layer.Backward(g));
        const double h = 1e-6;
        foreach (var p in chain.Parameters)
            for (int i = 0; i < p.Value.Length; i += 3)
            {
                double v = p.Value[i];
                p.Value[i] = v + h; double plus = Loss();
                p.Value[i] = v - h; double minus = Loss();
                p.Value[i] = v;
                Assert.That(p.Gradient[i], Is.EqualTo((plus - minus) / (2 * h)).Within(1e-7), $"{p.Name}[{i}]");
            }
        for (int i = 0; i < x[1].Length; i += 5)
        {
            double v = x[1][i];
            x[1][i] = v + h; double plus = Loss();
            x[1][i] = v - h; double minus = Loss();
            x[1][i] = v;
            Assert.That(dx[1][i], Is.EqualTo((plus - minus) / (2 * h)).Within(1e-7), $"input[{i}]");
        }
    }

    [Test]
    public void ConvolutionOfAKnownKernelIsACorrelation()
    {
        var conv = new Conv2d("c", 1, 1, 2, 3, 3, new Random(1));
        conv.Weight.Value[0] = 1; conv.Weight.Value[1] = 2; conv.Weight.Value[2] = 3; conv.Weight.Value[3] = 4;
        conv.Bias.Value[0] = 0.5;
        double[] image = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        // y[i,j] = x[i,j] + 2 x[i,j+1] + 3 x[i+1,j] + 4 x[i+1,j+1] + 0.5 (PyTorch's cross-correlation).
        Assert.That(conv.Forward([image], false)[0], Is.EqualTo(new[] { 37.5, 47.5, 67.5, 77.5 }));
    }

    [Test]
    public void MaxPoolTakesTheWindowMaximumAndRoutesTheGradientToIt()
    {
        var pool = new MaxPool2d(1, 2, 4);
        var y = pool.Forward([[1, 5, 2, 0, 3, 4, 9, 1]], training: true);
        Assert.That(y[0], Is.EqualTo(new double[] { 5, 9 }));
        Assert.That(pool.Backward([[10, 20]])[0], Is.EqualTo(new double[] { 0, 10, 0, 0, 0, 0, 20, 0 }));
    }

    [Test]
    public void ChannelDropoutZeroesWholeChannelsAndScalesTheRest()
    {
        var dropout = new Dropout(0.5, new Random(3), groupSize: 4);
        var x = new[] { Enumerable.Range(1, 40).Select(v => (double)v).ToArray() };
        var y = dropout.Forward(x, training: true)[0];
        var g = dropout.Backward([Enumerable.Repeat(1.0, 40).ToArray()])[0];
        int dropped = 0;
        for (int channel = 0; channel < 10; channel++)
        {
            var scale = Enumerable.Range(channel * 4, 4).Select(i => y[i] / x[0][i]).Distinct().ToArray();
            Assert.That(scale, Has.Length.EqualTo(1), "one mask per channel");
            Assert.That(scale[0], Is.EqualTo(0).Or.EqualTo(2));
            if (scale[0] == 0) dropped++;
            Assert.That(g[channel * 4], Is.EqualTo(scale[0]), "the gradient is masked and scaled like the forward pass");
        }
        Assert.That(dropped, Is.InRange(1, 9));
        Assert.That(dropout.Forward(x, training: false)[0], Is.EqualTo(x[0]), "identity at evaluation");
    }
}
