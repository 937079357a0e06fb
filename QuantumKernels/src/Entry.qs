/// # Summary
/// Host-facing entry points. Each evaluates a whole batch of circuits in one call, because
/// every call pays a fixed compile cost. `amplitude` selects the input encoding of
/// Circuits.EncodedCircuit: angles (the dressed circuit) or amplitudes; `entangling` false
/// leaves out the entangling layers (the separable control).

import Std.Diagnostics.Fact;
import Circuits.EncodedCircuit;
import Layers.VariationalBlocks;
import Measurement.DumpState;
import Measurement.MeasureBasisIndex;
import ParameterShift.ShiftedBatch;

/// # Summary
/// Runs the circuit once per (inputs, weights) pair and dumps each final state (exact mode).
///
/// # Input
/// ## qubits
/// Register size n.
/// ## amplitude
/// The input encoding: amplitudes (true) or angles (false).
/// ## entangling
/// Whether the variational blocks entangle (false: the separable control).
/// ## inputs
/// Per circuit, n angles or 2^n amplitudes.
/// ## weights
/// Per circuit, depth × n weights (block by block, qubit by qubit).
operation Exact(qubits : Int, amplitude : Bool, entangling : Bool, inputs : Double[][], weights : Double[][]) : Unit {
    Fact(Length(inputs) == Length(weights), "Exact: inputs and weights must have one row per circuit.");
    for b in 0..Length(inputs) - 1 {
        use qs = Qubit[qubits];
        EncodedCircuit(amplitude, entangling, inputs[b], weights[b], qs);
        DumpState();
        ResetAll(qs);
    }
}

/// # Summary
/// Runs the circuit `shots` times per (inputs, weights) pair, measuring every qubit each
/// time (shots mode).
///
/// # Output
/// Per circuit, the count of each basis-state outcome (2^n entries, big-endian).
operation Shots(qubits : Int, amplitude : Bool, entangling : Bool, inputs : Double[][], weights : Double[][], shots : Int) : Int[][] {
    Fact(Length(inputs) == Length(weights), "Shots: inputs and weights must have one row per circuit.");
    mutable counts = [];
    for b in 0..Length(inputs) - 1 {
        mutable histogram = Repeated(0, 1 <<< qubits);
        for _ in 1..shots {
            use qs = Qubit[qubits];
            EncodedCircuit(amplitude, entangling, inputs[b], weights[b], qs);
            let index = MeasureBasisIndex(qs);
            set histogram w/= index <- histogram[index] + 1;
        }
        set counts += [histogram];
    }
    counts
}

/// # Summary
/// Exact mode for parameter-shift gradients: per (inputs, weights) row, dumps the final
/// state of each of its shifted circuits, in the order of ShiftedAngles (angles are shifted;
/// amplitudes enter linearly and are not).
operation ShiftedExact(qubits : Int, amplitude : Bool, entangling : Bool, inputs : Double[][], weights : Double[][]) : Unit {
    Fact(Length(inputs) == Length(weights), "ShiftedExact: inputs and weights must have one row per sample.");
    let (xs, ws) = ShiftedBatch(inputs, weights, not amplitude);
    Exact(qubits, amplitude, entangling, xs, ws);
}

/// # Summary
/// Shots mode for parameter-shift gradients: per (inputs, weights) row, the outcome
/// counts of each of its shifted circuits, in the order of ShiftedAngles.
operation ShiftedShots(qubits : Int, amplitude : Bool, entangling : Bool, inputs : Double[][], weights : Double[][], shots : Int) : Int[][] {
    Fact(Length(inputs) == Length(weights), "ShiftedShots: inputs and weights must have one row per sample.");
    let (xs, ws) = ShiftedBatch(inputs, weights, not amplitude);
    Shots(qubits, amplitude, entangling, xs, ws, shots)
}

/// # Summary
/// Dumps U(weights)|j⟩ for every basis state j = 0..2^n−1 (prepared with X gates, big-endian):
/// the columns of the variational blocks' real orthogonal matrix, which amplitude-encoded
/// inputs need for their gradient.
operation VariationalColumns(qubits : Int, entangling : Bool, weights : Double[]) : Unit {
    for j in 0..(1 <<< qubits) - 1 {
        use qs = Qubit[qubits];
        for i in 0..qubits - 1 {
            if ((j >>> (qubits - 1 - i)) &&& 1) == 1 {
                X(qs[i]);
            }
        }
        VariationalBlocks(entangling, weights, qs);
        DumpState();
        ResetAll(qs);
    }
}
