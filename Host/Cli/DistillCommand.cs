using System.CommandLine;
using System.Globalization;
using Qtl.Distillation;
using Qtl.IO;
using Qtl.Quantum;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl.Cli;

/// <summary><c>distill</c>: trains one quantum student from a classical teacher (arXiv:2311.13810) and writes summary.json, metrics.csv, report.md and report.html.</summary>
public static class DistillCommand
{
    private static readonly DistillationOptions D = new();

    /// <summary>The student options shared with <c>reproduce kd-fashion</c>; those of our student only apply to <c>--protocol ours</c>.</summary>
    internal sealed class StudentOptions
    {
        public Option<int> Depth { get; } = new("--depth") { Description = "Variational blocks (CNOT layers + RY).", DefaultValueFactory = _ => D.Depth };
        public Option<InputEncoding> Encoding { get; } = EnumOption.Create("--encoding", "How the front-end's outputs enter the circuit: amplitude or angle.", D.Encoding);
        public Option<Distillation.FrontEnd> FrontEnd { get; } = EnumOption.Create("--front-end", "linear (trainable) or pca (fixed, whitened).", D.FrontEnd);
        public Option<int> Shots { get; } = SharedOptions.Shots();
        public Option<double> Lr { get; } = new("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => D.LearningRate };
        public Option<double?> FrontEndLr { get; } = new("--front-end-lr") { Description = "Adam learning rate of the linear front-end (default: --lr)." };
        public Option<double> Temperature { get; } = new("--temperature") { Description = "Distillation temperature T.", DefaultValueFactory = _ => D.Temperature };
        public Option<double> Lambda { get; } = new("--lambda") { Description = "Weight λ of the distillation term.", DefaultValueFactory = _ => D.Lambda };
        public Option<int> PerClass { get; } = new("--per-class") { Description = "Training images per class.", DefaultValueFactory = _ => D.PerClass };
        public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Mini-batch size (not given in the paper).", DefaultValueFactory = _ => D.BatchSize };
        public Option<int?> TestPerClass { get; } = new("--test-per-class") { Description = "Score on at most N test images per class (default: all)." };
        public Option<string?> Data { get; } = new("--data") { Description = "FashionMNIST IDX folder (default: Debian's dataset-fashion-mnist, else the committed subset)." };

        public void AddTo(Command c, ProtocolOption protocol)
        {
            foreach (Option o in new Option[] { Depth, Encoding, FrontEnd, Lr, FrontEndLr, Temperature, Lambda, BatchSize, TestPerClass })
                c.Options.Add(protocol.Only(KdProtocol.Ours, o));
            foreach (Option o in new Option[] { Shots, PerClass, Data }) c.Options.Add(o);
        }

        public DistillationOptions Fill(ParseResult r, DistillationOptions o) => o with
        {
            Depth = r.GetValue(Depth),
            Encoding = r.GetValue(Encoding),
            FrontEnd = r.GetValue(FrontEnd),
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
        var protocol = new ProtocolOption();
        var teacher = TeacherOption();
        var classes = SharedOptions.Classes([.. D.Classes]);
        var qubits = new Option<int>("--qubits") { Description = "Student qubits (2^n ≥ classes).", DefaultValueFactory = _ => D.Qubits };
        var backend = SharedOptions.Backend(D.Backend);
        var seed = SharedOptions.Seed(D.Seed);
        var epochs = new Option<int>("--epochs") { DefaultValueFactory = _ => D.Epochs };
        var output = new Option<string?>("--out") { Description = "Output folder (default runs/distill-<timestamp>)." };
        var resume = protocol.Only(KdProtocol.Ours, new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint (only --epochs may change)." });
        var command = new Command("distill", "Knowledge distillation from classical CNN teachers into a quantum student (arXiv:2311.13810).")
        {
            teacher, classes, qubits, backend, seed, epochs, output, resume,
        };
        protocol.AddTo(command);
        shared.AddTo(command, protocol);
        command.SetAction(r =>
        {
            if (protocol.Chosen(r) == KdProtocol.Paper)
                return KdFashionPaper.Distill(r, shared, r.GetValue(teacher)!, r.GetValue(classes)!, r.GetValue(qubits), r.GetValue(seed),
                    r.GetValue(epochs), r.GetValue(backend), r.GetValue(output), runtime);
            var options = shared.Fill(r, D with
            {
                Teacher = r.GetValue(teacher)!,
                Classes = r.GetValue(classes)!,
                Qubits = r.GetValue(qubits),
                Backend = r.GetValue(backend),
                Seed = r.GetValue(seed),
                Epochs = r.GetValue(epochs),
            });
            options.Validate();
            return Run(options, r.GetValue(output), r.GetValue(resume), runtime);
        });
        return command;
    }

    /// <summary>
    /// <c>--teacher</c>: a teacher's name, or the path of an ONNX classifier that exists (a misspelt name is not
    /// taken for a path), checked when the command line is parsed.
    /// </summary>
    private static Option<TeacherChoice> TeacherOption()
    {
        var option = new Option<TeacherChoice>("--teacher")
        {
            Description = $"{TeacherChoice.Names}, or PATH.onnx (a classifier of the chosen classes).",
            DefaultValueFactory = _ => D.Teacher,
            HelpName = string.Join("|", TeacherChoice.Named.Select(t => t.Text)) + "|PATH.onnx",
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                var teacher = text.Length > 0 ? TeacherChoice.Parse(text) : null;
                if (teacher is { Kind: not TeacherKind.Model } || File.Exists(text)) return teacher;
                r.AddError($"--teacher is '{text}', neither a teacher nor a file; allowed: {TeacherChoice.Names}, or the path of an ONNX classifier.");
                return D.Teacher;
            },
        };
        option.CompletionSources.Clear();
        option.CompletionSources.Add(TeacherChoice.Named.Select(t => t.Text).ToArray());
        return option;
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
            int done = Checkpoint.Load<DistillationState>(checkpoint, DistillationState.Format).Progress.EpochsDone;
            if (done >= options.Epochs)
                throw new UserError($"--resume: {dir} has finished {done} epochs and --epochs is {options.Epochs}; give a larger --epochs to train on (nothing was changed).");
            Console.WriteLine($"resuming {dir} from epoch {done} of {options.Epochs}");
        }
        Console.WriteLine($"distill: teacher {options.Teacher}, classes {options.ClassesTag}, {options.Qubits} qubits, depth {options.Depth}, " +
            $"{options.Encoding.Text()} encoding, front-end {options.FrontEnd.Text()}, backend {options.Backend.Text()}");
        bool finished = false;
        using var notice = StopSignals.Notice(() => finished ? $"the run had finished: {dir} holds summary.json, metrics.csv and report.md."
            : File.Exists(checkpoint)
            ? $"{dir} keeps every completed epoch ({Checkpoint.Load<DistillationState>(checkpoint, DistillationState.Format).Progress.EpochsDone} in {DistillationState.File}); " +
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
            $"student {100 * result.StudentTestAccuracy:F2} %{(result.TeacherTestAccuracy is double t ? $", teacher {100 * t:F2} %" : "")} ({result.Seconds:F1} s). Wrote {dir}/summary.json, metrics.csv, report.md, report.html, {DistillationState.File}."));
        return 0;
    }
}
