/// # Summary
/// Host-facing entry points. Each evaluates a whole batch of circuits in one
/// call, because every call pays a fixed compile cost.

import Std.Diagnostics.Fact;
import Circuits.DressedCircuit;
import Measurement.DumpState;
import Measurement.MeasureBasisIndex;
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
