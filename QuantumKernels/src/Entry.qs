/// # Summary
/// Host-facing entry points. Each evaluates a whole batch of circuits in one
/// call, because every call pays a fixed compile cost.

import Std.Diagnostics.Fact;
import Circuits.DressedCircuit;
import Measurement.DumpState;
import Measurement.MeasureBasisIndex;
import ParameterShift.ShiftedBatch;

/// # Summary
/// Runs the dressed circuit once per (inputs, weights) pair and dumps each
/// final state (exact mode).
///
/// # Input
/// ## qubits
/// Register size n.
/// ## inputs
/// Per circuit, n embedding angles.
/// ## weights
/// Per circuit, depth × n weights (block by block, qubit by qubit).
operation DressedExact(qubits : Int, inputs : Double[][], weights : Double[][]) : Unit {
    Fact(Length(inputs) == Length(weights), "DressedExact: inputs and weights must have one row per circuit.");
    for b in 0..Length(inputs) - 1 {
        use qs = Qubit[qubits];
        DressedCircuit(inputs[b], weights[b], qs);
        DumpState();
        ResetAll(qs);
    }
}

/// # Summary
/// Runs the dressed circuit `shots` times per (inputs, weights) pair, measuring
/// every qubit each time (shots mode).
///
/// # Output
/// Per circuit, the count of each basis-state outcome (2^n entries, big-endian).
operation DressedShots(qubits : Int, inputs : Double[][], weights : Double[][], shots : Int) : Int[][] {
    Fact(Length(inputs) == Length(weights), "DressedShots: inputs and weights must have one row per circuit.");
    mutable counts = [];
    for b in 0..Length(inputs) - 1 {
        mutable histogram = Repeated(0, 1 <<< qubits);
        for _ in 1..shots {
            use qs = Qubit[qubits];
            DressedCircuit(inputs[b], weights[b], qs);
            let index = MeasureBasisIndex(qs);
            set histogram w/= index <- histogram[index] + 1;
        }
        set counts += [histogram];
    }
    counts
}

/// # Summary
/// Exact mode for parameter-shift gradients: per (inputs, weights) row, dumps the final
/// state of each of its 1 + 2(n + W) circuits, in the order of ShiftedAngles.
operation DressedShiftedExact(qubits : Int, inputs : Double[][], weights : Double[][]) : Unit {
    Fact(Length(inputs) == Length(weights), "DressedShiftedExact: inputs and weights must have one row per sample.");
    let (xs, ws) = ShiftedBatch(inputs, weights);
    DressedExact(qubits, xs, ws);
}

/// # Summary
/// Shots mode for parameter-shift gradients: per (inputs, weights) row, the outcome
/// counts of each of its 1 + 2(n + W) circuits, in the order of ShiftedAngles.
operation DressedShiftedShots(qubits : Int, inputs : Double[][], weights : Double[][], shots : Int) : Int[][] {
    Fact(Length(inputs) == Length(weights), "DressedShiftedShots: inputs and weights must have one row per sample.");
    let (xs, ws) = ShiftedBatch(inputs, weights);
    DressedShots(qubits, xs, ws, shots)
}
