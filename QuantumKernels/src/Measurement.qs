/// # Summary
/// Read-out of a register: exact state dumps and computational-basis measurements.

import Std.Diagnostics.DumpMachine;

/// # Summary
/// Emits the exact state of the machine (the only register allocated) as a dump
/// event, from which the host reads amplitudes, probabilities and ⟨Z_i⟩.
internal operation DumpState() : Unit {
    DumpMachine();
}

/// # Summary
/// Measures every qubit in the Pauli-Z basis and resets the register.
///
/// # Output
/// The basis-state index with qubit 0 as the most significant bit (big-endian,
/// the order of dump labels).
internal operation MeasureBasisIndex(qs : Qubit[]) : Int {
    let results = MeasureEachZ(qs);
    ResetAll(qs);
    mutable index = 0;
    for r in results {
        set index = 2 * index + (r == One ? 1 | 0);
    }
    index
}
