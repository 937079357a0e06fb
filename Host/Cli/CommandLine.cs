using System.CommandLine;
using System.Globalization;
using Qtl.Runtime;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary>The console host: verbs, and how errors reach the user.</summary>
public static class CommandLine
{
    /// <param name="runtime">The one QDK client of this invocation, passed to every verb that runs Q#.</param>
    public static RootCommand Build(QdkRuntime runtime)
    {
        var root = new RootCommand("qtl-qsharp: classical-to-quantum transfer learning with Q# kernels and a C# host.");
        root.Subcommands.Add(CircuitCommand.Create(runtime));
        root.Subcommands.Add(BenchCommand.Create(runtime));
        root.Subcommands.Add(TrainCommand.Create(runtime));
        root.Subcommands.Add(EvaluateCommand.Create(runtime));
        root.Subcommands.Add(PredictCommand.Create(runtime));
        root.Subcommands.Add(NoiseStudyCommand.Create(runtime));
        root.Subcommands.Add(EstimateCommand.Create(runtime));
        root.Subcommands.Add(ExportQirCommand.Create(runtime));
        root.Subcommands.Add(ExportOnnxCommand.Create());
        root.Subcommands.Add(DistillCommand.Create(runtime));
        root.Subcommands.Add(ReproduceCommand.Create(runtime));
        root.Subcommands.Add(BenchmarkCommand.Create(runtime));
        root.Subcommands.Add(ReportCommand.Create(runtime));
        root.Subcommands.Add(NotebookCommand.Create());
        root.Subcommands.Add(CacheCommand.Create());
        root.SetAction(_ => TrainCommand.RunDemo(runtime));
        Parsing.InvariantNumbers(root); // every number option, so none can miss it
        HelpDefaults.Apply(root);
        return root;
    }

    public static int Run(string[] args)
    {
        // Numbers on the console and in files read as the command line reads them (0.0004, not 0,0004), whatever the
        // build's globalization setting or the host's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        AnsiConsole.Console = CreateConsole();
        // The composition root: the QDK process starts only if a verb runs Q#, and ends with the invocation.
        using var runtime = new QdkRuntime();
        var parse = Build(runtime).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line per error, the hint on the last, so a single bad value gives a single line.
            for (int i = 0; i < parse.Errors.Count; i++)
                Console.Error.WriteLine($"error: {parse.Errors[i].Message}" + (i == parse.Errors.Count - 1 ? " (--help lists the allowed options)" : ""));
            return 2;
        }
        using var signals = StopSignals.Install();
        try
        {
            int code = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            StopSignals.WaitIfStopping();
            return code;
        }
        catch (Exception e)
        {
            StopSignals.WaitIfStopping(); // what a stop broke (the QDK process it ended) is not an error to report
            return Report(e, Console.Error, args);
        }
    }

    /// <summary>sysexits' EX_SOFTWARE: the program failed, not its input or its environment.</summary>
    public const int InternalErrorCode = 70;

    /// <summary>
    /// The exit code of an exception that ended a verb: 2 bad input (options, data or model files), 3 the QDK runtime,
    /// 4 the file system (full disk, no permission), <see cref="InternalErrorCode"/> anything else, which is a bug.
    /// </summary>
    private static int ExitCode(Exception e) => e switch
    {
        UserError or FileNotFoundException or DirectoryNotFoundException or InvalidDataException => 2,
        RuntimeException => 3,
        IOException or UnauthorizedAccessException => 4,
        _ => InternalErrorCode,
    };

    /// <summary>
    /// Writes what the user needs to <paramref name="error"/> and returns the exit code: one line for their input or
    /// environment (the message names the value or path); for a bug the type, the stack trace and where to report it.
    /// </summary>
    public static int Report(Exception e, TextWriter error, IReadOnlyList<string> args)
    {
        int code = ExitCode(e);
        if (code != InternalErrorCode)
        {
            error.WriteLine($"error: {e.Message}");
            return code;
        }
        error.WriteLine($"error: internal error: {e.GetType().FullName}: {e.Message}");
        error.WriteLine(e.StackTrace);
        if (e.InnerException is { } inner) error.WriteLine($"caused by: {inner}");
        error.WriteLine($"This is a bug in qtl, not in your input: please report it with the command line (qtl {CommandText.Join(args)}) and the text above.");
        return code;
    }

    /// <summary>
    /// Spectre.Console trusts TERM, so it would write colour codes and wrap at 80 columns into a log file or a
    /// pipe too. Redirected output gets plain, wide text; NO_COLOR (no-color.org) turns colour off.
    /// </summary>
    private static IAnsiConsole CreateConsole()
    {
        bool redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
                ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (redirected) console.Profile.Width = PlainTextWidth;
        return console;
    }

    /// <summary>
    /// Wide enough that no line wraps: the task line carries the data path, which passed 240 columns in a
    /// checkout under a longer folder name (tables do not expand, so a wide profile costs nothing).
    /// </summary>
    private const int PlainTextWidth = 1000;
}
