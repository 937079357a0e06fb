namespace Qtl.Quantum.Gradients;

/// <summary>
/// A backend that can give the matrix U(w) of a circuit's variational blocks. Amplitude-encoded inputs
/// need it for their gradient (p = (Uψ)², so ∂p_k/∂ψ_j = 2 (Uψ)_k U[k, j]), and no measurement gives it:
/// the QDK's state dumps and the native engine do.
/// </summary>
public interface IVariationalUnitaryBackend : IQuantumBackend
{
    /// <summary>The columns U|j⟩ of the variational blocks, column j at [j·2^n, (j+1)·2^n).</summary>
    double[] VariationalColumns(CircuitShape shape, ReadOnlySpan<double> weights);
}
