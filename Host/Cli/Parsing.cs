using System.Globalization;

namespace Qtl.Cli;

/// <summary>Parsing helpers for option values, with messages that say what is allowed.</summary>
public static class Parsing
{
    /// <summary>Parses "a,b,c" into finite doubles (invariant culture).</summary>
    public static double[] Doubles(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new CliError($"{option}: '{parts[i]}' (item {i + 1}) is not a number; give comma-separated numbers like 0.1,-2.5e-3.");
            if (!double.IsFinite(values[i]))
                throw new CliError($"{option}: item {i + 1} is {parts[i]}; every value must be a finite number.");
        }
        return values;
    }

    /// <summary>Parses "0,1,…" into FashionMNIST class indices (0-9); null stays null (the caller's default).</summary>
    public static int[]? ClassIndices(string? text, string option = "--classes") =>
        text is null ? null : Doubles(text, option).Select(v =>
            v == Math.Floor(v) && v is >= 0 and <= 9 ? (int)v : throw new CliError($"{option}: {v} is not a class index; allowed: integers 0 to 9.")).ToArray();

    public static void InRange(int value, int min, int max, string option)
    {
        if (value < min || value > max)
            throw new CliError($"{option} is {value}; allowed: {min} to {max}.");
    }

    public static string OneOf(string value, IReadOnlyCollection<string> allowed, string option)
    {
        if (!allowed.Contains(value))
            throw new CliError($"{option} is '{value}'; allowed: {string.Join(", ", allowed)}.");
        return value;
    }
}
