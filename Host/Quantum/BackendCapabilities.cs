using Qtl.Quantum.Gradients;

namespace Qtl.Quantum;

/// <summary>
/// What a backend can do, declared by the backend (as PennyLane devices declare theirs): callers ask
/// <see cref="Supports(GradientMethod)"/> instead of testing its type.
/// </summary>
/// <param name="Kind">The <c>--backend</c> it implements, so options and backend can be checked against each other.</param>
/// <param name="GradientMethods">The gradient methods it can compute; parameter-shift needs only evaluations.</param>
/// <param name="Exact">Exact expectation values (shots = 0); a trajectory sampler has none.</param>
/// <param name="Shots">Finite-shot estimates.</param>
/// <param name="Noise">Whether its circuits run under a noise model.</param>
public sealed record BackendCapabilities(BackendKind Kind, IReadOnlyList<GradientMethod> GradientMethods, bool Exact, bool Shots, bool Noise)
{
    public bool Supports(GradientMethod method) => GradientMethods.Contains(method);

    /// <summary>Throws, naming what is allowed, unless this backend can train with <paramref name="method"/> and <paramref name="shots"/>.</summary>
    public void Require(GradientMethod method, int shots, string backend)
    {
        if (!Supports(method))
            throw new UserError($"gradient '{method.Text()}' is not supported by backend '{backend}'; allowed: {string.Join(", ", GradientMethods.Select(m => m.Text()))}.");
        if (shots == 0 && !Exact)
            throw new UserError($"backend '{backend}' samples shots and has no exact values; give shots > 0.");
        if (shots > 0 && !Shots)
            throw new UserError($"backend '{backend}' gives exact values only; give shots 0.");
    }
}
