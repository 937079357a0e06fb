/// # Summary
/// The circuits of the parameter-shift rule, generated on the quantum side: the host
/// sends each sample's angles once instead of 1 + 2(n + W) shifted copies, which keeps
/// every training step one short QDK call.

import Std.Math.PI;

/// # Summary
/// The shift for which the two-term rule is exact for RY gates (generator Y/2).
internal function ShiftAngle() : Double {
    PI() / 2.0
}

/// # Summary
/// The (inputs, weights) pairs of one sample's parameter-shift circuits: the unshifted
/// pair, then for each parameter p (the n inputs first when `shiftInputs`, then the weights)
/// p shifted by +π/2 and by −π/2. The host's ParameterShift.Expand builds the same order.
/// Amplitude inputs are not shifted: they enter through state preparation, not a rotation.
internal function ShiftedAngles(inputs : Double[], weights : Double[], shiftInputs : Bool) : (Double[], Double[])[] {
    let n = shiftInputs ? Length(inputs) | 0;
    mutable circuits = [(inputs, weights)];
    for p in 0..n + Length(weights) - 1 {
        for shift in [ShiftAngle(), -ShiftAngle()] {
            set circuits += [p < n
                ? (inputs w/ p <- inputs[p] + shift, weights)
                | (inputs, weights w/ p - n <- weights[p - n] + shift)];
        }
    }
    circuits
}

/// # Summary
/// ShiftedAngles for every (inputs, weights) row, as one batch of circuits: row b's
/// circuits follow row b − 1's.
internal function ShiftedBatch(inputs : Double[][], weights : Double[][], shiftInputs : Bool) : (Double[][], Double[][]) {
    mutable (xs, ws) = ([], []);
    for b in 0..Length(inputs) - 1 {
        for (x, w) in ShiftedAngles(inputs[b], weights[b], shiftInputs) {
            set xs += [x];
            set ws += [w];
        }
    }
    (xs, ws)
}
