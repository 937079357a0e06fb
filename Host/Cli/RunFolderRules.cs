using Qtl.Model;
using Qtl.Training;
using Spectre.Console;
using Qtl.Features;

namespace Qtl.Cli;

/// <summary>
/// What <c>train</c> and <c>distill</c> may do with an <c>--out</c> folder: start a run only where none is, continue
/// one only with <c>--resume</c>, and never while another process owns it. Every refusal happens before a byte is written.
/// </summary>
internal static class RunFolderRules
{
    /// <summary>Claims a <c>train</c> run folder: one to continue holds its data options.</summary>
    public static RunLock Claim(string outDir, bool resume) =>
        Claim(outDir, resume, RunFolder.DataOptionsFile, $"run to continue (no {RunFolder.DataOptionsFile})");

    /// <summary>
    /// Checks <paramref name="outDir"/>, owns it, and checks it again now that no other process can finish a run there.
    /// </summary>
    /// <param name="resumeFile">The file a run to continue holds.</param>
    /// <param name="missing">What the refusal of a resume without <paramref name="resumeFile"/> says the folder lacks.</param>
    public static RunLock Claim(string outDir, bool resume, string resumeFile, string missing)
    {
        CheckOut(outDir, resume, resumeFile, missing);
        var owner = RunLock.TryAcquire(outDir)
            ?? throw new UserError($"--out {Path.GetFullPath(outDir)} is in use by another qtl process; wait for it to finish, or give another --out.");
        try
        {
            CheckOut(outDir, resume, resumeFile, missing);
            return owner;
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    private static void CheckOut(string outDir, bool resume, string resumeFile, string missing)
    {
        string full = Path.GetFullPath(outDir);
        if (File.Exists(full))
            throw new UserError($"--out {full} is a file; give a folder for the run.");
        if (!resume && RunFolder.HoldsRun(full))
            throw new UserError($"--out {full} already holds a run; continue it with --resume, or give another --out.");
        if (resume && !File.Exists(Path.Combine(full, resumeFile)))
            throw new UserError($"--resume: {full} holds no {missing}; drop --resume to start a new run there.");
    }

    /// <summary>
    /// The run's recorded data options: a resumed run must see the same features. Options given on the
    /// command line may repeat them; one that differs is refused, naming both values.
    /// </summary>
    public static DataOptions ResumeDataOptions(string outDir, DataOptions given)
    {
        var recorded = RunFolder.LoadDataOptions(outDir);
        var wanted = RunFolder.Absolute(given);
        (string Option, object? Given, object? Recorded)[] fields =
        [
            ("--data", wanted.DataPath, recorded.DataPath),
            ("--backbone", wanted.BackbonePath, recorded.BackbonePath),
            ("--preprocessing", wanted.Preprocessing, recorded.Preprocessing),
            ("--classes", Join(wanted.Classes), Join(recorded.Classes)),
            ("--feature-output", wanted.FeatureOutput, recorded.FeatureOutput),
            ("--per-class", wanted.PerClassLimit, recorded.PerClassLimit),
        ];
        foreach (var (option, value, was) in fields)
            if (value is not null && !value.Equals(was))
                throw new UserError($"cannot resume {Path.GetFullPath(outDir)}: {option} is {value} here, {was ?? "the default"} in the run; " +
                    "a resumed run keeps its data options (leave them out), or start a new run with another --out.");
        // The cache folder does not change the features; the seed is checked against the checkpoints.
        return recorded with { CacheDir = given.CacheDir ?? recorded.CacheDir, Seed = given.Seed };
    }

    /// <summary>Says where each head continues; refuses a resume that has nothing left to train.</summary>
    public static void AnnounceResume(string outDir, IReadOnlyDictionary<HeadKind, int> epochsDone, int epochs)
    {
        string full = Path.GetFullPath(outDir);
        if (epochsDone.Values.All(done => done >= epochs))
            throw new UserError($"--resume: {full} has finished {epochsDone.Values.Min()} epochs of every head and --epochs is {epochs}; " +
                "give a larger --epochs to train on (nothing was changed).");
        foreach (var (kind, done) in epochsDone)
            AnsiConsole.MarkupLineInterpolated($"resuming {full} ({kind.Text()} head) from epoch {Math.Min(done, epochs)} of {epochs}");
    }

    private static string? Join(IReadOnlyList<int>? classes) => classes is null ? null : string.Join(",", classes);
}
