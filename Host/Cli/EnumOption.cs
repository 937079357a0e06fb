using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.CommandLine;

namespace Qtl.Cli;

/// <summary>
/// Options whose value is a closed set (an enum), parsed when the command line is parsed and spelt as everywhere else
/// (<see cref="EnumText"/>: <c>qsharp</c>, <c>parameter-shift</c>): a wrong value is one error line that lists what is
/// allowed, help shows the values, and shell completion offers them.
/// </summary>
public static class EnumOption
{
    public static Option<T> Create<T>(string name, string description, T defaultValue) where T : struct, Enum =>
        Offer<T, T>(new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => One<T>(r, name) ?? defaultValue,
        });

    /// <summary>An option whose absence means something of its own (no gradients, the run's recorded backend): null when left out.</summary>
    public static Option<T?> Optional<T>(string name, string description) where T : struct, Enum =>
        Offer<T, T?>(new Option<T?>(name) { Description = description, CustomParser = r => One<T>(r, name) });

    /// <summary>Comma-separated values, each kept once, in the order given.</summary>
    public static Option<T[]> List<T>(string name, string description, IReadOnlyList<T> defaultValues) where T : struct, Enum
    {
        var option = new Option<T[]>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValues.ToArray(),
            CustomParser = r => Several<T>(r, name) ?? [],
            HelpName = string.Join(",", EnumText.Names<T>()),
        };
        option.CompletionSources.Clear();
        // Completes the item after the last comma, so "quantum,cl" offers "quantum,classical".
        option.CompletionSources.Add(context =>
        {
            string word = context.WordToComplete;
            int comma = word.LastIndexOf(',');
            string done = comma < 0 ? "" : word[..(comma + 1)];
            var given = done.Split(',', StringSplitOptions.RemoveEmptyEntries);
            return EnumText.Names<T>().Where(n => !given.Contains(n)).Select(n => new CompletionItem(done + n));
        });
        return option;
    }

    /// <summary>"qsharp, native": every value of <typeparamref name="T"/>, for messages.</summary>
    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", EnumText.Names<T>());

    private static Option<TValue> Offer<T, TValue>(Option<TValue> option) where T : struct, Enum
    {
        option.HelpName = string.Join("|", EnumText.Names<T>());
        option.CompletionSources.Clear();
        option.CompletionSources.Add(EnumText.Names<T>().ToArray());
        return option;
    }

    private static T? One<T>(ArgumentResult result, string name) where T : struct, Enum
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (EnumText.TryParse<T>(text, out var value)) return value;
        result.AddError($"{name} is '{text}'; allowed: {Allowed<T>()}.");
        return null;
    }

    private static T[]? Several<T>(ArgumentResult result, string name) where T : struct, Enum
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            result.AddError($"{name} is empty; allowed: one or more of {Allowed<T>()}, comma-separated.");
            return null;
        }
        var values = new List<T>();
        foreach (string n in names)
        {
            if (!EnumText.TryParse<T>(n, out var value))
            {
                result.AddError($"{name}: '{n}' is not allowed; allowed: {Allowed<T>()}, comma-separated.");
                return null;
            }
            if (!values.Contains(value)) values.Add(value);
        }
        return values.ToArray();
    }
}
