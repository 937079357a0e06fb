/// # Summary
/// Gate layers of the dressed quantum circuit (Mari et al. 2019).
/// Every layer acts on the whole register; qubit 0 is the first element.

import Std.Diagnostics.Fact;

/// # Summary
/// Applies a Hadamard gate to every qubit, taking |0…0⟩ to the uniform superposition.
///
/// # Input
/// ## qs
/// The register.
internal operation HadamardLayer(qs : Qubit[]) : Unit is Adj + Ctl {
    for q in qs {
        H(q);
    }
}

/// # Summary
/// Applies RY(angles[i]) to qubit i.
///
/// # Input
/// ## angles
/// One rotation angle per qubit (radians).
/// ## qs
/// The register; its length must equal the number of angles.
internal operation RotationLayerY(angles : Double[], qs : Qubit[]) : Unit is Adj + Ctl {
    Fact(Length(angles) == Length(qs), "RotationLayerY: one angle per qubit is required.");
    for i in 0..Length(qs) - 1 {
        Ry(angles[i], qs[i]);
    }
}

/// # Summary
/// The entangling layer: CNOT on pairs (0,1),(2,3),… then on pairs (1,2),(3,4),…
///
/// # Input
/// ## qs
/// The register. With one qubit the layer is the identity.
internal operation EntanglingLayer(qs : Qubit[]) : Unit is Adj + Ctl {
    let n = Length(qs);
    for i in 0..2..n - 2 {
        CNOT(qs[i], qs[i + 1]);
    }
    for i in 1..2..n - 2 {
        CNOT(qs[i], qs[i + 1]);
    }
}

/// # Summary
/// One variational block: the entangling layer, then RY(weights[i]) on qubit i.
///
/// # Input
/// ## entangling
/// false leaves out the entangling layer: the separable control, a product of one-qubit circuits.
/// ## weights
/// One trainable angle per qubit.
/// ## qs
/// The register.
internal operation VariationalBlock(entangling : Bool, weights : Double[], qs : Qubit[]) : Unit is Adj + Ctl {
    if entangling {
        EntanglingLayer(qs);
    }
    RotationLayerY(weights, qs);
}

/// # Summary
/// The trainable part of every circuit: one variational block per n weights.
///
/// # Input
/// ## entangling
/// Whether each block starts with the entangling layer (false: the separable control).
/// ## weights
/// depth × n angles, block by block, qubit by qubit.
internal operation VariationalBlocks(entangling : Bool, weights : Double[], qs : Qubit[]) : Unit is Adj + Ctl {
    let n = Length(qs);
    Fact(Length(weights) % n == 0, "VariationalBlocks: the number of weights must be a multiple of the qubit count.");
    for start in 0..n..Length(weights) - 1 {
        VariationalBlock(entangling, weights[start..start + n - 1], qs);
    }
}
