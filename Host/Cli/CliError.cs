namespace Qtl.Cli;

/// <summary>A user error: printed as one line, exit code 2, no stack trace.</summary>
public sealed class CliError(string message) : Exception(message);
