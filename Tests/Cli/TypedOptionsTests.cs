using System.CommandLine;
using Qtl.Cli;
using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary>
/// Closed sets on the command line are parsed with it: a wrong value is one line naming what is allowed (exit 2,
/// nothing run), help and shell completion show the values as the command line spells them.
/// </summary>
[NonParallelizable]
public class TypedOptionsTests
{
    [TestCase("allowed: parameter-shift, adjoint", "circuit", "--inputs", "0,0", "--qubits", "2", "--gradient", "Adjoint")]
    [TestCase("allowed: qsharp, native", "train", "--backend", "QSharp")]
    [TestCase("allowed: parameter-shift, adjoint", "train", "--gradient", "shift")]
    [TestCase("'foo' is not allowed; allowed: quantum, classical, linear", "train", "--heads", "quantum,foo")]
    [TestCase("--heads is empty; allowed: one or more of quantum, classical, linear", "train", "--heads", ",")]
    [TestCase("--preprocessing is 'rgb'; allowed: resnet18, torchvision, grey", "train", "--preprocessing", "rgb")]
    [TestCase("--shots is 2000000; allowed: 0 (exact) to 1000000", "train", "--shots", "2000000")]
    [TestCase("--shots is -1; allowed: 0 (exact) to 1000000", "evaluate", "--run", "r", "--shots", "-1")]
    [TestCase("--head is 'quant'; allowed: quantum, classical, linear", "evaluate", "--run", "r", "--head", "quant")]
    [TestCase("--backend is 'gpu'; allowed: qsharp, native", "evaluate", "--run", "r", "--backend", "gpu")]
    [TestCase("--profile is 'full'; allowed: base, adaptive_ri, adaptive_rif", "export-qir", "--out", "c.ll", "--profile", "full")]
    [TestCase("--encoding is 'dense'; allowed: angle, amplitude", "distill", "--encoding", "dense")]
    [TestCase("--front-end is 'cnn'; allowed: linear, pca", "distill", "--front-end", "cnn")]
    [TestCase("--protocol is 'Paper'; allowed: ours, paper", "distill", "--protocol", "Paper")]
    [TestCase("--teacher is 'lenett', neither a teacher nor a file; allowed: none, lenet, alexnet, ensemble", "distill", "--teacher", "lenett")]
    [TestCase("--classes: the range 5-2 must go up", "distill", "--classes", "5-2")]
    [TestCase("--classes: '12' is not a class", "train", "--classes", "0,12")]
    [TestCase("--backend is 'gpu'; allowed: qsharp, native", "reproduce", "kd-fashion", "--backend", "gpu")]
    public void AWrongValueIsOneLineListingWhatIsAllowedBeforeAnythingRuns(string expected, params string[] args)
    {
        var (code, output, error) = QtlInProcess.Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.StartWith("error: ").And.Contain(expected));
        Assert.That(output, Is.Empty, "nothing ran");
    }

    [TestCase("circuit --backend ", new[] { "native", "qsharp" })]
    [TestCase("circuit --inputs 0 --gradient ", new[] { "adjoint", "parameter-shift" })]
    [TestCase("train --heads quantum,c", new[] { "quantum,classical" })]
    [TestCase("evaluate --head ", new[] { "classical", "lbfgs", "linear", "quantum", "sdca" })]
    [TestCase("distill --protocol ", new[] { "ours", "paper" })]
    [TestCase("distill --teacher ", new[] { "alexnet", "ensemble", "lenet", "none" })]
    [TestCase("distill --front-end p", new[] { "pca" })]
    [TestCase("export-qir --profile adaptive_ri", new[] { "adaptive_ri", "adaptive_rif" })]
    public void ShellCompletionOffersTheValues(string line, string[] expected)
    {
        using var runtime = new QdkRuntime();
        var parse = CommandLine.Build(runtime).Parse(line);
        Assert.That(parse.GetCompletions(line.Length).Select(c => c.Label).Order(), Is.EqualTo(expected));
    }

    [Test]
    public void ValuesArriveTyped()
    {
        var binder = new TrainingOptionsBinder(defaultEpochs: 3);
        var command = new RootCommand();
        binder.AddTo(command);
        var parse = command.Parse(["--backend", "native", "--gradient", "adjoint", "--heads", "linear,quantum,linear"]);
        Assert.That(parse.Errors, Is.Empty);
        var options = binder.Bind(parse);
        Assert.That((options.Backend, options.GradientMethod), Is.EqualTo((BackendKind.Native, GradientMethod.Adjoint)));
        Assert.That(binder.Heads(parse), Is.EqualTo(new[] { HeadKind.Linear, HeadKind.Quantum }), "each head once, in the order given");
        Assert.That(binder.Heads(command.Parse([])), Is.EqualTo(TransferExperiment.DefaultHeads));
    }

    [Test]
    public void HelpSpellsValuesAndDefaultsAsTheCommandLineDoes()
    {
        var (code, output, _) = QtlInProcess.Run("train", "--help");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("--backend <qsharp|native>").And.Contain("--gradient <parameter-shift|adjoint>"));
        Assert.That(output, Does.Contain("[default: qsharp]").And.Contain("[default: parameter-shift]").And.Contain("[default: quantum,classical,linear]"));
        Assert.That(output, Does.Not.Contain("QSharp").And.Not.Contain("ParameterShift"));
        (_, output, _) = QtlInProcess.Run("distill", "--help");
        Assert.That(output, Does.Contain("[default: ensemble]").And.Contain("[default: ours]").And.Contain("[default: 0,1,2,3,4,5]"));
    }

    [Test]
    public void EverySharedOptionHasOneHelpTextInEveryVerb()
    {
        using var runtime = new QdkRuntime();
        var root = CommandLine.Build(runtime);
        var descriptions = Commands(root).SelectMany(c => c.Options).Where(o => o.Name is "--backend" or "--gradient" or "--seed")
            .GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.Select(o => o.Description!.Split(" Default:")[0]).Distinct().ToList());
        Assert.That(descriptions["--backend"], Has.Count.EqualTo(1), string.Join(" | ", descriptions["--backend"]));
        Assert.That(descriptions["--gradient"], Has.Count.EqualTo(1));
        Assert.That(descriptions["--seed"], Has.Count.EqualTo(1));
        Assert.That(Commands(root).SelectMany(c => c.Options).Count(o => o.Name == "--backend"), Is.EqualTo(5), "circuit, train, evaluate, distill, reproduce kd-fashion");
    }

    [Test]
    public void OneParserReadsClassesForEveryVerb()
    {
        Assert.That(Parsing.TryClasses("0-5", out var range, out _), Is.True);
        Assert.That(range, Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(Parsing.TryClasses("0,6", out var list, out _), Is.True);
        Assert.That(list, Is.EqualTo(new[] { 0, 6 }));
        Assert.That(Parsing.TryClasses("1.5", out _, out string error), Is.False);
        Assert.That(error, Does.Contain("'1.5' is not a class"));
    }

    [TestCase("--cache needs --protocol paper.", "reproduce", "kd-fashion", "--cache", "c")]
    [TestCase("--threads needs --protocol paper.", "reproduce", "kd-fashion", "--threads", "4")]
    [TestCase("--resume does not apply to --protocol paper", "distill", "--protocol", "paper", "--resume")]
    [TestCase("options: --teacher --classes --qubits --backend --seed --epochs --out --protocol --shots --per-class --data.", "distill", "--protocol", "paper", "--batch-size", "2")]
    [TestCase("options: --quick --seeds --epochs --backend --out --ladder --threads --cache --protocol --shots --per-class --data.", "reproduce", "kd-fashion", "--protocol", "paper", "--temperature", "2")]
    public void AnOptionOfTheOtherProtocolIsRefusedByOneRule(string expected, params string[] args)
    {
        var (code, output, error) = QtlInProcess.Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain(expected));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void ThePaperProtocolTakesOnlyThePublishedClassSubsets()
    {
        // 0-2 used to run silently on 0-7.
        var (code, _, error) = QtlInProcess.Run("distill", "--protocol", "paper", "--classes", "0-2", "--teacher", "none");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.Trim(), Is.EqualTo("error: classes 0,1,2 are not a subset of the published table; allowed: 0-5, 0-7 (class c is output c)."));
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);
}
