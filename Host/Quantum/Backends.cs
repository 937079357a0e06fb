using Qtl.Quantum.Gradients;
using Qtl.Runtime;

namespace Qtl.Quantum;

/// <summary>The one place that maps backend kinds to implementations.</summary>
public static class Backends
{
    /// <summary>Shots per circuit that every verb accepts (0 = exact); one limit, so a trained setting always evaluates.</summary>
    public const int MaxShots = 1_000_000;

    /// <summary>
    /// The one rule of which backend gives which gradient: adjoint walks the exact state vector back, which only the
    /// native engine keeps; parameter-shift runs anywhere.
    /// </summary>
    public static bool Supports(BackendKind kind, GradientMethod method) => method != GradientMethod.Adjoint || kind == BackendKind.Native;

    /// <summary>A user error unless <see cref="Supports"/>.</summary>
    public static void RequireGradient(BackendKind kind, GradientMethod method)
    {
        if (!Supports(kind, method))
            throw new UserError($"gradient '{method.Text()}' needs backend 'native'; backend '{kind.Text()}' supports parameter-shift (the QDK gives no adjoint).");
    }

    /// <param name="runtime">The QDK client the <c>qsharp</c> backend runs on; the native backend does not use it.</param>
    /// <param name="seed">Seeds the native backend's shot sampling.</param>
    public static IQuantumBackend Create(BackendKind kind, QdkRuntime? runtime, int seed = NativeBackend.DefaultSeed) => kind switch
    {
        BackendKind.QSharp => new QSharpBackend(runtime ?? throw new ArgumentNullException(nameof(runtime), "the qsharp backend needs a QdkRuntime; pass one in.")),
        BackendKind.Native => new NativeBackend(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown backend."),
    };
}
