/// # Summary
/// Whole variational circuits assembled from the layers: the dressed circuit of transfer
/// learning and the amplitude-encoded circuit of the distillation students share their
/// variational blocks and differ in how the inputs enter.

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
    let n = Length(qs);
    Fact(Length(inputs) == n, "DressedCircuit: one input angle per qubit is required.");
    HadamardLayer(qs);
    AngleEmbedding(inputs, qs);
    VariationalBlocks(weights, qs);
}

/// # Summary
/// The amplitude-encoded circuit: the inputs prepared as the register's amplitudes, then the
/// variational blocks.
///
/// # Input
/// ## amplitudes
/// 2^n real amplitudes of unit norm (big-endian).
/// ## weights
/// depth × n angles, block by block, qubit by qubit.
internal operation AmplitudeCircuit(amplitudes : Double[], weights : Double[], qs : Qubit[]) : Unit {
    Fact(Length(amplitudes) == 1 <<< Length(qs), "AmplitudeCircuit: 2^n amplitudes are required.");
    AmplitudeEmbedding(amplitudes, qs);
    VariationalBlocks(weights, qs);
}

/// # Summary
/// Either circuit, by its input encoding: the one circuit every entry point runs.
///
/// # Input
/// ## amplitude
/// true: the inputs are amplitudes (AmplitudeCircuit); false: angles (DressedCircuit).
internal operation EncodedCircuit(amplitude : Bool, inputs : Double[], weights : Double[], qs : Qubit[]) : Unit {
    if amplitude {
        AmplitudeCircuit(inputs, weights, qs);
    } else {
        DressedCircuit(inputs, weights, qs);
    }
}
