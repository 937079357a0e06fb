using System.CommandLine;
using Qtl.Export;
using Qtl.IO;
using Qtl.Model;
using Qtl.Training;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary>
/// <c>export-onnx</c>: a trained head of a run as one ONNX file of its exact probabilities (see <see cref="OnnxExport"/>),
/// written atomically so a refused export never replaces an existing file.
/// </summary>
public static class ExportOnnxCommand
{
    public static Command Create()
    {
        var trained = new TrainedHeadOptions();
        var withBackbone = new Option<bool>("--with-backbone") { Description = "Backbone and head in one graph, from the backbone's image tensor." };
        var output = new Option<string>("--out") { Description = "The .onnx file to write.", Required = true };
        var command = new Command("export-onnx",
            "Export a trained head as one ONNX graph of its exact class probabilities (a classical simulation, for deployment; export-qir is the circuit for hardware).")
            { withBackbone, output };
        trained.AddTo(command);
        command.SetAction(r => Run(trained.RunFolder(r), trained.Head(r), r.GetValue(withBackbone), r.GetValue(output)!));
        return command;
    }

    private static int Run(string runDir, HeadKind kind, bool withBackbone, string output)
    {
        if (Directory.Exists(output)) throw new UserError($"--out {output} is a folder; give a file name such as model.onnx.");
        TrainedModel model = RunFolder.LoadModel(runDir, kind);
        if (withBackbone && !File.Exists(Path.Combine(runDir, RunFolder.DataOptionsFile)))
            throw new UserError($"{runDir} was trained on a feature table (no {RunFolder.DataOptionsFile}): it has no backbone to export; drop --with-backbone to export the head alone.");
        byte[] onnx = withBackbone ? OnnxExport.WithBackbone(model, RunFolder.LoadDataOptions(runDir)) : OnnxExport.Head(model);
        AtomicFile.WriteAllBytes(output, onnx);
        long opset = Onnx.ModelProto.Parser.ParseFrom(onnx).OpsetImport.Single(o => o.Domain.Length == 0).Version;
        AnsiConsole.MarkupLineInterpolated($"ONNX (opset {opset}) of the {kind.Text()} head{(withBackbone ? " with its backbone" : "")}: exact probabilities of {string.Join(", ", model.ClassNames)}.");
        AnsiConsole.MarkupLineInterpolated($"Wrote [link]{Path.GetFullPath(output)}[/] ({onnx.Length:N0} bytes).");
        return 0;
    }
}
