using System.CommandLine.Parsing;
using System.CommandLine;
using System.Globalization;
using Qtl.Model;

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
                throw new UserError($"{option}: '{parts[i]}' (item {i + 1}) is not a number; give comma-separated numbers like 0.1,-2.5e-3.");
            if (!double.IsFinite(values[i]))
                throw new UserError($"{option}: item {i + 1} is {parts[i]}; every value must be a finite number.");
        }
        return values;
    }

    /// <summary>
    /// Parses one number in the invariant culture. A comma is refused: the invariant culture would read
    /// "0,001" as 1 (a thousands separator), and a decimal comma is the likelier intent.
    /// </summary>
    public static bool TryNumber(string text, string option, out double value, out string error)
    {
        value = 0;
        error = "";
        if (text.Contains(','))
            error = $"{option}: '{text}' contains a comma; numbers take a decimal point, e.g. {text.Replace(',', '.')}.";
        else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            error = $"{option}: '{text}' is not a finite number; give one like 0.001 or 1e-3.";
        return error.Length == 0;
    }

    /// <summary>Gives every number option of <paramref name="command"/> and its subcommands the parser of <see cref="Invariant"/>.</summary>
    public static void InvariantNumbers(Command command)
    {
        foreach (var option in command.Options)
            if (option is Option<double> or Option<double?>) Invariant(option);
        foreach (var subcommand in command.Subcommands) InvariantNumbers(subcommand);
    }

    /// <summary>Makes a number option parse with <see cref="TryNumber"/> (System.CommandLine's own parser accepts "0,001" as 1).</summary>
    public static T Invariant<T>(T option) where T : Option
    {
        switch (option)
        {
            case Option<double> d: d.CustomParser = r => ParseNumber(r, option.Name) ?? 0; break;
            case Option<double?> n: n.CustomParser = r => ParseNumber(r, option.Name); break;
            default: throw new ArgumentException($"{option.Name} is not a number option.");
        }
        return option;
    }

    private static double? ParseNumber(ArgumentResult result, string option)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (TryNumber(text, option, out double value, out string error)) return value;
        result.AddError(error);
        return null;
    }

    /// <summary>
    /// The one parser of <c>--classes</c>: a range "0-5" or indices "0,6", each a FashionMNIST class 0 to 9 (repeats and
    /// counts are the options' own checks). A bad value is an error of the option's result.
    /// </summary>
    public static int[]? Classes(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value.Trim() : "";
        if (TryClasses(text, out int[] classes, out string error)) return classes;
        result.AddError($"--classes: {error}");
        return null;
    }

    public static bool TryClasses(string text, out int[] classes, out string error)
    {
        classes = [];
        error = "";
        var range = System.Text.RegularExpressions.Regex.Match(text, @"^(\d)-(\d)$");
        if (range.Success)
        {
            int a = range.Groups[1].Value[0] - '0', b = range.Groups[2].Value[0] - '0';
            if (b <= a) error = $"the range {text} must go up, e.g. 0-5.";
            else classes = Enumerable.Range(a, b - a + 1).ToArray();
            return error.Length == 0;
        }
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var parsed = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]) || parsed[i] > 9)
            {
                error = $"'{parts[i]}' is not a class; give a range like 0-5 or indices 0 to 9 like 0,6.";
                return false;
            }
        classes = parsed;
        return true;
    }

    public static void InRange(int value, int min, int max, string option)
    {
        if (value < min || value > max)
            throw new UserError($"{option} is {value}; allowed: {min} to {max}.");
    }
}
