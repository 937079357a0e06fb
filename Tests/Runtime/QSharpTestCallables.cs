using Qtl.Runtime;

namespace Qtl.Tests.Runtime;

/// <summary>
/// Runs every Q# <c>@Test()</c> callable of QuantumKernels/src through the QDK. One test runs them all: listing them
/// needs the runtime, and test discovery must not start Node.js.
/// </summary>
[Integration]
public class QSharpTestCallables
{
    [Test]
    public void EveryQSharpTestPasses()
    {
        var callables = QdkSession.Runtime.TestCallables();
        Assert.That(callables, Has.Count.GreaterThanOrEqualTo(5), "the kernels declare tests");

        Assert.Multiple(() =>
        {
            foreach (string callable in callables)
            {
                string outcome;
                try
                {
                    outcome = QdkSession.Runtime.Run($"{callable}()");
                }
                catch (RuntimeException e)
                {
                    outcome = e.Message;
                }
                Assert.That(outcome, Is.EqualTo("()"), callable);
                TestContext.Out.WriteLine($"{callable}: {(outcome == "()" ? "passed" : "FAILED")}");
            }
        });
    }

    [Test]
    public void AFailingQSharpTestFailsWithItsMessage()
    {
        var error = Assert.Throws<RuntimeException>(() =>
            QdkSession.Runtime.Run("Std.Diagnostics.Fact(false, \"deliberate\")"))!;
        Assert.That(error.Kind, Is.EqualTo(RuntimeErrorKind.Runtime));
        Assert.That(error.Message, Does.Contain("deliberate"));
    }
}
