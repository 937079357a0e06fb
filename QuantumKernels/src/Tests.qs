/// # Summary
/// Unit tests for the layers, run by the host's test suite through the QDK.

import Std.Diagnostics.Fact;
import Layers.*;
import Circuits.DressedCircuit;
import Circuits.AmplitudeCircuit;
import Std.Diagnostics.CheckZero;
import Std.Diagnostics.CheckAllZero;
import Std.Math.PI;

/// # Summary
/// H on every qubit then H again is the identity.
@Test()
operation HadamardLayerIsSelfInverse() : Unit {
    use qs = Qubit[3];
    HadamardLayer(qs);
    HadamardLayer(qs);
    Fact(CheckAllZero(qs), "H·H should return |000⟩.");
}

/// # Summary
/// RY(π) on every qubit flips |0⟩ to |1⟩.
@Test()
operation RotationLayerYByPiFlips() : Unit {
    use qs = Qubit[3];
    RotationLayerY([PI(), PI(), PI()], qs);
    for q in qs {
        Fact(MResetZ(q) == One, "RY(π)|0⟩ should measure One.");
    }
}

/// # Summary
/// The entangling layer maps |1000⟩ to |1111⟩ on four qubits:
/// (0,1) copies qubit 0 into 1, (2,3) sees 0, then (1,2) and ... propagate.
@Test()
operation EntanglingLayerPropagatesOnes() : Unit {
    use qs = Qubit[4];
    X(qs[0]);
    EntanglingLayer(qs);
    // (0,1): 1100; (2,3): 1100; (1,2): 1110.
    let expected = [One, One, One, Zero];
    for i in 0..3 {
        Fact(MResetZ(qs[i]) == expected[i], $"Qubit {i} has the wrong value after the entangling layer.");
    }
}

/// # Summary
/// A variational block followed by its adjoint is the identity.
@Test()
operation VariationalBlockAdjointIsInverse() : Unit {
    use qs = Qubit[4];
    VariationalBlock([0.1, 0.2, 0.3, 0.4], qs);
    Adjoint VariationalBlock([0.1, 0.2, 0.3, 0.4], qs);
    Fact(CheckAllZero(qs), "A block and its adjoint should cancel.");
}

/// # Summary
/// The dressed circuit with zero inputs and no blocks is the Hadamard layer.
@Test()
operation DressedCircuitWithoutBlocksIsHadamardLayer() : Unit {
    use qs = Qubit[2];
    DressedCircuit([0.0, 0.0], [], qs);
    HadamardLayer(qs);
    Fact(CheckAllZero(qs), "With zero inputs and depth 0 only the Hadamard layer should act.");
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
/// With no blocks the amplitude circuit prepares exactly the requested (signed) amplitudes' probabilities.
@Test()
operation AmplitudeCircuitPreparesTheState() : Unit {
    use qs = Qubit[2];
    AmplitudeCircuit([0.0, 0.6, 0.0, -0.8], [], qs);
    // |01⟩ and |11⟩ only: qubit 1 is One.
    Fact(MResetZ(qs[1]) == One, "qubit 1 should be One for amplitudes on |01⟩ and |11⟩.");
    ResetAll(qs);
}
