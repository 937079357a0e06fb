/// # Summary
/// Whole variational circuits assembled from the layers: the dressed circuit of transfer
/// learning, its separable control (no entangling gates) and the amplitude-encoded circuit of
/// the distillation students share their variational blocks and differ in how the inputs enter.

import Std.Diagnostics.Fact;
import Layers.HadamardLayer;
import Layers.VariationalBlocks;
import Encodings.AngleEmbedding;
import Encodings.AmplitudeEmbedding;

/// # Summary
/// The dressed quantum circuit of Mari et al. (2019): Hadamard layer, RY angle
/// embedding, then one variational block per row of weights.
///
/// # Input
/// ## inputs
/// One embedding angle per qubit.
/// ## weights
/// depth × n angles, ordered block by block, qubit by qubit.
/// ## qs
/// The register, starting in |0…0⟩.
operation DressedCircuit(inputs : Double[], weights : Double[], qs : Qubit[]) : Unit is Adj {
    AngleCircuit(true, inputs, weights, qs);
}

/// # Summary
/// The dressed circuit without its entangling gates: every qubit runs H, RY(x_i) and its own
/// RY(w) rotations, so the state stays a product state. The control that shows what the
/// entanglement contributes.
///
/// # Input
/// ## inputs
/// One embedding angle per qubit.
/// ## weights
/// depth × n angles, ordered block by block, qubit by qubit.
/// ## qs
/// The register, starting in |0…0⟩.
operation SeparableCircuit(inputs : Double[], weights : Double[], qs : Qubit[]) : Unit is Adj {
    AngleCircuit(false, inputs, weights, qs);
}

/// # Summary
/// Hadamard layer, RY angle embedding, then the variational blocks, with or without their
/// entangling layers.
internal operation AngleCircuit(entangling : Bool, inputs : Double[], weights : Double[], qs : Qubit[]) : Unit is Adj {
    let n = Length(qs);
    Fact(Length(inputs) == n, "DressedCircuit: one input angle per qubit is required.");
    HadamardLayer(qs);
    AngleEmbedding(inputs, qs);
    VariationalBlocks(entangling, weights, qs);
}

/// # Summary
/// The amplitude-encoded circuit: the inputs prepared as the register's amplitudes, then the
/// variational blocks.
///
/// # Input
/// ## entangling
/// Whether the blocks entangle (false: the separable control).
/// ## amplitudes
/// 2^n real amplitudes of unit norm (big-endian).
/// ## weights
/// depth × n angles, block by block, qubit by qubit.
internal operation AmplitudeCircuit(entangling : Bool, amplitudes : Double[], weights : Double[], qs : Qubit[]) : Unit {
    Fact(Length(amplitudes) == 1 <<< Length(qs), "AmplitudeCircuit: 2^n amplitudes are required.");
    AmplitudeEmbedding(amplitudes, qs);
    VariationalBlocks(entangling, weights, qs);
}

/// # Summary
/// Any circuit, by its input encoding and entangling flag: the one circuit every entry point runs.
///
/// # Input
/// ## amplitude
/// true: the inputs are amplitudes (AmplitudeCircuit); false: angles (AngleCircuit).
/// ## entangling
/// Whether the variational blocks entangle (false: the separable control).
internal operation EncodedCircuit(amplitude : Bool, entangling : Bool, inputs : Double[], weights : Double[], qs : Qubit[]) : Unit {
    if amplitude {
        AmplitudeCircuit(entangling, inputs, weights, qs);
    } else {
        AngleCircuit(entangling, inputs, weights, qs);
    }
}
