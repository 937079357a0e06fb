using Qtl.Data;

namespace Qtl.Tests.Cli;

/// <summary>Output redirected to a log file or a pipe is plain text, even when TERM promises colours.</summary>
[Integration]
public class PlainOutputTests
{
    [Test]
    public void RedirectedOutputHasNoEscapeCodesAndNoNarrowWraps()
    {
        string root = Directory.CreateTempSubdirectory("qtl-plain").FullName;
        try
        {
            using var process = QtlProcess.Start(
            [
                "train", "--data", FashionMnist.SubsetDirectory, "--classes", "0,1", "--per-class", "4", "--epochs", "1",
                "--backend", "native", "--heads", "quantum", "--cache-dir", Path.Combine(root, "cache"), "--out", Path.Combine(root, "run"),
            ], environment =>
            {
                environment["TERM"] = "xterm-256color";
                environment.Remove("NO_COLOR");
            });
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.That(process.ExitCode, Is.EqualTo(0), error.Result);
            Assert.That(output, Does.Not.Contain("\u001b"), "no ANSI escape sequences in redirected output");
            var task = output.Split('\n').Single(l => l.StartsWith("Task:"));
            Assert.That(task, Does.EndWith("512 features."), "the task line stays one line instead of wrapping at 80 columns");
            Assert.That(output, Does.Contain("│ quantum │"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
