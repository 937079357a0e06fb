using System.Text.Json.Serialization;

namespace Qtl.Benchmarks;

/// <summary>
/// What a 95 % interval of (model − best classical) says against a margin m: <c>Equivalent</c> when it lies inside
/// (−m, +m); otherwise <c>Better</c> when it lies above 0, <c>Worse</c> when below 0, and <c>Inconclusive</c> when it
/// straddles 0 and a margin (or there is no interval: one seed).
/// </summary>
[JsonConverter(typeof(EnumTextConverter<Verdict>))]
public enum Verdict
{
    Equivalent,
    Better,
    Worse,
    Inconclusive,
}
