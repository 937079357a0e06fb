/// # Summary
/// The kernels' public API, and all the host calls: the batch entry points (exact state dumps or
/// shot counts, parameter-shift batches, for angle- or amplitude-encoded inputs; the variational
/// unitary's columns) and the dressed circuit and its separable control, which the host draws and compiles to QIR.
/// Everything else is `internal` to the project.

export
    Circuits.DressedCircuit,
    Circuits.SeparableCircuit,
    Entry.Exact,
    Entry.Shots,
    Entry.ShiftedExact,
    Entry.ShiftedShots,
    Entry.VariationalColumns;
