using Qtl.Runtime;

namespace Qtl.Tests.Runtime;

/// <summary>Runs every Q# <c>@Test()</c> callable of QuantumKernels/src through the QDK.</summary>
public class QSharpTestCallables
{
    private static IEnumerable<string> Callables()
    {
        var tests = QdkRuntime.Shared.Request("tests");
        return tests.EnumerateArray().Select(t => t.GetString()!).ToList();
    }

    [Test]
    public void TheKernelsDeclareTests() => Assert.That(Callables().Count(), Is.GreaterThanOrEqualTo(5));

    [TestCaseSource(nameof(Callables))]
    public void QSharpTestPasses(string callable)
    {
        var value = QdkRuntime.Shared.Request("run", w => w.WriteString("expr", $"{callable}()"));
        Assert.That(value.GetString(), Is.EqualTo("()"));
    }

    [Test]
    public void AFailingQSharpTestFailsWithItsMessage()
    {
        var error = Assert.Throws<RuntimeException>(() =>
            QdkRuntime.Shared.Request("run", w => w.WriteString("expr", "Std.Diagnostics.Fact(false, \"deliberate\")")))!;
        Assert.That(error.Kind, Is.EqualTo("runtime"));
        Assert.That(error.Message, Does.Contain("deliberate"));
    }
}
