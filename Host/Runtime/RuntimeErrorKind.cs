namespace Qtl.Runtime;

/// <summary>What failed in the QDK runtime; the process sends it as the error's <c>kind</c> (see errors.mjs).</summary>
public enum RuntimeErrorKind
{
    /// <summary>The Q# project or a generated entry source does not compile.</summary>
    Compile,
    /// <summary>A Q# program failed while running (a failed <c>Fact</c>, a wrong result count).</summary>
    Runtime,
    /// <summary>The resource estimator failed.</summary>
    Estimate,
    /// <summary>The request itself is malformed (unknown op, bad arguments): a bug on the host's side.</summary>
    Request,
    /// <summary>The Node.js process could not start, died twice, or answered out of order.</summary>
    Process,
}
