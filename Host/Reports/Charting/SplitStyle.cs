namespace Qtl.Reports.Charting;

/// <summary>How one split (train, validation, ...) is drawn: a dash pattern (null = solid) and open or filled markers.</summary>
internal sealed record SplitStyle(float[]? Dash, bool OpenMarkers, string Name)
{
    private static readonly SplitStyle[] All =
    [
        new(null, false, "solid"),
        new([7, 4], true, "dashed"),
        new([2, 3], true, "dotted"),
        new([9, 3, 2, 3], true, "dash-dot"),
    ];

    /// <summary>The style of the i-th split; the first is solid, the rest cycle through the dashed styles.</summary>
    public static SplitStyle For(int index) => index < All.Length ? All[index] : All[1 + (index - 1) % (All.Length - 1)];
}
