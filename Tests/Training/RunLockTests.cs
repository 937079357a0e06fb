using Qtl.Tests.Data;
using Qtl.Training;

namespace Qtl.Tests.Training;

/// <summary>One owner per run folder, and distinct default names for runs started in the same second.</summary>
public class RunLockTests
{
    [Test]
    public void ASecondOwnerIsRefusedUntilTheFirstReleases()
    {
        string root = TestImages.TempDir("qtl-lock");
        try
        {
            string run = Path.Combine(root, "run");
            var first = RunLock.TryAcquire(run);
            Assert.That(first, Is.Not.Null);
            File.WriteAllText(Path.Combine(run, "summary.json"), "{}");
            Assert.That(RunLock.TryAcquire(run), Is.Null);
            first!.Dispose();
            using var second = RunLock.TryAcquire(run);
            Assert.That(second, Is.Not.Null);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void AFolderTheLockCreatedAndNothingWasWrittenToIsRemovedOnRelease()
    {
        string root = TestImages.TempDir("qtl-lock");
        try
        {
            string run = Path.Combine(root, "run");
            RunLock.TryAcquire(run)!.Dispose();
            Assert.That(Directory.Exists(run), Is.False);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void DefaultRunsStartedInTheSameSecondGetDistinctFolders()
    {
        string root = TestImages.TempDir("qtl-names");
        try
        {
            var now = new DateTime(2026, 11, 30, 12, 0, 0);
            using var a = RunFolder.CreateDefault(root, now);
            using var b = RunFolder.CreateDefault(root, now);
            Assert.That(Path.GetFileName(a.Folder), Is.EqualTo("20261130-120000"));
            Assert.That(Path.GetFileName(b.Folder), Is.EqualTo("20261130-120000-2"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
