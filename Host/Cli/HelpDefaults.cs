using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine;
using System.Text.RegularExpressions;

namespace Qtl.Cli;

/// <summary>
/// Help shows a default as the command line spells it. System.CommandLine prints a default by its ToString (an
/// enum's C# name, <c>QSharp</c>; a list joined by '|') and its help builder is not public, so its text is rewritten:
/// <c>[default: QSharp]</c> becomes <c>[default: qsharp]</c>, <c>Quantum|Classical|Linear</c> becomes
/// <c>quantum,classical,linear</c>, and a class list <c>0,1,2</c>.
/// </summary>
internal static class HelpDefaults
{
    public static void Apply(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction standard) help.Action = new Rewritten(standard);
    }

    /// <summary>The default of <paramref name="option"/> as System.CommandLine prints it and as the command line spells it; null if they agree.</summary>
    internal static (string Printed, string Spelt)? Default(Option option)
    {
        if (!option.HasDefaultValue) return null;
        object? value = option.GetDefaultValue();
        string? spelt = value switch
        {
            Enum e => EnumName(e),
            Array { Length: > 0 } items when items.GetValue(0) is Enum => string.Join(",", items.Cast<Enum>().Select(EnumName)),
            int[] numbers => string.Join(",", numbers),
            _ => null,
        };
        if (spelt is null) return null;
        string printed = value is Array array ? string.Join("|", array.Cast<object>()) : value!.ToString()!;
        return printed == spelt ? null : (printed, spelt);
    }

    private static string EnumName(Enum value) => (string)typeof(EnumText).GetMethod(nameof(EnumText.Text))!
        .MakeGenericMethod(value.GetType()).Invoke(null, [value])!;

    private sealed class Rewritten(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            var captured = new StringWriter();
            configuration.Output = captured;
            try { standard.Invoke(parseResult); }
            finally { configuration.Output = output; }
            string text = captured.ToString();
            foreach (var option in parseResult.CommandResult.Command.Options)
                if (Default(option) is var (printed, spelt))
                    // The help wraps long descriptions, possibly between "[default:" and the value.
                    text = Regex.Replace(text, @"\[default:(\s+)" + Regex.Escape(printed) + @"\]", m => $"[default:{m.Groups[1].Value}{spelt}]");
            output.Write(text);
            return 0;
        }
    }
}
