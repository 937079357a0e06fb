using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Training;

/// <summary>Builds the heads compared in every run, from the same options and seed.</summary>
public static class Heads
{
    public static Head Create(HeadKind kind, int features, int classes, TrainingOptions o, IQuantumBackend? backend = null)
    {
        var rng = new Random(o.Seed);
        int n = o.Qubits;
        return kind switch
        {
            HeadKind.Quantum => new Head(
            [
                new Linear("pre", features, n, rng),
                new Tanh(Math.PI / 2),
                new QuantumLayer(o.Shape, backend ?? throw new ArgumentNullException(nameof(backend)), o.GradientMethod,
                    QuantumLayer.InitialWeights(o.Shape, o.QDelta, rng)) { Shots = o.Shots },
                new Linear("post", n, classes, rng),
            ]),
            HeadKind.Classical => new Head(
            [
                new Linear("pre", features, n, rng),
                new Tanh(),
                new Linear("hidden", n, n, rng),
                new Tanh(),
                new Linear("post", n, classes, rng),
            ]),
            // ML.NET's linear trainers give a Linear(F→C) too (MlNetBaselines folds their normalisation into it).
            HeadKind.Linear or HeadKind.Lbfgs or HeadKind.Sdca => new Head([new Linear("fc", features, classes, rng)]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a head kind."),
        };
    }
}
