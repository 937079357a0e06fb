using System.CommandLine;
using Qtl.Runtime;

namespace Qtl.Cli;

/// <summary>The console host: verbs, and how errors reach the user.</summary>
public static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("qtl-qsharp: classical-to-quantum transfer learning with Q# kernels and a C# host.");
        root.Subcommands.Add(CircuitCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(NoiseStudyCommand.Create());
        root.Subcommands.Add(EstimateCommand.Create());
        root.Subcommands.Add(ExportQirCommand.Create());
        root.Subcommands.Add(DistillCommand.Create());
        root.Subcommands.Add(ReproduceCommand.Create());
        root.Subcommands.Add(NotebookCommand.Create());
        root.SetAction(_ => TrainCommand.RunDemo());
        return root;
    }

    public static int Run(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run with --help for the allowed options.");
            return 2;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CliError or ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (RuntimeException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 3;
        }
    }
}
