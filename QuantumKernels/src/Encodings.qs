/// # Summary
/// Ways of writing classical features into a register.

import Std.StatePreparation.PreparePureStateD;
import Layers.RotationLayerY;

/// # Summary
/// Angle embedding: RY(features[i]) on qubit i.
///
/// # Input
/// ## features
/// One angle per qubit (radians); the dressed circuit feeds tanh(·)·π/2 here.
/// ## qs
/// The register.
internal operation AngleEmbedding(features : Double[], qs : Qubit[]) : Unit is Adj + Ctl {
    RotationLayerY(features, qs);
}

/// # Summary
/// Amplitude embedding: prepares Σ_k amplitudes[k]|k⟩ (big-endian, qubit 0 the most significant
/// bit) with the standard library's state preparation; the students feed tanh(z)/‖tanh(z)‖ here.
///
/// # Input
/// ## amplitudes
/// 2^n real amplitudes of unit norm.
/// ## qs
/// The register, starting in |0…0⟩.
internal operation AmplitudeEmbedding(amplitudes : Double[], qs : Qubit[]) : Unit {
    PreparePureStateD(amplitudes, qs);
}
