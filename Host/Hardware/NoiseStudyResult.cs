using Qtl.Quantum;

namespace Qtl.Hardware;

public sealed record NoiseStudyResult(NoiseStudyOptions Options, CircuitShape Shape, int Samples, IReadOnlyList<NoiseStudyPoint> Points, double Seconds);
