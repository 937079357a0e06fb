using System.Text.Json;

namespace Qtl.Benchmarks;

/// <summary>
/// Each model's grid: the registry's defaults, any of which a JSON file replaces, e.g.
/// <c>{"quantum": {"lr": [0.01, 0.1], "depth": [1, 3], "l2": [0, 0.001]}, "linear": {"lr": [...], "l2": [...]}}</c>
/// (the capacity key is the model's own: depth, qubits or width). Every model must end with the same number of settings.
/// </summary>
public static class BenchmarkGrid
{
    public static IReadOnlyDictionary<BenchmarkModel, ModelGrid> Defaults(IEnumerable<BenchmarkModel> models) =>
        models.ToDictionary(m => m, m => BenchmarkModels.Of(m).DefaultGrid);

    /// <summary>The defaults of <paramref name="models"/> with the file's grids in place of theirs; a user error names what is wrong.</summary>
    public static IReadOnlyDictionary<BenchmarkModel, ModelGrid> Load(string path, IReadOnlyList<BenchmarkModel> models)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"grid file not found: {full}");
        var grids = Defaults(models).ToDictionary();
        JsonElement root;
        try { root = JsonDocument.Parse(File.ReadAllText(full)).RootElement; }
        catch (JsonException e) { throw new UserError($"{full} is not JSON: {e.Message}"); }
        if (root.ValueKind != JsonValueKind.Object) throw new UserError($"{full}: the grid file must hold an object keyed by model ({string.Join(", ", EnumText.Names<BenchmarkModel>())}).");
        foreach (var model in root.EnumerateObject())
        {
            var kind = EnumText.Parse<BenchmarkModel>(model.Name, $"{full}: model");
            var entry = BenchmarkModels.Of(kind);
            bool rated = entry.DefaultGrid.LearningRates.Count > 0;
            string[] keys = [.. new[] { rated ? "lr" : null, entry.CapacityName, "l2" }.OfType<string>()];
            if (model.Value.ValueKind != JsonValueKind.Object)
                throw new UserError($"{full}: {model.Name} must be an object with keys {string.Join(", ", keys)}.");
            foreach (var key in model.Value.EnumerateObject().Select(p => p.Name).Where(k => !keys.Contains(k)))
                throw new UserError($"{full}: {model.Name} has key '{key}'; allowed: {string.Join(", ", keys)}.");
            var old = entry.DefaultGrid;
            double[] Numbers(string key, IReadOnlyList<double> fallback) => model.Value.TryGetProperty(key, out var v) ? Values(v, $"{full}: {model.Name}.{key}") : [.. fallback];
            var lr = rated ? Numbers("lr", old.LearningRates) : [];
            var l2 = Numbers("l2", old.L2);
            int[] capacity = entry.CapacityName is { } name ? [.. Numbers(name, [.. old.Capacities.Select(x => (double)x)]).Select(x => Whole(x, $"{full}: {model.Name}.{name}"))] : [];
            if (lr.Any(x => !(x > 0 && x < 10))) throw new UserError($"{full}: {model.Name}.lr must hold numbers in (0, 10).");
            if (l2.Any(x => !(x >= 0))) throw new UserError($"{full}: {model.Name}.l2 must hold numbers of 0 or more.");
            grids[kind] = new ModelGrid(lr, capacity, l2);
        }
        return grids;
    }

    /// <summary>Throws unless every model has as many settings as the others (equal tuning effort) and its capacities are allowed.</summary>
    public static void Validate(IReadOnlyDictionary<BenchmarkModel, ModelGrid> grids, int qubits)
    {
        var sizes = grids.ToDictionary(g => g.Key, g => g.Value.Settings.Count);
        if (sizes.Values.Any(s => s == 0)) throw new UserError($"a model's grid is empty ({string.Join(", ", sizes.Where(s => s.Value == 0).Select(s => s.Key.Text()))}); every axis needs at least one value.");
        if (sizes.Values.Distinct().Count() > 1)
            throw new UserError($"the grids differ in size ({string.Join(", ", sizes.Select(s => $"{s.Key.Text()} {s.Value}"))}); every model gets the same number of settings.");
        foreach (var (model, grid) in grids)
        {
            string? name = BenchmarkModels.Of(model).CapacityName;
            (int low, int high) = name switch { "depth" => (0, Quantum.CircuitShape.MaxDepth), "qubits" => (1, Math.Min(Quantum.CircuitShape.MaxQubits, 12)), _ => (1, 4096) };
            if (grid.Capacities.Any(c => c < low || c > high)) throw new UserError($"{model.Text()}: {name} must lie in {low} to {high}.");
        }
        if (qubits is < 1 or > 12) throw new UserError($"--qubits is {qubits}; allowed: 1 to 12.");
    }

    private static double[] Values(JsonElement v, string what)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0 || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.Number))
            throw new UserError($"{what} must be a non-empty array of numbers.");
        return [.. v.EnumerateArray().Select(x => x.GetDouble())];
    }

    private static int Whole(double x, string what) => x == Math.Floor(x) && x is >= 0 and <= int.MaxValue ? (int)x : throw new UserError($"{what} must hold whole numbers; got {x}.");
}
