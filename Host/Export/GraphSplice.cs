using Onnx;

namespace Qtl.Export;

/// <summary>
/// Copies an ONNX model's graph into another graph under a name prefix, its input wired to a given value: how a
/// backbone (and its preprocessing model) and a head become one graph.
/// </summary>
internal static class GraphSplice
{
    /// <summary>
    /// Appends <paramref name="model"/>'s nodes and constants to <paramref name="into"/>, every value renamed
    /// <paramref name="prefix"/>/name, its one data input read from <paramref name="input"/>; returns the new name of
    /// its output <paramref name="output"/>.
    /// </summary>
    public static string Append(GraphProto into, ModelProto model, string prefix, string input, string output)
    {
        var graph = model.Graph;
        var constants = graph.Initializer.Select(t => t.Name).ToHashSet();
        var inputs = graph.Input.Where(i => !constants.Contains(i.Name)).ToList();
        if (inputs.Count != 1)
            throw new UserError($"the backbone graph '{graph.Name}' has {inputs.Count} data inputs; the ONNX export needs one (the image tensor).");
        if (!graph.Output.Any(o => o.Name == output) && !graph.Node.Any(n => n.Output.Contains(output)))
            throw new UserError($"the backbone graph '{graph.Name}' has no value '{output}'.");
        string Rename(string name) => name.Length == 0 ? name : name == inputs[0].Name ? input : $"{prefix}/{name}";
        foreach (var node in graph.Node)
        {
            if (node.Attribute.Any(a => a.G is not null || a.Graphs.Count > 0))
                throw new UserError($"the backbone's node {node.Name} ({node.OpType}) holds a subgraph; the ONNX export splices plain graphs only.");
            var copy = node.Clone();
            copy.Name = node.Name.Length == 0 ? "" : $"{prefix}/{node.Name}";
            for (int i = 0; i < copy.Input.Count; i++) copy.Input[i] = Rename(copy.Input[i]);
            for (int i = 0; i < copy.Output.Count; i++) copy.Output[i] = Rename(copy.Output[i]);
            into.Node.Add(copy);
        }
        foreach (var tensor in graph.Initializer)
        {
            var copy = tensor.Clone();
            copy.Name = Rename(tensor.Name);
            into.Initializer.Add(copy);
        }
        foreach (var info in graph.ValueInfo)
        {
            var copy = info.Clone();
            copy.Name = Rename(info.Name);
            into.ValueInfo.Add(copy);
        }
        return Rename(output);
    }

    /// <summary>The data input of a model (the graph input that is no initializer).</summary>
    public static ValueInfoProto DataInput(ModelProto model)
    {
        var constants = model.Graph.Initializer.Select(t => t.Name).ToHashSet();
        return model.Graph.Input.First(i => !constants.Contains(i.Name));
    }
}
