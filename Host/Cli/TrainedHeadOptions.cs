using System.CommandLine;
using Qtl.Model;

namespace Qtl.Cli;

/// <summary>The trained head that <c>evaluate</c> and <c>predict</c> use: <c>--run</c> (a folder written by train) and <c>--head</c>.</summary>
internal sealed class TrainedHeadOptions
{
    private readonly Option<string> _run = new("--run") { Description = "Run folder written by train.", Required = true };
    private readonly Option<HeadKind> _head = EnumOption.Create("--head", "Head: quantum, classical, linear, lbfgs or sdca.", HeadKind.Quantum);

    public void AddTo(Command command)
    {
        command.Options.Add(_run);
        command.Options.Add(_head);
    }

    public string RunFolder(ParseResult r) => r.GetValue(_run)!;

    public HeadKind Head(ParseResult r) => r.GetValue(_head);
}
