using System.CommandLine;
using System.Globalization;
using Qtl.Distillation;
using Qtl.Quantum;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl.Cli;

/// <summary><c>distill</c>: trains one quantum student from a classical teacher (arXiv:2311.13810) and writes summary.json, metrics.csv and report.md.</summary>
public static class DistillCommand
{
    private static readonly DistillationOptions D = new();

    /// <summary>Options shared with <c>reproduce kd-fashion</c>.</summary>
    internal sealed class StudentOptions
    {
        public Option<int> Depth { get; } = new("--depth") { Description = "Variational blocks (CNOT layers + RY).", DefaultValueFactory = _ => D.Depth };
        public Option<string> Encoding { get; } = new("--encoding") { Description = "amplitude | angle.", DefaultValueFactory = _ => "amplitude" };
        public Option<string> FrontEnd { get; } = new("--front-end") { Description = "linear (trainable) | pca (fixed, whitened).", DefaultValueFactory = _ => "linear" };
        public Option<int> Shots { get; } = new("--shots") { Description = "Estimate the readout from N shots (0 = exact).", DefaultValueFactory = _ => 0 };
        public Option<double> Lr { get; } = new("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => D.LearningRate };
        public Option<double?> FrontEndLr { get; } = new("--front-end-lr") { Description = "Adam learning rate of the linear front-end (default: --lr)." };
        public Option<double> Temperature { get; } = new("--temperature") { Description = "Distillation temperature T.", DefaultValueFactory = _ => D.Temperature };
        public Option<double> Lambda { get; } = new("--lambda") { Description = "Weight λ of the distillation term.", DefaultValueFactory = _ => D.Lambda };
        public Option<int> PerClass { get; } = new("--per-class") { Description = "Training images per class.", DefaultValueFactory = _ => D.PerClass };
        public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Mini-batch size (not given in the paper).", DefaultValueFactory = _ => D.BatchSize };
        public Option<int?> TestPerClass { get; } = new("--test-per-class") { Description = "Score on at most N test images per class (default: all)." };
        public Option<string?> Data { get; } = new("--data") { Description = "FashionMNIST IDX folder (default: Debian's dataset-fashion-mnist, else the committed subset)." };

        public void AddTo(Command c)
        {
            foreach (Option o in new Option[] { Depth, Encoding, FrontEnd, Shots, Lr, FrontEndLr, Temperature, Lambda, PerClass, BatchSize, TestPerClass, Data }) c.Options.Add(o);
        }

        public DistillationOptions Fill(ParseResult r, DistillationOptions o) => o with
        {
            Depth = r.GetValue(Depth),
            Encoding = EnumText.Parse<InputEncoding>(r.GetValue(Encoding)!, "--encoding"),
            FrontEnd = EnumText.Parse<Distillation.FrontEnd>(r.GetValue(FrontEnd)!, "--front-end"),
            Shots = r.GetValue(Shots),
            LearningRate = r.GetValue(Lr),
            FrontEndLearningRate = r.GetValue(FrontEndLr),
            Temperature = r.GetValue(Temperature),
            Lambda = r.GetValue(Lambda),
            PerClass = r.GetValue(PerClass),
            BatchSize = r.GetValue(BatchSize),
            TestPerClass = r.GetValue(TestPerClass),
            DataDirectory = r.GetValue(Data),
        };
    }

