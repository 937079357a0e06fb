using Qtl.Hardware;
using Qtl.Quantum;

namespace Qtl.Tests.Hardware;

/// <summary>The QDK resource estimator on the dressed circuit, across its six predefined qubit models.</summary>
[Integration]
public class ResourceEstimatesTests
{
    [Test]
    public void EveryQubitModelGivesPositiveQubitsAndRuntime()
    {
        var shape = new CircuitShape(4, 2);
        var estimates = ResourceEstimates.ForInference(QdkSession.Runtime, shape, [0.3, -0.2, 0.9, 0.1], Enumerable.Range(1, 8).Select(i => 0.2 * i).ToArray());
        Assert.That(estimates.Select(e => e.Model), Is.EqualTo(ResourceEstimates.Models.Select(m => m.Name)));
        foreach (var e in estimates)
        {
            Assert.That(e.PhysicalQubits, Is.GreaterThan(0), e.Model);
            Assert.That(e.RuntimeNs, Is.GreaterThan(0), e.Model);
            Assert.That(e.LogicalQubits, Is.GreaterThanOrEqualTo(shape.Qubits), e.Model);
            Assert.That(e.CircuitQubits, Is.EqualTo(4), e.Model);
            Assert.That(e.Measurements, Is.EqualTo(4), e.Model);
            Assert.That(e.Rotations, Is.EqualTo(12), e.Model);
            Assert.That(e.TStates, Is.GreaterThan(0), $"{e.Model}: arbitrary-angle rotations need T states");
        }
        Assert.That(estimates.Where(e => e.Model.StartsWith("qubit_maj")).Select(e => e.QecScheme), Is.All.EqualTo("floquet_code"));
        // Better qubits need fewer physical qubits under the same code.
        var byName = estimates.ToDictionary(e => e.Model);
        Assert.That(byName["qubit_gate_ns_e4"].PhysicalQubits, Is.LessThan(byName["qubit_gate_ns_e3"].PhysicalQubits));
    }

    [Test]
    public void AValidationPassScalesRuntimeAndTStatesButNotQubits()
    {
        var one = new ResourceEstimate("m", "surface_code", 4, 15, 5, 1000, 2_000, 100, 10, 12, 4);
        var pass = one.Repeated(80L * 5000);
        Assert.That(pass.RuntimeNs, Is.EqualTo(2_000.0 * 400_000));
        Assert.That(pass.TStates, Is.EqualTo(100L * 400_000));
        Assert.That(pass.PhysicalQubits, Is.EqualTo(1000));
        Assert.That(ResourceEstimates.FormatDuration(pass.RuntimeNs), Is.EqualTo("800 ms"));
        Assert.Throws<ArgumentOutOfRangeException>(() => one.Repeated(0));
    }
}
