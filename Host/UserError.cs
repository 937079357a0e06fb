namespace Qtl;

/// <summary>
/// Bad input from the user: an option value, or options that do not fit the data, model or run they name.
/// Thrown by every check of user input (options records' Validate, data and backbone options, command-line
/// parsing) so the console can print it as one line (exit 2) and still report anything else as a bug.
/// </summary>
public sealed class UserError(string message, Exception? inner = null) : Exception(message, inner);
