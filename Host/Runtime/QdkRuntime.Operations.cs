using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qtl.Runtime;

// The runtime's operations (worker.mjs): every op name and JSON shape the host uses is written here, once.
public sealed partial class QdkRuntime
{
    /// <summary>The circuits of Entry.qs, per circuit the 2^n basis-state probabilities, or frequencies from shots.</summary>
    /// <param name="amplitude">The inputs are 2^n amplitudes (true) or n angles (false).</param>
    /// <param name="entangling">The blocks start with the CNOT ladder (false: the separable control).</param>
    /// <param name="shifted">Each row stands for its parameter-shift circuits (ParameterShift.qs), <paramref name="circuits"/> in all.</param>
    public double[][] Circuits(int qubits, bool amplitude, bool entangling, CircuitRows inputs, CircuitRows weights, int shots, bool shifted, int circuits) =>
        Distributions(shifted ? (shots == 0 ? "shiftedExact" : "shiftedShots") : (shots == 0 ? "exact" : "shots"),
            qubits, inputs, weights, shots, circuits, w =>
            {
                w.WriteBoolean("amplitude", amplitude);
                w.WriteBoolean("entangling", entangling);
            });

    /// <summary>The dressed circuits measured under the QDK's Pauli noise [px, py, pz]: per row, frequencies.</summary>
    public double[][] NoisyShots(int qubits, bool entangling, CircuitRows inputs, CircuitRows weights, int shots, IReadOnlyList<double> noise)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shots);
        return Distributions("noisyShots", qubits, inputs, weights, shots, inputs.Count, w =>
        {
            WriteArray(w, "noise", noise);
            w.WriteBoolean("entangling", entangling);
        });
    }

    /// <summary>Columns U|j⟩ of the variational blocks, from Q# state dumps.</summary>
    public double[][] VariationalColumns(int qubits, bool entangling, IReadOnlyList<double> weights)
    {
        var result = Request("variationalColumns", w =>
        {
            w.WriteNumber("qubits", qubits);
            w.WriteBoolean("entangling", entangling);
            WriteArray(w, "weights", weights);
        });
        return result.GetProperty("columns").EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
    }

    /// <summary>The dressed circuit's (or its separable control's) gate grid for one input and weight set, in qsharp-lang's circuit JSON.</summary>
    public JsonElement Circuit(int qubits, bool entangling, IReadOnlyList<double> inputs, IReadOnlyList<double> weights) =>
        Request("circuit", w =>
        {
            w.WriteNumber("qubits", qubits);
            w.WriteBoolean("entangling", entangling);
            WriteArray(w, "inputs", inputs);
            WriteArray(w, "weights", weights);
        });

    /// <summary>QIR of a Q# entry source (namespace <paramref name="file"/>) compiled with every kernel file.</summary>
    public string Qir(string file, string source, string profile)
    {
        var result = Request("qir", w =>
        {
            w.WriteString("file", file);
            w.WriteString("source", source);
            w.WriteString("profile", profile);
        });
        return result.GetProperty("qir").GetString() ?? throw new RuntimeException(RuntimeErrorKind.Runtime, "the QDK returned no QIR");
    }

    /// <summary>One resource estimate of <paramref name="expression"/> per item of <paramref name="parameters"/>, in the estimator's JSON.</summary>
    public IReadOnlyList<JsonElement> Estimates(string file, string source, string expression, JsonArray parameters)
    {
        var result = Request("estimates", w =>
        {
            w.WriteString("file", file);
            w.WriteString("source", source);
            w.WriteString("expr", expression);
            w.WritePropertyName("params");
            parameters.WriteTo(w);
        });
        var items = result.GetProperty("estimates").EnumerateArray().ToList();
        if (items.Count != parameters.Count)
            throw new RuntimeException(RuntimeErrorKind.Estimate, $"the estimator returned {items.Count} results for {parameters.Count} parameter sets");
        return items;
    }

    /// <summary>Runs one Q# expression against the kernels and returns its value as the QDK prints it.</summary>
    public string Run(string expression) =>
        Request("run", w => w.WriteString("expr", expression)).GetString() ?? "";

    /// <summary>Every <c>@Test()</c> callable of the kernels, as the QDK lists them (e.g. <c>Tests.DressedCircuitIsNormalised</c>).</summary>
    public IReadOnlyList<string> TestCallables() =>
        Request("tests").EnumerateArray().Select(t => t.GetString()!).ToList();

    /// <summary>Sends rows of circuits to an op that answers with one probability (or shot count) row per circuit.</summary>
    private double[][] Distributions(string op, int qubits, CircuitRows inputs, CircuitRows weights, int shots, int circuits,
        Action<Utf8JsonWriter> writeMore)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        if (inputs.Count != weights.Count)
            throw new ArgumentException($"{inputs.Count} input rows but {weights.Count} weight rows.", nameof(weights));
        if (circuits == 0) return [];
        var result = Request(op, w =>
        {
            w.WriteNumber("qubits", qubits);
            inputs.Write(w, "inputs");
            weights.Write(w, "weights");
            if (shots > 0) w.WriteNumber("shots", shots);
            writeMore(w);
        });
        var rows = result.GetProperty(shots == 0 ? "probabilities" : "counts");
        if (rows.GetArrayLength() != circuits)
            throw new RuntimeException(RuntimeErrorKind.Runtime, $"the QDK returned {rows.GetArrayLength()} results for {circuits} circuits");
        return rows.EnumerateArray()
            .Select(row => row.EnumerateArray().Select(v => shots == 0 ? v.GetDouble() : v.GetInt32() / (double)shots).ToArray())
            .ToArray();
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
