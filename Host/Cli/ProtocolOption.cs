using System.CommandLine.Parsing;
using System.CommandLine;

namespace Qtl.Cli;

/// <summary>
/// <c>--protocol ours|paper</c>, and the one rule for options that belong to one protocol: each is registered with
/// <see cref="Only"/>, and given with the other protocol it is an error when the command line is parsed, naming the
/// option (and, under the paper protocol, the options that apply).
/// </summary>
internal sealed class ProtocolOption
{
    private readonly Dictionary<Option, KdProtocol> _only = [];

    public Option<KdProtocol> Option { get; } = EnumOption.Create("--protocol",
        "ours (trainable circuit, exact gradients) or paper (the authors' code: CNN front-end, H+RY circuit, batch 1, shots, best test epoch).", KdProtocol.Ours);

    /// <summary>Marks <paramref name="option"/> as meaningful under <paramref name="protocol"/> only.</summary>
    public T Only<T>(KdProtocol protocol, T option) where T : Option
    {
        _only[option] = protocol;
        return option;
    }

    public KdProtocol Chosen(ParseResult r) => r.GetValue(Option);

    /// <summary>Adds --protocol to <paramref name="command"/> with the rule as its validator (add the command's other options too).</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Option);
        command.Validators.Add(result =>
        {
            // A misspelt --protocol has its own error, which says what is allowed.
            var given = result.GetResult(Option);
            var chosen = KdProtocol.Ours;
            if (given is { Tokens.Count: > 0 } && !EnumText.TryParse(given.Tokens[^1].Value, out chosen)) return;
            var misplaced = _only.FirstOrDefault(p => p.Value != chosen && result.GetResult(p.Key) is OptionResult { Implicit: false }).Key;
            if (misplaced is null) return;
            result.AddError(chosen == KdProtocol.Paper
                ? $"{misplaced.Name} does not apply to --protocol paper (its student and recipe are the published ones); options: " +
                  string.Join(" ", command.Options.Where(o => !_only.TryGetValue(o, out var p) || p == chosen).Select(o => o.Name)) + "."
                : $"{misplaced.Name} needs --protocol {_only[misplaced].Text()}.");
        });
    }
}
