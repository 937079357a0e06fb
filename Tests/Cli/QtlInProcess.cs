using Qtl.Cli;

namespace Qtl.Tests.Cli;

/// <summary>The qtl command line run inside the test process, its console output captured: the quick way to test a verb.</summary>
internal static class QtlInProcess
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int code = CommandLine.Run(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
