using System.Globalization;

namespace Qtl.Benchmarks;

/// <summary>
/// The fair protocol of <c>benchmark</c> (after Bowles, Ahmed &amp; Schuld 2024): for each training-set size, stratified
/// <see cref="Folds"/>-fold cross-validation on the training set picks each model's setting from its grid; the choice is
/// refit on the whole (size-limited) training set for <see cref="Seeds"/> seeds and scored once on the test set. Every fit
/// runs <see cref="Epochs"/> epochs at batch <see cref="BatchSize"/> and keeps the last epoch. <see cref="Margin"/>
/// (accuracy, 0.01 = one point) decides the equivalence verdict.
/// </summary>
public sealed record BenchmarkOptions
{
    public static readonly IReadOnlyList<BenchmarkModel> DefaultModels = [.. BenchmarkModels.All.Select(e => e.Model)];

    public IReadOnlyList<BenchmarkModel> Models { get; init; } = DefaultModels;

    /// <summary>Training samples per class, one learning-curve point each; null is the whole training set.</summary>
    public IReadOnlyList<int?> Sizes { get; init; } = [null];
    public int Folds { get; init; } = 5;
    public int Seeds { get; init; } = 5;
    public int Epochs { get; init; } = 40;
    public int BatchSize { get; init; } = 16;
    public int Qubits { get; init; } = 4;
    public double Margin { get; init; } = 0.01;
    public int BootstrapSamples { get; init; } = 2000;
    public IReadOnlyDictionary<BenchmarkModel, ModelGrid> Grids { get; init; } = BenchmarkGrid.Defaults(DefaultModels);

    public static string SizeText(int? size) => size is int s ? s.ToString(CultureInfo.InvariantCulture) : "all";

    public BenchmarkOptions Validate()
    {
        Check(Models.Count > 0, "no models: give at least one of " + string.Join(", ", EnumText.Names<BenchmarkModel>()) + ".");
        Check(Models.Distinct().Count() == Models.Count, "--models names a model twice; give each once.");
        Check(Models.Any(m => !BenchmarkModels.Of(m).IsQuantum), "--models has no classical model; the comparison needs one (classical, linear or mlp).");
        Check(Sizes.Count > 0 && Sizes.Distinct().Count() == Sizes.Count, "--sizes must name each size once, e.g. 10,30,100,all.");
        Check(Sizes.All(s => s is null or >= 1), "--sizes must be positive numbers of samples per class, or all.");
        Check(Folds is >= 2 and <= 20, $"--folds is {Folds}; allowed: 2 to 20.");
        Check(Seeds is >= 1 and <= 100, $"--seeds is {Seeds}; allowed: 1 to 100.");
        Check(Epochs is >= 1 and <= 10_000, $"--epochs is {Epochs}; allowed: 1 to 10000.");
        Check(BatchSize is >= 1 and <= 100_000, $"--batch-size is {BatchSize}; allowed: 1 to 100000.");
        Check(double.IsFinite(Margin) && Margin > 0 && Margin < 1, $"--margin is {100 * Margin} points; allowed: more than 0 and less than 100.");
        Check(BootstrapSamples is >= 100 and <= 100_000, $"bootstrap samples {BootstrapSamples}; allowed: 100 to 100000.");
        Check(Models.All(Grids.ContainsKey), "a model has no grid.");
        BenchmarkGrid.Validate(Models.ToDictionary(m => m, m => Grids[m]), Qubits);
        return this;
    }

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new UserError(message);
    }
}