    public static Command Create(QdkRuntime runtime)
    {
        var shared = new StudentOptions();
        var teacher = new Option<string>("--teacher") { Description = "lenet | alexnet | ensemble | none | PATH.onnx (a classifier of the chosen classes).", DefaultValueFactory = _ => D.Teacher };
        var classes = new Option<string>("--classes") { Description = "0-5 | 0-7 (or a list like 0,1,2).", DefaultValueFactory = _ => "0-5" };
        var qubits = new Option<int>("--qubits") { Description = "Student qubits (2^n ≥ classes).", DefaultValueFactory = _ => D.Qubits };
        var backend = new Option<string>("--backend") { Description = "native | qsharp.", DefaultValueFactory = _ => BackendKind.Native.Text() };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => D.Seed };
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => D.Epochs };
        var output = new Option<string?>("--out") { Description = "Output folder (default runs/distill-<timestamp>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint (only --epochs may change)." };
        var protocol = new Option<string>("--protocol") { Description = "ours | paper (the authors' code: CNN front-end, H+RY circuit, batch 1, shots, best test epoch).", DefaultValueFactory = _ => "ours" };
        var command = new Command("distill", "Knowledge distillation from classical CNN teachers into a quantum student (arXiv:2311.13810).")
        {
            teacher, classes, qubits, backend, seed, epochs, output, resume, protocol,
        };
        shared.AddTo(command);
        command.SetAction(r =>
        {
            if (Parsing.OneOf(r.GetValue(protocol)!, ["ours", "paper"], "--protocol") == "paper")
                return r.GetValue(resume)
                    ? throw new UserError("--resume continues --protocol ours runs; a paper-protocol run is re-run whole (its cache keeps finished runs).")
                    : KdFashionPaper.Distill(r, shared, r.GetValue(teacher)!, ParseClasses(r.GetValue(classes)!), r.GetValue(qubits), r.GetValue(seed),
                    r.GetValue(epochs), r.GetValue(backend)!, r.GetValue(output), runtime);
            var options = shared.Fill(r, D with
            {
                Teacher = r.GetValue(teacher)!,
                Classes = ParseClasses(r.GetValue(classes)!),
                Qubits = r.GetValue(qubits),
                Backend = EnumText.Parse<BackendKind>(r.GetValue(backend)!, "--backend"),
                Seed = r.GetValue(seed),
                Epochs = r.GetValue(epochs),
            });
            options.Validate();
            return Run(options, r.GetValue(output), r.GetValue(resume), runtime);
        });
        return command;
    }

    /// <summary>
    /// Owns the run folder while it writes: a new run only where none is, a run continued only with
    /// <paramref name="resume"/>, and every refusal before a byte is written.
    /// </summary>
    private static int Run(DistillationOptions options, string? outDir, bool resume, QdkRuntime runtime)
    {
        if (resume && outDir is null)
            throw new UserError("--resume needs --out: the distillation run folder to continue.");
        string dir = Path.GetFullPath(outDir ?? Path.Combine("runs", $"distill-{DateTime.Now:yyyyMMdd-HHmmss}"));
        string checkpoint = DistillationState.PathIn(dir);
        // Its checkpoint is a *.checkpoint.json, so a folder that holds one holds a run.
        using var owner = RunFolderRules.Claim(dir, resume, DistillationState.File, $"distillation checkpoint ({DistillationState.File})");
        if (resume)
        {
            int done = Checkpoint.Load<DistillationState>(checkpoint, DistillationState.Format).EpochsDone;
            if (done >= options.Epochs)
                throw new UserError($"--resume: {dir} has finished {done} epochs and --epochs is {options.Epochs}; give a larger --epochs to train on (nothing was changed).");
            Console.WriteLine($"resuming {dir} from epoch {done} of {options.Epochs}");
        }
        Console.WriteLine($"distill: teacher {options.Teacher}, classes {options.ClassesTag}, {options.Qubits} qubits, depth {options.Depth}, " +
            $"{options.Encoding.Text()} encoding, front-end {options.FrontEnd.Text()}, backend {options.Backend.Text()}");
        bool finished = false;
        using var notice = StopSignals.Notice(() => finished ? $"the run had finished: {dir} holds summary.json, metrics.csv and report.md."
            : File.Exists(checkpoint)
            ? $"{dir} keeps every completed epoch ({Checkpoint.Load<DistillationState>(checkpoint, DistillationState.Format).EpochsDone} in {DistillationState.File}); " +
              $"summary.json, metrics.csv and report.md were not written. Continue with: {CommandText.Resume(CommandText.Current, dir)}"
            : $"no epoch had completed, so {dir} keeps nothing. Start again with: {CommandText.Again(CommandText.Current)}");
        var result = Distiller.Run(options, Console.WriteLine, runtime: runtime, checkpoint: checkpoint, resume: resume);
        Console.WriteLine(result.DataNotice);
        Console.WriteLine($"readout: {result.ReadoutSource}");
        using (SafePoint.Process.Enter()) // its three files, all or none
        {
            DistillationReport.Write(dir, result);
            finished = true;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"student {100 * result.StudentTestAccuracy:F2} %{(result.TeacherTestAccuracy is double t ? $", teacher {100 * t:F2} %" : "")} ({result.Seconds:F1} s). Wrote {dir}/summary.json, metrics.csv, report.md, {DistillationState.File}."));
        return 0;
    }

    internal static int[] ParseClasses(string text)
    {
        text = text.Trim();
        var range = System.Text.RegularExpressions.Regex.Match(text, @"^(\d)-(\d)$");
        if (range.Success)
        {
            int a = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), b = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            if (b <= a) throw new UserError($"--classes {text}: the range must go up, e.g. 0-5.");
            return Enumerable.Range(a, b - a + 1).ToArray();
        }
        var values = Parsing.Doubles(text, "--classes");
        if (values.Any(v => v != Math.Floor(v))) throw new UserError($"--classes {text}: give a range like 0-5 or whole class numbers like 0,1,2.");
        return values.Select(v => (int)v).ToArray();
    }
}
