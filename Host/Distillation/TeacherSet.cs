using Qtl.IO;
using System.Text;
using Qtl.Backbones;
using Qtl.Model;
using Qtl.Features;

namespace Qtl.Distillation;

/// <summary>
/// Classical teachers: one or more ONNX classifiers (input [N,1,28,28] normalised as <see cref="KdData"/>,
/// output C logits, index k = k-th chosen class). An ensemble averages its members' probabilities:
/// at temperature T for soft targets, at T = 1 for its own predictions. Logits are computed once per
/// (model, image file, indices) and cached like backbone features.
/// </summary>
public sealed class TeacherSet
{
    private TeacherSet(string name, IReadOnlyList<string> models)
    {
        Name = name;
        Models = models;
    }

    public string Name { get; }
    public IReadOnlyList<string> Models { get; }

    /// <summary>The committed teacher for a family and class subset, e.g. assets/models/teacher-lenet-0-5.onnx.</summary>
    public static string CommittedModel(TeacherKind family, ClassSubset subset) =>
        SourceTree.Asset("models", $"teacher-{family.Text()}-{subset.Tag}.onnx");

    /// <summary>The committed lenet, alexnet or ensemble (both) of the subset <paramref name="classesTag"/>, or the model of a path.</summary>
    public static TeacherSet Resolve(TeacherChoice teacher, string classesTag)
    {
        if (teacher.Kind == TeacherKind.Model)
        {
            string path = Path.GetFullPath(teacher.ModelPath!);
            if (!File.Exists(path))
                throw new FileNotFoundException($"teacher model not found: {path}; use {TeacherChoice.Names} or a path to an ONNX classifier.", path);
            return new TeacherSet(Path.GetFileName(path), [path]);
        }
        if (!teacher.IsCommitted) throw new ArgumentException($"teacher '{teacher}' has no model.", nameof(teacher));
        if (!ClassSubset.TryParse(classesTag, out var subset))
            throw new UserError($"no committed {teacher} teacher for classes {classesTag}: teachers exist for {string.Join(" and ", ClassSubset.All)} (tools/train_teachers.py), or pass --teacher PATH.onnx.");
        string[] models = teacher.Kind == TeacherKind.Ensemble
            ? [CommittedModel(TeacherKind.LeNet, subset), CommittedModel(TeacherKind.AlexNet, subset)]
            : [CommittedModel(teacher.Kind, subset)];
        foreach (string m in models)
            if (!File.Exists(m))
                throw new FileNotFoundException($"no committed {teacher} teacher for classes {subset}: {m} is missing (tools/train_teachers.py makes it), or pass --teacher PATH.onnx.", m);
        return new TeacherSet(teacher.Text, models);
    }

    /// <summary>Per member, the logits of every image of the split (cached).</summary>
    public IReadOnlyList<double[][]> Logits(KdSplit split, int classes, FeatureCache? cache = null)
    {
        cache ??= new FeatureCache();
        return Models.Select(m => MemberLogits(m, split, classes, cache)).ToArray();
    }

    /// <summary>Average over members of softmax(logits/T), per sample.</summary>
    public static double[][] Soft(IReadOnlyList<double[][]> members, double temperature)
    {
        int n = members[0].Length, c = members[0][0].Length;
        var soft = new double[n][];
        var tmp = new double[c];
        for (int i = 0; i < n; i++)
        {
            soft[i] = new double[c];
            foreach (var m in members)
            {
                Probabilities.Softmax(m[i], temperature, tmp);
                for (int k = 0; k < c; k++) soft[i][k] += tmp[k] / members.Count;
            }
        }
        return soft;
    }

    /// <summary>Accuracy of the (ensemble) prediction argmax of the averaged probabilities at T = 1.</summary>
    public static double Accuracy(IReadOnlyList<double[][]> members, int[] labels)
    {
        var soft = Soft(members, 1);
        int correct = 0;
        for (int i = 0; i < labels.Length; i++) if (Probabilities.ArgMax(soft[i]) == labels[i]) correct++;
        return labels.Length == 0 ? 0 : correct / (double)labels.Length;
    }

    private static double[][] MemberLogits(string model, KdSplit split, int classes, FeatureCache cache)
    {
        string key = FeatureCache.Key(["teacher-logits-v1", FileHash.Of(model), FileHash.Of(split.File.ImagesPath),
            IndicesText(split.Indices)]);
        CacheEntry? entry = cache.TryLoad(key, out _);
        if (entry is null)
        {
            using var onnx = OnnxModel.Open(model);
            var data = new List<float>();
            int width = -1;
            const int chunk = 1000;
            for (int start = 0; start < split.Count; start += chunk)
            {
                int count = Math.Min(chunk, split.Count - start);
                var input = new float[count * 784];
                for (int i = 0; i < count; i++)
                    for (int j = 0; j < 784; j++) input[i * 784 + j] = (float)split.Pixels[start + i][j];
                var output = onnx.Run(input, [count, 1, 28, 28]);
                width = output.RowLength;
                data.AddRange(output.Data);
            }
            entry = new CacheEntry(data.ToArray(), [split.Count, width], []);
            cache.Store(key, entry);
        }
        int c = entry.Dims[1];
        if (c != classes)
            throw new InvalidDataException($"teacher {model} outputs {c} logits, but {classes} classes were chosen; a teacher must score exactly the chosen classes, in order.");
        var logits = new double[split.Count][];
        for (int i = 0; i < split.Count; i++)
        {
            logits[i] = new double[c];
            for (int k = 0; k < c; k++) logits[i][k] = entry.Data[i * c + k];
        }
        return logits;
    }

    private static string IndicesText(int[] indices)
    {
        var sb = new StringBuilder(indices.Length * 6);
        foreach (int i in indices) sb.Append(i).Append(',');
        return sb.ToString();
    }
}
