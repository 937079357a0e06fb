/// # Summary
/// The kernels' public API, and all the host calls: the batch entry points (exact state dumps or
/// shot counts, parameter-shift batches, the amplitude-encoded student) and the dressed circuit
/// itself, which the host draws and compiles to QIR. Everything else is `internal` to the project.

export
    Circuits.DressedCircuit,
    Entry.DressedExact,
    Entry.DressedShots,
    Entry.DressedShiftedExact,
    Entry.DressedShiftedShots,
    Students.AmplitudeStudentExact,
    Students.AmplitudeStudentShots,
    Students.VariationalColumns;
