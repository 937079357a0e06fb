namespace Qtl.Tests.Cli;

/// <summary><c>reproduce kd-fashion --protocol paper</c>: options that do not apply are one clear error line.</summary>
public class KdFashionPaperCommandTests
{
    [TestCase("--depth", "2", "--depth does not apply to --protocol paper")]
    [TestCase("--lambda", "0.5", "--lambda does not apply to --protocol paper")]
    [TestCase("--protocol", "qiskit", "--protocol")]
    [TestCase("--threads", "0", "--threads")]
    public void BadOptionsGiveOneLineAndANonZeroExit(string option, string value, string expected)
    {
        string[] args = option == "--protocol" ? ["reproduce", "kd-fashion", option, value] : ["reproduce", "kd-fashion", "--protocol", "paper", option, value];
        var (code, _, error) = CircuitCommandTests.Run(args);
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith("error: ").And.Contain(expected));
    }

    [Test]
    public void LadderNeedsThePaperProtocol()
    {
        var (code, _, error) = CircuitCommandTests.Run("reproduce", "kd-fashion", "--ladder");
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error, Does.Contain("--ladder needs --protocol paper"));
    }
}
