/// # Summary
/// Whole variational circuits assembled from the layers.

import Std.Diagnostics.Fact;
import Layers.HadamardLayer;
import Layers.VariationalBlock;
import Encodings.AngleEmbedding;

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
    Fact(Length(weights) % n == 0, "DressedCircuit: the number of weights must be a multiple of the qubit count.");
    HadamardLayer(qs);
    AngleEmbedding(inputs, qs);
    for start in 0..n..Length(weights) - 1 {
        VariationalBlock(weights[start..start + n - 1], qs);
    }
}
