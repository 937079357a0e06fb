using System.CommandLine;
using Qtl.Backbones;
using Qtl.Features;

namespace Qtl.Cli;

/// <summary>
/// The options that choose a task's features (data, backbone, its preprocessing and output, classes, per-class limit,
/// cache), declared once for every verb that extracts them: <c>train</c> and the verbs that reload a trained run,
/// where each option given replaces the one recorded in the run.
/// </summary>
internal sealed class DataOptionsBinder
{
    private readonly Option<string?> _data;
    private readonly Option<string?> _backbone;
    private readonly Option<PreprocessingKind?> _preprocessing;
    private readonly Option<int[]?> _classes;
    private readonly Option<string?> _featureOutput;
    private readonly Option<int?> _perClass;
    private readonly Option<string?> _cache = new("--cache-dir") { Description = "Feature cache folder (default ~/.cache/qtl-qsharp/features)." };

    /// <param name="recorded">The verb reloads a trained run: an option left out keeps the run's recorded value.</param>
    public DataOptionsBinder(bool recorded)
    {
        string Default(string fresh) => recorded ? " Default: as recorded in the run." : $" Default: {fresh}.";
        _data = new("--data") { Description = "FashionMNIST IDX folder, or an image folder with train/<class>/ and val/<class>/." + Default("the installed FashionMNIST, else the committed subset") };
        _backbone = new("--backbone") { Description = "Backbone: resnet18 (the ImageNet ResNet18 of ML.NET's package, 512 features) or a PATH.onnx." + Default("resnet18") };
        _preprocessing = EnumOption.Optional<PreprocessingKind>("--preprocessing", $"Preprocessing of a PATH.onnx backbone: {EnumOption.Allowed<PreprocessingKind>()}." + Default("its .json metadata, else grey for 1 channel, torchvision for 3"));
        _classes = SharedOptions.OptionalClasses(recorded ? "as recorded, else the checkpoint's class names." : "0,1.");
        _featureOutput = new("--feature-output") { Description = "Backbone output to use as features." + Default("its first output") };
        _perClass = new("--per-class") { Description = "At most this many training samples per class (FashionMNIST)." + Default("all") };
    }

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _data, _backbone, _preprocessing, _classes, _featureOutput, _perClass, _cache })
            command.Options.Add(o);
    }

    /// <summary>The options as given; null where left out.</summary>
    public DataOptions Bind(ParseResult r, int seed) => new(r.GetValue(_data), r.GetValue(_backbone), SharedOptions.GivenClasses(r, _classes),
        r.GetValue(_featureOutput), r.GetValue(_perClass), seed, r.GetValue(_cache), r.GetValue(_preprocessing)?.Text());

    /// <summary>The run's <paramref name="recorded"/> options with every option given on the command line in place of its value.</summary>
    public DataOptions Override(ParseResult r, DataOptions recorded)
    {
        var given = Bind(r, recorded.Seed);
        return recorded with
        {
            DataPath = given.DataPath ?? recorded.DataPath,
            BackbonePath = given.BackbonePath ?? recorded.BackbonePath,
            Preprocessing = given.Preprocessing ?? recorded.Preprocessing,
            Classes = given.Classes ?? recorded.Classes,
            FeatureOutput = given.FeatureOutput ?? recorded.FeatureOutput,
            PerClassLimit = given.PerClassLimit ?? recorded.PerClassLimit,
            CacheDir = given.CacheDir ?? recorded.CacheDir,
        };
    }
}
