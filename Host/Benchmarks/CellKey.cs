namespace Qtl.Benchmarks;

/// <summary>
/// What a cell computes, and its stable id (file name and row key): cross-validation cells are (size, model, setting,
/// fold), fitted with seed 1 on seed 1's draw; test cells (size, model, seed), whose setting is the cross-validation choice.
/// </summary>
public sealed record CellKey(CellStage Stage, int? Size, BenchmarkModel Model, int Setting, int Fold, int Seed)
{
    public string Id => Stage == CellStage.Cv
        ? $"cv-{BenchmarkOptions.SizeText(Size)}-{Model.Text()}-g{Setting + 1}-f{Fold + 1}"
        : $"test-{BenchmarkOptions.SizeText(Size)}-{Model.Text()}-seed{Seed}";

    /// <summary>The seed that draws the size-limited training set, initialises the weights and shuffles.</summary>
    public const int SearchSeed = 1;

    public static CellKey Cv(int? size, BenchmarkModel model, int setting, int fold) => new(CellStage.Cv, size, model, setting, fold, SearchSeed);

    public static CellKey Test(int? size, BenchmarkModel model, int setting, int seed) => new(CellStage.Test, size, model, setting, -1, seed);
}
