using System.Globalization;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;
using Qtl.Training;
using Qtl.Features;

namespace Qtl.Cli;

/// <summary>
/// An up-front estimate of the quantum head's training time on the QDK, where a full data set takes hours.
/// The cost model is the README's benchmark: each QDK call costs ~0.1 s (the Q# standard library is
/// compiled again) and each circuit ~0.4 ms; one epoch of the published setting (62 calls) measured 12 s.
/// </summary>
internal static class TrainingTime
{
    private const double SecondsPerCall = 0.1, SecondsPerCircuit = 0.0004;

    public static string? QSharpNotice(TrainingOptions options, TransferData data)
    {
        if (options.Backend != BackendKind.QSharp) return null;
        int steps = (data.Train.Count + options.BatchSize - 1) / options.BatchSize;
        int validationCalls = (data.Validation.Count + 999) / 1000;
        long calls = (long)options.Epochs * (steps + validationCalls);
        long circuits = (long)options.Epochs * ((long)data.Train.Count * ParameterShift.CircuitsPerSample(options.Shape) + data.Validation.Count);
        double seconds = calls * SecondsPerCall + circuits * SecondsPerCircuit * Math.Max(1, options.Shape.StateCount / 16.0);
        return string.Create(CultureInfo.InvariantCulture,
            $"estimated time of the quantum head on the qsharp backend: about {Format(seconds)} ({calls} QDK calls, {circuits} circuits); --backend native runs the same circuits several hundred times faster.");
    }

    private static string Format(double seconds) =>
        seconds < 90 ? $"{Math.Ceiling(seconds)} s"
        : seconds < 90 * 60 ? $"{Math.Ceiling(seconds / 60)} min"
        : $"{Math.Floor(seconds / 3600)} h {Math.Ceiling(seconds % 3600 / 60)} min";
}
