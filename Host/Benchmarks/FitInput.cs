using Qtl.Quantum;

namespace Qtl.Benchmarks;

/// <summary>
/// What one fit of a benchmark cell gets: standardised training inputs and labels, the inputs to predict, the grid
/// setting, the seed (initial weights and shuffle), the protocol's epochs and batch, and the backend for a circuit.
/// </summary>
public sealed record FitInput(double[][] TrainInputs, int[] TrainLabels, int Classes, double[][] EvalInputs, GridSetting Setting,
    int Seed, int Epochs, int BatchSize, int Qubits, IQuantumBackend Backend);
