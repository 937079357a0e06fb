using System.CommandLine;
using Qtl.Cli;
using Qtl.Features;

namespace Qtl.Tests.Cli;

/// <summary>The data options, declared once: given values as they are for train, over the recorded ones for a trained run.</summary>
public class DataOptionsBinderTests
{
    private static (DataOptionsBinder Binder, ParseResult Parse) Parse(bool recorded, params string[] args)
    {
        var binder = new DataOptionsBinder(recorded);
        var command = new RootCommand();
        binder.AddTo(command);
        var parse = command.Parse(args);
        Assert.That(parse.Errors, Is.Empty);
        return (binder, parse);
    }

    [Test]
    public void BindGivesEveryOptionAsGivenAndNullWhereLeftOut()
    {
        var (binder, parse) = Parse(false, "--data", "d", "--backbone", "b.onnx", "--preprocessing", "grey", "--classes", "2,3", "--feature-output", "out");
        var o = binder.Bind(parse, seed: 9);
        Assert.That((o.DataPath, o.BackbonePath, o.Preprocessing, o.FeatureOutput, o.PerClassLimit, o.CacheDir, o.Seed),
            Is.EqualTo(("d", "b.onnx", "grey", "out", (int?)null, (string?)null, 9)));
        Assert.That(o.Classes, Is.EqualTo(new[] { 2, 3 }));
    }

    [Test]
    public void OverrideReplacesOnlyWhatIsGiven()
    {
        var recorded = new DataOptions("/data", "resnet18", [0, 6], null, 100, 42, "/cache", null);
        var (binder, parse) = Parse(true, "--per-class", "5", "--cache-dir", "/other");
        Assert.That(binder.Override(parse, recorded), Is.EqualTo(recorded with { PerClassLimit = 5, CacheDir = "/other" }));
    }
}
