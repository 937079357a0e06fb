using Qtl.Quantum;

namespace Qtl.Cli;

/// <summary>The circuit of one inference, as chosen on the command line, and where its numbers came from.</summary>
internal sealed record ChosenCircuit(CircuitShape Shape, double[] Inputs, double[] Weights, string Description, int? ValidationSamples);
