/// # Summary
/// Unit tests of the kernels, run by the host's test suite through the QDK. Operations are compared as the QDK's
/// libraries compare them: `CheckOperationsAreEqual` checks two unitaries on every input state (up to global phase).

import Std.Diagnostics.Fact;
import Std.Diagnostics.CheckAllZero;
import Std.Diagnostics.CheckOperationsAreEqual;
import Std.Math.ArcTan2;
import Std.Math.PI;
import Layers.*;
import Circuits.DressedCircuit;
import Circuits.SeparableCircuit;
import Circuits.AmplitudeCircuit;

/// # Summary
/// The Hadamard layer is H on every qubit, and its own inverse.
@Test()
operation HadamardLayerIsHOnEveryQubit() : Unit {
    Fact(CheckOperationsAreEqual(3, HadamardLayer, qs => ApplyToEachA(H, qs)), "The layer should be H⊗3.");
    Fact(CheckOperationsAreEqual(3, qs => { HadamardLayer(qs); HadamardLayer(qs); }, qs => ()), "H·H should be the identity.");
}

/// # Summary
/// RY(π) on every qubit is Y on every qubit (RY(π) = −iY).
@Test()
operation RotationLayerYByPiIsPauliY() : Unit {
    Fact(CheckOperationsAreEqual(3, qs => RotationLayerY([PI(), PI(), PI()], qs), qs => ApplyToEachA(Y, qs)), "RY(π)⊗3 should equal Y⊗3.");
}

/// # Summary
/// The entangling layer on four qubits is CNOT(0,1), CNOT(2,3), then CNOT(1,2); it maps |1000⟩ to |1110⟩.
@Test()
operation EntanglingLayerIsTheCnotLadder() : Unit {
    let ladder = qs => { CNOT(qs[0], qs[1]); CNOT(qs[2], qs[3]); CNOT(qs[1], qs[2]); };
    Fact(CheckOperationsAreEqual(4, EntanglingLayer, ladder), "The entangling layer should be the CNOT ladder (0,1),(2,3); (1,2).");
    use qs = Qubit[4];
    X(qs[0]);
    EntanglingLayer(qs);
    let expected = [One, One, One, Zero];
    for i in 0..3 {
        Fact(MResetZ(qs[i]) == expected[i], $"Qubit {i} has the wrong value after the entangling layer.");
    }
}

/// # Summary
/// A variational block followed by its adjoint is the identity.
@Test()
operation VariationalBlockAdjointIsInverse() : Unit {
    let w = [0.1, 0.2, 0.3, 0.4];
    Fact(CheckOperationsAreEqual(4, qs => { VariationalBlock(true, w, qs); Adjoint VariationalBlock(true, w, qs); }, qs => ()),
        "A block and its adjoint should cancel.");
}

/// # Summary
/// The dressed circuit with zero inputs and no blocks is the Hadamard layer.
@Test()
operation DressedCircuitWithoutBlocksIsHadamardLayer() : Unit {
    Fact(CheckOperationsAreEqual(2, qs => DressedCircuit([0.0, 0.0], [], qs), HadamardLayer),
        "With zero inputs and depth 0 only the Hadamard layer should act.");
}

/// # Summary
/// The dressed circuit on three qubits, written gate by gate: H on every qubit, RY(x_i), then per block
/// CNOT(0,1), CNOT(1,2) and RY(w) on every qubit, the weights block by block, qubit by qubit.
@Test()
operation DressedCircuitIsTheGateSequence() : Unit {
    let (x, w) = ([0.3, -1.2, 0.7], [0.1, 0.2, 0.3, -0.4, 0.5, 0.6]);
    let reference = qs => {
        for q in qs { H(q); }
        for i in 0..2 { Ry(x[i], qs[i]); }
        for block in 0..1 {
            CNOT(qs[0], qs[1]);
            CNOT(qs[1], qs[2]);
            for i in 0..2 { Ry(w[3 * block + i], qs[i]); }
        }
    };
    Fact(CheckOperationsAreEqual(3, qs => DressedCircuit(x, w, qs), reference), "H, RY(x), then two [CNOT ladder; RY(w)] blocks expected.");
}

