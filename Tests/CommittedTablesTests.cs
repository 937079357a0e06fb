using System.Globalization;
using Qtl.Benchmarks;
using Qtl.Data;
using Qtl.Distillation;
using Qtl.Distillation.Paper;
using Qtl.Runtime;

namespace Qtl.Tests;

/// <summary>
/// The committed tables in docs/ are what today's code gives: one cell of each is re-run and compared with its
/// committed row, bit for bit as the file writes it. A change that moves any result fails here until the table is
/// re-run and committed with it. They need the full FashionMNIST (Debian's dataset-fashion-mnist), as the tables did.
/// </summary>
[Integration]
[NonParallelizable]
public class CommittedTablesTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [SetUp]
    public void RequireTheFullDataSet()
    {
        if (FashionMnist.Locate().Source != FashionMnistSource.SystemPackage)
            MissingTool.Report("the committed tables were made on the full FashionMNIST", "apt-get install dataset-fashion-mnist");
    }

    /// <summary>docs/transfer-benchmark/results.csv: Sneaker vs Ankle boot, seed 2, every head.</summary>
    [Test]
    public void OneCellOfTheTransferBenchmarkGivesItsCommittedRows()
    {
        var task = TransferBenchmarkOptions.DefaultTasks.Single(t => t.Name == "Sneaker vs Ankle boot");
        var options = new TransferBenchmarkOptions { Tasks = [task], Seeds = 2, AblationDepths = [], AblationQubits = [], QSharpCheckEpochs = 0 };
        using var runtime = new QdkRuntime(); // never started: no QDK cross-check
        var result = TransferBenchmark.Run(runtime, options, _ => { });
        var committed = CommittedCsv.Rows("transfer-benchmark/results.csv").Where(r => r[0] == task.Name && r[3] == "2").ToList();
        var rerun = result.Scores.Where(s => s.Seed == 2).ToList();
        Assert.That(rerun.Select(s => s.Head.Text()), Is.EquivalentTo(committed.Select(r => r[1])));
        foreach (var s in rerun)
        {
            var row = committed.Single(r => r[1] == s.Head.Text() && r[2] == "");
            Assert.That(new[] { s.Validation.ToString("R", Inv), s.Test.ToString("R", Inv), s.BestEpoch.ToString(Inv) },
                Is.EqualTo(new[] { row[4], row[5], row[6] }), $"{task.Name}, seed 2, {s.Head.Text()}");
        }
    }

    /// <summary>docs/kd-fashion/results.csv: LeNet → 0-5 student (3 qubits), seed 2 of our protocol.</summary>
    [Test]
    public void OneRunOfOurDistillationTableGivesItsCommittedAccuracy()
    {
        var (subset, qubits, _) = KdFashion.Rows[0];
        var options = new DistillationOptions { Epochs = 10, Backend = Qtl.Quantum.BackendKind.Native } with
        {
            Teacher = TeacherChoice.LeNet, Classes = subset.Classes, Qubits = qubits, Seed = 2,
        };
        var run = Distiller.Run(options, data: KdData.Load(options));
        var row = CommittedCsv.Rows("kd-fashion/results.csv").Single(r => r[0] == $"{subset}, {qubits} qubits" && r[1] == "lenet");
        Assert.That((100 * run.StudentTestAccuracy).ToString("F2", Inv), Is.EqualTo(row[6].Split(';')[1]));
    }

    /// <summary>
    /// docs/kd-fashion-paper/runs.csv: the published protocol's AlexNet → 0-7 student (3 qubits), seed 1, for its
    /// first three epochs (a shorter run is the longer one's start, bit for bit).
    /// </summary>
    [Test]
    public void TheFirstEpochsOfOnePaperRunGiveItsCommittedAccuracies()
    {
        var options = PaperOptions.ForCell(ClassSubset.ZeroToSeven, 3, TeacherChoice.AlexNet, seed: 1) with { Epochs = 3 };
        var run = PaperTrainer.Run(options);
        string key = string.Join(",", options.Teacher, options.ClassesTag, options.Qubits, options.Depth, options.Head, options.Rule.Name,
            options.Selection, options.KdReachesStudent, options.Shots, options.Seed);
        var row = CommittedCsv.Rows("kd-fashion-paper/runs.csv").Single(r => string.Join(",", r.Take(10)) == key && r[10] == "10");
        Assert.That(run.Epochs.Select(e => (100 * e.ValidationAccuracy!.Value).ToString("F2", Inv)),
            Is.EqualTo(row[^1].Split(';').Take(3)), key);
    }

    /// <summary>
    /// docs/benchmark/sneaker-ankle-boot/cells.csv: every cross-validation and test cell of the quantum and linear
    /// models at 10 images per class, re-run by the verb.
    /// </summary>
    [Test]
    public void TheSmallestSizeOfOneBenchmarkPairGivesItsCommittedCells()
    {
        string dir = Tests.Data.TestImages.TempDir("qtl-committed-benchmark");
        try
        {
            var (code, output, error) = Cli.QtlInProcess.Run("benchmark", "--classes", "7,9", "--per-class", "1000", "--sizes", "10",
                "--models", "quantum,linear", "--out", dir);
            Assert.That(code, Is.EqualTo(0), error + output);
            var committed = CommittedCsv.Rows("benchmark/sneaker-ankle-boot/cells.csv").ToDictionary(r => r[0], r => string.Join(",", r));
            var rerun = File.ReadLines(Path.Combine(dir, "cells.csv")).Skip(1).Select(CommittedCsv.Split).ToList();
            Assert.That(rerun, Has.Count.EqualTo(2 * (8 * 5 + 5)), "8 settings × 5 folds and 5 seeds, per model");
            foreach (var row in rerun)
                Assert.That(string.Join(",", row), Is.EqualTo(committed[row[0]]), row[0]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
