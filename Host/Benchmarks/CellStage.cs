using System.Text.Json.Serialization;

namespace Qtl.Benchmarks;

/// <summary>A cross-validation cell (one setting, one fold) or a test cell (the chosen setting refit with one seed, scored on the test set).</summary>
[JsonConverter(typeof(EnumTextConverter<CellStage>))]
public enum CellStage
{
    Cv,
    Test,
}
