using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Features;
using Qtl.Model;
using Qtl.Training;

namespace Qtl.Benchmarks;

/// <summary>
/// A benchmark fit of one of ML.NET's own trainers (<see cref="MlNetBaselines"/>: min-max normalisation, then L-BFGS or
/// SDCA maximum entropy, one thread, <c>MLContext(seed)</c>), the grid setting's L2 and capacity replacing ML.NET's
/// defaults; the classes ML.NET predicts for the inputs to score.
/// </summary>
internal static class MlNetFit
{
    public static int[] Predict(FitInput i, HeadKind kind)
    {
        var ml = new MLContext(i.Seed);
        string[] classes = [.. Enumerable.Range(0, i.Classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var model = MlNetBaselines.Pipeline(ml, kind, (float)i.Setting.L2, i.Setting.Capacity)
            .Fit(MlNetBaselines.ToDataView(ml, new FeatureSet(i.TrainInputs, i.TrainLabels, classes)));
        var scored = model.Transform(MlNetBaselines.ToDataView(ml, new FeatureSet(i.EvalInputs, new int[i.EvalInputs.Length], classes)));
        // PredictedLabel is a key: value c + 1 for class c (0 is ML.NET's missing key).
        return [.. scored.GetColumn<uint>("PredictedLabel").Select(k => (int)k - 1)];
    }
}
