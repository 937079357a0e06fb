using Qtl.Hardware;
using Qtl.Quantum;
using Qtl.Tests.Cli;

namespace Qtl.Tests.Hardware;

/// <summary>QIR of the dressed circuit from the QDK: one call per gate of the circuit Q# defines, every qubit measured.</summary>
[Integration]
[NonParallelizable]
public class QirExportTests
{
    [Test]
    public void BaseProfileQirHasOneCallPerGateAndMeasurement()
    {
        var shape = new CircuitShape(4, 2);
        double[] inputs = [0.1, -0.2, 0.3, 1e-5];
        double[] weights = Enumerable.Range(0, 8).Select(i => 0.25 * i - 1).ToArray();
        string qir = QirExport.Generate(QdkSession.Runtime, shape, inputs, weights);
        var calls = QirExport.CountCalls(qir);
        Assert.Multiple(() =>
        {
            Assert.That(calls.GetValueOrDefault("h"), Is.EqualTo(4), "one H per qubit");
            Assert.That(calls.GetValueOrDefault("ry"), Is.EqualTo(4 + 8), "one RY per input and per weight");
            Assert.That(calls.GetValueOrDefault("cx"), Is.EqualTo(2 * 3), "pairs (0,1),(2,3),(1,2) per block");
            Assert.That(calls.GetValueOrDefault("m"), Is.EqualTo(4), "every qubit measured once");
            Assert.That(calls.Keys, Is.SubsetOf(new[] { "h", "ry", "cx", "m" }));
        });
        Assert.That(qir, Does.Contain("@ENTRYPOINT__main").And.Contain("\"qir_profiles\"=\"base_profile\""));
        Assert.That(qir, Does.Contain("double 1.000000e-05").Or.Contain("double 1e-05").Or.Contain("0.00001"), "a small angle must survive as written");
    }

    [Test]
    public void TheSeparableControlCompilesWithoutEntanglingGates()
    {
        var shape = new CircuitShape(4, 2, entangling: false);
        string qir = QirExport.Generate(QdkSession.Runtime, shape, [0.1, -0.2, 0.3, 0.4], Enumerable.Range(0, 8).Select(i => 0.25 * i - 1).ToArray());
        var calls = QirExport.CountCalls(qir);
        Assert.That(calls.GetValueOrDefault("cx"), Is.Zero, "no CNOT in the separable control");
        Assert.That(calls.GetValueOrDefault("ry"), Is.EqualTo(4 + 8), "the same rotations as the dressed circuit");
    }

    [Test]
    public void TheVerbWritesTheFileAndAFailedExportLeavesTheOldOneUntouched()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-qir").FullName;
        try
        {
            string path = Path.Combine(dir, "circuit.ll");
            var (code, _, error) = QtlInProcess.Run("export-qir", "--qubits", "4", "--depth", "2", "--inputs", "0.1,0.2,0.3,0.4", "--out", path);
            Assert.That(code, Is.EqualTo(0), error);
            string first = File.ReadAllText(path);
            Assert.That(QirExport.CountCalls(first)["ry"], Is.EqualTo(12));

            (code, _, error) = QtlInProcess.Run("export-qir", "--qubits", "4", "--depth", "2", "--inputs", "0.1,0.2", "--out", path);
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--inputs has 2 values"));
            Assert.That(File.ReadAllText(path), Is.EqualTo(first), "a refused export must not touch the existing file");
            Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1), "no temporary files are left behind");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
