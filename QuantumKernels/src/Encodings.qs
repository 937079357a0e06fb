/// # Summary
/// Ways of writing classical features into a register.

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
