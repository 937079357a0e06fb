namespace Qtl.Runtime;

/// <summary>
/// An error reported by the QDK runtime process. For Q# compile and runtime errors
/// <see cref="File"/>, <see cref="Line"/> and <see cref="Column"/> (1-based) locate it.
/// </summary>
public class RuntimeException(RuntimeErrorKind kind, string message, string? file = null, int? line = null, int? column = null)
    : Exception(Format(kind, message, file, line, column))
{
    public RuntimeErrorKind Kind { get; } = kind;
    public string? File { get; } = file;
    public int? Line { get; } = line;
    public int? Column { get; } = column;
    public string Detail { get; } = message;

    private static string Format(RuntimeErrorKind kind, string message, string? file, int? line, int? column)
    {
        string where = file is null ? "" : $"{file}({line},{column}): ";
        string what = kind switch
        {
            RuntimeErrorKind.Compile => "Q# compile error",
            RuntimeErrorKind.Runtime => "Q# runtime error",
            RuntimeErrorKind.Estimate => "QDK resource estimator error",
            RuntimeErrorKind.Process => "QDK runtime process error",
            _ => "QDK runtime request error",
        };
        return $"{where}{what}: {message}";
    }
}
