using System.CommandLine;
using System.Globalization;
using Qtl.Features;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary>
/// <c>cache list</c>: the feature cache's entries (backbone, data, split, images, size); <c>cache clear [--backbone X]</c>:
/// removes all of them or one backbone's. The cache otherwise only grows: each data set, backbone and preprocessing
/// adds an entry.
/// </summary>
public static class CacheCommand
{
    public static Command Create()
    {
        var command = new Command("cache", $"List or clear the feature cache (default {FeatureCache.DefaultDirectory}).");
        var listDir = CacheDir();
        var list = new Command("list", "List the cached features: backbone, data, split, images and size of each entry.") { listDir };
        list.SetAction(r => List(new FeatureCache(r.GetValue(listDir))));
        var clearDir = CacheDir();
        var backbone = new Option<string?>("--backbone") { Description = "Only this backbone's entries: resnet18, or the PATH.onnx given to train." };
        var clear = new Command("clear", "Remove every cached feature entry, or one backbone's.") { clearDir, backbone };
        clear.SetAction(r => Clear(new FeatureCache(r.GetValue(clearDir)), r.GetValue(backbone)));
        command.Subcommands.Add(list);
        command.Subcommands.Add(clear);
        return command;
    }

    private static Option<string?> CacheDir() => new("--cache-dir") { Description = $"Feature cache folder (default {FeatureCache.DefaultDirectory})." };

    private static int List(FeatureCache cache)
    {
        var entries = cache.List();
        if (entries.Count == 0)
        {
            AnsiConsole.WriteLine($"The feature cache {cache.Directory} is empty.");
            return 0;
        }
        var table = new Table().AddColumn("entry").AddColumn("backbone").AddColumn("data").AddColumn("split")
            .AddColumn(new TableColumn("images").RightAligned()).AddColumn(new TableColumn("size").RightAligned()).AddColumn("written (UTC)");
        foreach (var e in entries)
        {
            var d = e.Description;
            table.AddRow(e.Key[..12], Markup.Escape(d?.Backbone ?? "(not recorded)"), Markup.Escape(d?.Data ?? ""), Markup.Escape(d?.Split ?? ""),
                e.Count?.ToString(CultureInfo.InvariantCulture) ?? "?", Size(e.Bytes), e.WrittenUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{entries.Count} entries, {Size(entries.Sum(e => e.Bytes))} in {cache.Directory}.");
        return 0;
    }

    private static int Clear(FeatureCache cache, string? backbone)
    {
        var (entries, bytes) = cache.Clear(backbone);
        string which = backbone is null ? "" : $" of backbone {backbone}";
        AnsiConsole.WriteLine($"Removed {entries} entries{which} ({Size(bytes)}) from {cache.Directory}.");
        if (backbone is not null && cache.List().Count(e => e.Description is null) is int unknown and > 0)
            AnsiConsole.WriteLine($"{unknown} entries of an unrecorded backbone (written by an older qtl) remain; `cache clear` without --backbone removes them.");
        return 0;
    }

    private static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB");
}
