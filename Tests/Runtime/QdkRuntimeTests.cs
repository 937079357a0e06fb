using System.Diagnostics;
using Qtl.Quantum;
using Qtl.Runtime;

namespace Qtl.Tests.Runtime;

[Integration]
public class QdkRuntimeTests
{
    private static readonly RuntimeLocation Default = RuntimeLocation.Default();

    [Test]
    public void DescribesTheQdkVersionAndLoadedFiles()
    {
        var hello = QdkSession.Runtime.Describe();
        Assert.That(hello.GetProperty("qsharp").GetString(), Is.EqualTo("1.32.5-dev"));
        Assert.That(hello.GetProperty("files").GetArrayLength(), Is.GreaterThanOrEqualTo(5));
    }

    [Test]
    public void RestartsAfterBeingKilledMidBatchAndStillReturnsCorrectValues()
    {
        using var runtime = new QdkRuntime(Default);
        using var qsharp = new QSharpBackend(runtime);
        var shape = new CircuitShape(4, 6);
        var rng = new Random(3);
        // Seconds of work: the response cannot come back before the kill, however fast the machine.
        int count = 1500 * Math.Clamp(Environment.ProcessorCount, 2, 4);
        var batch = new CircuitBatch(shape,
            Enumerable.Range(0, count * 4).Select(_ => rng.NextDouble()).ToArray(),
            Enumerable.Range(0, count * 24).Select(_ => rng.NextDouble()).ToArray());
        qsharp.Evaluate(new CircuitBatch(shape, new double[4], new double[24]));

        // Killed as soon as the batch's request is written (once), so it dies working on it: no timer to race.
        int kills = 0;
        runtime.RequestWritten = pid =>
        {
            if (kills++ > 0) return;
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        };
        var result = qsharp.Evaluate(batch);

        Assert.That(runtime.Starts, Is.EqualTo(2), "the runtime should have been restarted once");
        var expected = new NativeBackend().Evaluate(batch);
        for (int i = 0; i < expected.Expectations.Length; i++)
            Assert.That(result.Expectations[i], Is.EqualTo(expected.Expectations[i]).Within(1e-10));
    }

    [Test]
    public void ABrokenQSharpFileIsReportedWithFileAndLine()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-broken-qs").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "src"));
            File.Copy(Path.Combine(Default.ProjectDir, "qsharp.json"), Path.Combine(dir, "qsharp.json"));
            foreach (var file in Directory.GetFiles(Path.Combine(Default.ProjectDir, "src"), "*.qs"))
                File.Copy(file, Path.Combine(dir, "src", Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(dir, "src", "Broken.qs"), "operation Broken() : Unit {\n    let x = ;\n}\n");
            using var runtime = new QdkRuntime(Default with { ProjectDir = dir });

            var error = Assert.Throws<RuntimeException>(() => runtime.Describe())!;

            Assert.That(error.Kind, Is.EqualTo(RuntimeErrorKind.Compile));
            Assert.That(error.File, Is.EqualTo(Path.Combine(dir, "src", "Broken.qs")));
            Assert.That(error.Line, Is.EqualTo(2));
            Assert.That(error.Message, Does.Contain("Broken.qs(2,").And.Contain("compile error"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void AnUnknownRequestIsAClearError()
    {
        var error = Assert.Throws<RuntimeException>(() => QdkSession.Runtime.Request("no-such-op"))!;
        Assert.That(error.Kind, Is.EqualTo(RuntimeErrorKind.Request));
        Assert.That(error.Message, Does.Contain("unknown op 'no-such-op'"));
    }
}
