using Qtl.Runtime;

namespace Qtl.Quantum;

/// <summary>The one place that maps backend kinds to implementations.</summary>
public static class Backends
{
    /// <summary>Shots per circuit that every verb accepts (0 = exact); one limit, so a trained setting always evaluates.</summary>
    public const int MaxShots = 1_000_000;

    /// <summary>What a backend of this kind supports, before one is created (to check options as they are parsed).</summary>
    public static BackendCapabilities CapabilitiesOf(BackendKind kind) => kind switch
    {
        BackendKind.QSharp => QSharpBackend.Declared,
        BackendKind.Native => NativeBackend.Declared,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown backend."),
    };

    /// <param name="runtime">The QDK client the <c>qsharp</c> backend runs on; the native backend does not use it.</param>
    /// <param name="seed">Seeds the native backend's shot sampling.</param>
    public static IQuantumBackend Create(BackendKind kind, QdkRuntime? runtime, int seed = NativeBackend.DefaultSeed) => kind switch
    {
        BackendKind.QSharp => new QSharpBackend(runtime ?? throw new ArgumentNullException(nameof(runtime), "the qsharp backend needs a QdkRuntime; pass one in.")),
        BackendKind.Native => new NativeBackend(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown backend."),
    };
}
