using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Qtl.Distillation.Paper;

/// <summary>
/// Runs every (rung, row, teacher, seed) of the table. A run is a pure function of its options, so a configuration
/// that an earlier rung already ran is reused, and distinct runs go in parallel (each has its own generators and
/// backend; results are placed by key), which leaves the bits unchanged.
/// </summary>
public static class PaperTable
{
    public static PaperTableResult Run(int steps, int seeds, PaperOptions template, int? shots, int threads, PaperRunCache? cache = null, Action<string>? log = null, Qtl.Runtime.QdkRuntime? runtime = null)
    {
        var clock = Stopwatch.StartNew();
        // Runs are the parallel unit; MathNet's own threads inside each small product only add contention (same values either way).
        MathNet.Numerics.Control.UseSingleThread();
        PaperOptions Cell(int step, ClassSubset subset, int qubits, TeacherChoice teacher, int seed) =>
            PaperLadder.Configure(step, subset, qubits, teacher, seed) with
            {
                Epochs = template.Epochs, Backend = template.Backend, DataDirectory = template.DataDirectory, PerClass = template.PerClass,
                Shots = shots ?? (qubits == 3 ? 5000 : 2000),
            };
        var all = (from step in Enumerable.Range(0, steps)
                   from row in KdFashion.Rows
                   from teacher in KdFashion.Teachers
                   from seed in Enumerable.Range(1, seeds)
                   select (step, row, teacher, seed, options: Cell(step, row.Subset, row.Qubits, teacher, seed))).ToList();
        foreach (var o in all) o.options.Validate();

        // Data and teacher logits first, one at a time: they fill shared caches (memory and disk).
        foreach (var subset in KdFashion.Rows.Select(r => r.Subset).Distinct())
        {
            var data = PaperData.Load(subset.Classes, template.PerClass, template.DataDirectory);
            foreach (var teacher in KdFashion.Teachers.Skip(1))
                foreach (var split in new[] { data.Train, data.TestSubset, data.Test })
                    PaperTeachers.Logits(teacher, split.Teacher, subset.Classes.Count);
        }

        // The published table first, then the ladder seed by seed: an interrupted run holds whole ladders for its first seeds.
        var distinct = all.OrderBy(a => a.step == 0 ? 0 : a.seed).ThenBy(a => a.step).Select(a => a.options).DistinctBy(o => o.Key).ToList();
        var results = new ConcurrentDictionary<string, PaperRunResult>();
        foreach (var o in distinct)
            if (cache?.TryLoad(o) is { } stored) results[o.Key] = stored;
        int fromCache = results.Count;
        log?.Invoke($"{all.Count} cells, {distinct.Count} distinct runs ({fromCache} read from {cache?.Directory ?? "no cache"}), {threads} in parallel");
        var pending = distinct.Where(o => !results.ContainsKey(o.Key)).ToList();
        Parallel.ForEach(Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = threads }, o =>
        {
            var r = PaperTrainer.Run(o, runtime: runtime);
            results[o.Key] = r;
            cache?.Store(r);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{o.ClassesTag}, {o.Qubits} qubits, teacher {o.Teacher,-8} seed {o.Seed} [{o.Head}, {o.Rule.Name} shift, {o.Selection}, depth {o.Depth}{(o.KdReachesStudent ? "" : ", KD sends no gradient")}]: {100 * r.Accuracy:F2} % (epoch {r.SelectedEpoch}), {r.Seconds:F0} s"));
        });

        var stepCells = new List<(PaperStep, IReadOnlyList<KdCell>)>();
        for (int s = 0; s < steps; s++)
        {
            var cells = new List<KdCell>();
            foreach (var (subset, qubits, published) in KdFashion.Rows)
                for (int t = 0; t < KdFashion.Teachers.Count; t++)
                {
                    var accuracies = all.Where(a => a.step == s && a.row.Subset == subset && a.row.Qubits == qubits && a.teacher == KdFashion.Teachers[t])
                        .OrderBy(a => a.seed).Select(a => results[a.options.Key].Accuracy).ToList();
                    cells.Add(new KdCell($"{subset}, {qubits} qubits", KdFashion.Teachers[t].Text, accuracies, s == 0 ? published[t] : null));
                }
            stepCells.Add((PaperLadder.Steps[s], cells));
        }
        // Teachers on the split each protocol scores: the test subset (paper) and, with held-out selection, the whole test split.
        var teachers = all.Where(a => !a.teacher.IsNone && a.seed == 1).Select(a => results[a.options.Key])
            .DistinctBy(r => (r.Options.Subset, r.Options.Teacher, r.Options.Selection))
            .Select(r => new KdCell(r.Options.Selection == PaperSelection.HeldOut ? $"{r.Options.ClassesTag}, whole test split" : $"{r.Options.ClassesTag}, test subset",
                r.Options.Teacher.Text, [r.TeacherAccuracy!.Value], KdFashion.PublishedTeacher(r.Options.Subset, r.Options.Teacher)))
            .ToList();
        return new PaperTableResult(stepCells, teachers, distinct.Select(o => results[o.Key]).ToList(), fromCache, seeds, threads, clock.Elapsed.TotalSeconds, template);
    }
}