/// # Summary
/// The separable control is the dressed circuit without its CNOTs: per qubit H, RY(x_i), then its RY(w) of each
/// block; and it differs from the dressed circuit (the entangling gates do act).
@Test()
operation SeparableCircuitIsTheDressedCircuitWithoutCnots() : Unit {
    let (x, w) = ([0.3, -1.2, 0.7], [0.1, 0.2, 0.3, -0.4, 0.5, 0.6]);
    let reference = qs => {
        for q in qs { H(q); }
        for i in 0..2 { Ry(x[i], qs[i]); }
        for block in 0..1 {
            for i in 0..2 { Ry(w[3 * block + i], qs[i]); }
        }
    };
    Fact(CheckOperationsAreEqual(3, qs => SeparableCircuit(x, w, qs), reference), "H, RY(x), then two RY(w) layers expected.");
    Fact(not CheckOperationsAreEqual(3, qs => SeparableCircuit(x, w, qs), qs => DressedCircuit(x, w, qs)), "The CNOTs should change the circuit.");
}

/// # Summary
/// The parameter-shift circuits come unshifted first, then ±π/2 on each input, then
/// ±π/2 on each weight, one parameter at a time.
@Test()
function ShiftedAnglesFollowTheHostOrder() : Unit {
    let circuits = ParameterShift.ShiftedAngles([0.1, 0.2], [0.3, 0.4, 0.5, 0.6], true);
    Fact(Length(circuits) == 1 + 2 * (2 + 4), "1 + 2(n + W) circuits expected.");
    let (x0, w0) = circuits[0];
    Fact(x0 == [0.1, 0.2] and w0 == [0.3, 0.4, 0.5, 0.6], "The first circuit is unshifted.");
    let (x2, w2) = circuits[2];
    Fact(x2 == [0.1 - PI() / 2.0, 0.2] and w2 == w0, "Circuit 2 shifts input 0 by −π/2.");
    let (x9, w9) = circuits[9];
    Fact(x9 == x0 and w9 == [0.3, 0.4, 0.5 + PI() / 2.0, 0.6], "Circuit 9 = 1 + 2(n + 2) shifts weight 2 by +π/2.");
}

/// # Summary
/// Amplitude inputs are never shifted: 1 + 2W circuits, the weights shifted in the same order.
@Test()
function ShiftedAnglesLeaveAmplitudesAlone() : Unit {
    let circuits = ParameterShift.ShiftedAngles([0.6, 0.0, 0.0, 0.8], [0.3, 0.4], false);
    Fact(Length(circuits) == 1 + 2 * 2, "1 + 2W circuits expected.");
    for (x, _) in circuits {
        Fact(x == [0.6, 0.0, 0.0, 0.8], "The amplitudes are the same in every circuit.");
    }
    let (_, w3) = circuits[3];
    Fact(w3 == [0.3, 0.4 + PI() / 2.0], "Circuit 3 shifts weight 1 by +π/2.");
}

/// # Summary
/// With no blocks the amplitude circuit prepares exactly the requested signed amplitudes: 0.6|01⟩ − 0.8|11⟩ is
/// (0.6|0⟩ − 0.8|1⟩) ⊗ |1⟩, which RY(θ)† on qubit 0 (cos θ/2 = 0.6, sin θ/2 = −0.8) and X on qubit 1 return to |00⟩.
@Test()
operation AmplitudeCircuitPreparesTheState() : Unit {
    use qs = Qubit[2];
    AmplitudeCircuit(true, [0.0, 0.6, 0.0, -0.8], [], qs);
    Adjoint Ry(2.0 * ArcTan2(-0.8, 0.6), qs[0]);
    X(qs[1]);
    Fact(CheckAllZero(qs), "The prepared state should be 0.6|01⟩ − 0.8|11⟩.");
}
