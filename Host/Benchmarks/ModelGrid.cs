namespace Qtl.Benchmarks;

/// <summary>
/// A model's declared hyperparameter grid: every combination of its learning rates and capacities (either empty for a
/// model without that axis) and L2 penalties, in that nesting order (learning rate outermost): the order that also
/// breaks a tie in cross-validation (the first setting of the best mean fold accuracy wins).
/// </summary>
public sealed record ModelGrid(IReadOnlyList<double> LearningRates, IReadOnlyList<int> Capacities, IReadOnlyList<double> L2)
{
    public IReadOnlyList<GridSetting> Settings =>
        [.. from lr in LearningRates.Count == 0 ? [(double?)null] : LearningRates.Select(r => (double?)r)
            from c in Capacities.Count == 0 ? [(int?)null] : Capacities.Select(c => (int?)c)
            from l2 in L2
            select new GridSetting(lr, c, l2)];
}
