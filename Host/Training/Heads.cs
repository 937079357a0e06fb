using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Training;

/// <summary>Builds the heads compared in every run, from the same options and seed.</summary>
public static class Heads
{
    public static Head Create(string kind, int features, int classes, TrainingOptions o, IQuantumBackend? backend = null)
    {
        var rng = new Random(o.Seed);
        int n = o.Qubits;
        return kind switch
        {
            Head.Quantum => new Head(kind,
            [
                new Linear("pre", features, n, rng),
                new Tanh(Math.PI / 2),
                new QuantumLayer(o.Shape, backend ?? throw new ArgumentNullException(nameof(backend)), o.GradientMethod,
                    QuantumLayer.InitialWeights(o.Shape, o.QDelta, rng)) { Shots = o.Shots },
                new Linear("post", n, classes, rng),
            ]),
            Head.Classical => new Head(kind,
            [
                new Linear("pre", features, n, rng),
                new Tanh(),
                new Linear("hidden", n, n, rng),
                new Tanh(),
                new Linear("post", n, classes, rng),
            ]),
            Head.LinearKind => new Head(kind, [new Linear("fc", features, classes, rng)]),
            _ => throw new ArgumentException($"unknown head '{kind}'; allowed: {string.Join(", ", Head.Kinds)}."),
        };
    }
}
