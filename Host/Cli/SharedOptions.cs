using System.CommandLine;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Cli;

/// <summary>
/// The options several verbs take, each declared here once with one help text, so <c>--backend</c> or <c>--shots</c>
/// means, parses and is limited the same in every verb. A factory per option: System.CommandLine needs one instance
/// per command.
/// </summary>
internal static class SharedOptions
{
    private const string BackendHelp = "Where circuits run: qsharp (the Q# kernels on the QDK simulator) or native (the C# state vector; the same circuits, held equal to the QDK).";
    private const string GradientHelp = "Circuit gradients: parameter-shift (any backend, also with shots) or adjoint (native only, from the exact state).";
    private const string SeedHelp = "Seed of every random choice (initial weights, shuffling, sampling): the same seed gives the same bits.";
    private const string ClassesHelp = "FashionMNIST classes: a range like 0-5, or indices 0 to 9 like 0,6.";
    private static readonly string ShotsHelp = $"Shots per circuit, in training and evaluation (0 = exact values; at most {Backends.MaxShots}).";

    public static Option<BackendKind> Backend(BackendKind defaultValue) => EnumOption.Create("--backend", BackendHelp, defaultValue);

    /// <summary><c>--backend</c> of a verb that reloads a trained run: left out, the run's own backend.</summary>
    public static Option<BackendKind?> RecordedBackend() => EnumOption.Optional<BackendKind>("--backend", BackendHelp + " Default: as recorded in the run.");

    public static Option<GradientMethod> Gradient(GradientMethod defaultValue) => EnumOption.Create("--gradient", GradientHelp, defaultValue);

    /// <summary><c>--gradient</c> where gradients are an extra: left out, none are computed.</summary>
    public static Option<GradientMethod?> OptionalGradient() => EnumOption.Optional<GradientMethod>("--gradient", GradientHelp + " Default: none, the values only.");

    public static Option<int> Seed(int defaultValue) => new("--seed") { Description = SeedHelp, DefaultValueFactory = _ => defaultValue };

    /// <summary>0 to <see cref="Backends.MaxShots"/>, checked when the command line is parsed.</summary>
    public static Option<int> Shots(int defaultValue = 0)
    {
        var option = new Option<int>("--shots") { Description = ShotsHelp, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            int shots = r.GetValueOrDefault<int>();
            if (shots is < 0 or > Backends.MaxShots) r.AddError($"--shots is {shots}; allowed: 0 (exact) to {Backends.MaxShots}.");
        });
        return option;
    }

    public static Option<int[]> Classes(int[] defaultValue) => new("--classes")
    {
        Description = ClassesHelp,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => Parsing.Classes(r) ?? [],
        HelpName = "0-5|0,6",
    };

    /// <summary>
    /// <c>--classes</c> whose absence is resolved later (<paramref name="whenLeftOut"/> says how); read it with
    /// <see cref="GivenClasses"/>, since System.CommandLine reads an absent list option as an empty list.
    /// </summary>
    public static Option<int[]?> OptionalClasses(string whenLeftOut) => new("--classes")
    {
        Description = $"{ClassesHelp} Default: {whenLeftOut}",
        CustomParser = Parsing.Classes,
        HelpName = "0-5|0,6",
    };

    /// <summary>The classes given on the command line; null when left out.</summary>
    public static int[]? GivenClasses(ParseResult r, Option<int[]?> classes) => r.GetResult(classes) is null ? null : r.GetValue(classes);
}
