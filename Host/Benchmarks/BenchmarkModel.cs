using System.Text.Json.Serialization;

namespace Qtl.Benchmarks;

/// <summary>
/// The models <c>benchmark</c> compares, each an entry of <see cref="BenchmarkModels"/> with its own hyperparameter grid:
/// the dressed circuit, its controls (no entangling gates; depth 0; the circuit replaced by Linear(n→n)+tanh) and
/// classical baselines, ML.NET's L-BFGS and SDCA maximum entropy among them. Spelt in lower kebab case (quantum-separable).
/// </summary>
[JsonConverter(typeof(EnumTextConverter<BenchmarkModel>))]
public enum BenchmarkModel
{
    Quantum,
    QuantumSeparable,
    QuantumDepth0,
    Classical,
    Linear,
    Mlp,
    Lbfgs,
    Sdca,
}
