/// # Summary
/// Quantum students for knowledge distillation (arXiv:2311.13810): amplitude
/// encoding of a real feature vector, then trainable variational blocks
/// (CNOT entangling layers and RY rotations). The class distribution is read
/// from basis-state probabilities by the host. The angle-encoded student is
/// `Circuits.DressedCircuit` itself.

import Std.Diagnostics.Fact;
import Std.StatePreparation.PreparePureStateD;
import Layers.VariationalBlock;
import Measurement.DumpState;
import Measurement.MeasureBasisIndex;

/// # Summary
/// Amplitude-encoded student: prepares Σ_k amplitudes[k]|k⟩ (big-endian, qubit 0
/// the most significant bit) with the standard library's state preparation, then
/// applies one variational block per n weights.
///
/// # Input
/// ## amplitudes
/// 2^n real amplitudes of unit norm.
/// ## weights
/// depth × n angles, block by block, qubit by qubit.
/// ## qs
/// The register, starting in |0…0⟩.
internal operation AmplitudeStudent(amplitudes : Double[], weights : Double[], qs : Qubit[]) : Unit {
    let n = Length(qs);
    Fact(Length(amplitudes) == 1 <<< n, "AmplitudeStudent: 2^n amplitudes are required.");
    Fact(Length(weights) % n == 0, "AmplitudeStudent: the number of weights must be a multiple of the qubit count.");
    PreparePureStateD(amplitudes, qs);
    VariationalBlocks(weights, qs);
}

/// # Summary
/// The trainable part U(weights) of a student: one variational block per n weights.
internal operation VariationalBlocks(weights : Double[], qs : Qubit[]) : Unit is Adj + Ctl {
    let n = Length(qs);
    for start in 0..n..Length(weights) - 1 {
        VariationalBlock(weights[start..start + n - 1], qs);
    }
}

/// # Summary
/// Runs the amplitude-encoded student once per (amplitudes, weights) row and dumps each final state.
operation AmplitudeStudentExact(qubits : Int, amplitudes : Double[][], weights : Double[][]) : Unit {
    Fact(Length(amplitudes) == Length(weights), "AmplitudeStudentExact: one weight row per circuit is required.");
    for b in 0..Length(amplitudes) - 1 {
        use qs = Qubit[qubits];
        AmplitudeStudent(amplitudes[b], weights[b], qs);
        DumpState();
        ResetAll(qs);
    }
}

/// # Summary
/// Runs the amplitude-encoded student `shots` times per row, measuring every qubit.
///
/// # Output
/// Per circuit, the count of each basis outcome (2^n entries, big-endian).
operation AmplitudeStudentShots(qubits : Int, amplitudes : Double[][], weights : Double[][], shots : Int) : Int[][] {
    Fact(Length(amplitudes) == Length(weights), "AmplitudeStudentShots: one weight row per circuit is required.");
    mutable counts = [];
    for b in 0..Length(amplitudes) - 1 {
        mutable histogram = Repeated(0, 1 <<< qubits);
        for _ in 1..shots {
            use qs = Qubit[qubits];
            AmplitudeStudent(amplitudes[b], weights[b], qs);
            let index = MeasureBasisIndex(qs);
            set histogram w/= index <- histogram[index] + 1;
        }
        set counts += [histogram];
    }
    counts
}

/// # Summary
/// Dumps U(weights)|j⟩ for every basis state j = 0..2^n−1 (prepared with X gates, big-endian):
/// the columns of the student's real orthogonal matrix, used for exact input gradients.
operation VariationalColumns(qubits : Int, weights : Double[]) : Unit {
    for j in 0..(1 <<< qubits) - 1 {
        use qs = Qubit[qubits];
        for i in 0..qubits - 1 {
            if ((j >>> (qubits - 1 - i)) &&& 1) == 1 {
                X(qs[i]);
            }
        }
        VariationalBlocks(weights, qs);
        DumpState();
        ResetAll(qs);
    }
}
