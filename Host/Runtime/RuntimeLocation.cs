using Qtl.IO;

namespace Qtl.Runtime;

/// <summary>
/// Where the runtime script (with its npm packages) and the Q# project it loads (the folder of <c>qsharp.json</c>,
/// sources in its <c>src/</c>) live. Defaults to the QuantumKernels folder of the source tree the host was built
/// from; <c>QTL_KERNELS_DIR</c> overrides it.
/// </summary>
public sealed record RuntimeLocation(string RuntimeDir, string ProjectDir)
{
    public string WorkerScript => Path.Combine(RuntimeDir, "worker.mjs");

    public static RuntimeLocation Default()
    {
        string dir = SourceTree.KernelsDir();
        return new RuntimeLocation(Path.Combine(dir, "runtime"), dir);
    }

    /// <summary>Checks that the script and its npm packages are in place, with a message that says how to fix it.</summary>
    public void Validate()
    {
        if (!File.Exists(WorkerScript))
            throw new FileNotFoundException($"QDK runtime script not found at {WorkerScript}; set QTL_KERNELS_DIR to the QuantumKernels folder.");
        if (!Directory.Exists(Path.Combine(RuntimeDir, "node_modules", "qsharp-lang")))
            throw new DirectoryNotFoundException(
                $"The QDK runtime's npm packages are missing in {RuntimeDir}; `dotnet build` installs them (npm ci).");
    }
}
