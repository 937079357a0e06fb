using System.CommandLine;
using Qtl.Cli;
using Qtl.Runtime;

namespace Qtl.Tests.Cli;

/// <summary>How an exception that ends a verb reaches the user: bad input is one line, a bug is reported as a bug.</summary>
[NonParallelizable]
public class CommandLineTests
{
    [Test]
    public void ABugPrintsItsTypeStackTraceAndWhereToReportItWithExit70()
    {
        // A real programming error: the number parser attached to an option that holds no number.
        var bug = Assert.Throws<ArgumentException>(() => Parsing.Invariant(new Option<int>("--epochs")))!;
        var error = new StringWriter();

        int code = CommandLine.Report(bug, error, ["train", "--out", "my run"]);

        Assert.That(code, Is.EqualTo(70));
        string[] lines = error.ToString().TrimEnd().Split('\n');
        Assert.That(lines[0], Is.EqualTo("error: internal error: System.ArgumentException: --epochs is not a number option."));
        Assert.That(lines, Has.Some.Contains("at Qtl.Cli.Parsing.Invariant"), "the stack trace");
        Assert.That(lines[^1], Does.Contain("report it").And.Contain("qtl train --out \"my run\""));
    }

    [Test]
    public void AnOptionsCheckIsAUserErrorOfOneLineWithExit2()
    {
        // TrainingOptions.Validate refuses it before any data is read.
        var (code, _, error) = QtlInProcess.Run("train", "--qubits", "40", "--backend", "native");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith("error: qubits is 40; allowed: 1 to"));
    }

    private static readonly object[] Classified =
    [
        new object[] { new UserError("--lr is 0"), 2 },
        new object[] { new FileNotFoundException("no such file"), 2 },
        new object[] { new DirectoryNotFoundException("no such folder"), 2 },
        new object[] { new InvalidDataException("not a checkpoint"), 2 },
        new object[] { new RuntimeException(RuntimeErrorKind.Process, "node died"), 3 },
        new object[] { new IOException("No space left on device"), 4 },
        new object[] { new UnauthorizedAccessException("permission denied"), 4 },
        new object[] { new ArgumentException("a caller passed a bad argument"), 70 },
        new object[] { new InvalidOperationException("a broken invariant"), 70 },
    ];

    [TestCaseSource(nameof(Classified))]
    public void InputEnvironmentAndBugsGetTheirOwnExitCodes(Exception e, int expected)
    {
        var error = new StringWriter();
        Assert.That(CommandLine.Report(e, error, ["verb"]), Is.EqualTo(expected));
        if (expected != 70)
            Assert.That(error.ToString(), Is.EqualTo($"error: {e.Message}{Environment.NewLine}"));
    }
}
