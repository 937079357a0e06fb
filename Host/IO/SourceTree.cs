using System.Reflection;

namespace Qtl.IO;

/// <summary>
/// The source tree the host was built from: it holds assets/ (data subset, teacher models, chart font) and
/// QuantumKernels/ (the Q# project and the QDK runtime). <c>QTL_KERNELS_DIR</c> points elsewhere for QuantumKernels/.
/// </summary>
public static class SourceTree
{
    /// <summary>The QuantumKernels folder: <c>QTL_KERNELS_DIR</c>, else the one recorded at build time.</summary>
    public static string KernelsDir()
    {
        string? dir = Environment.GetEnvironmentVariable("QTL_KERNELS_DIR");
        dir ??= typeof(SourceTree).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "QuantumKernelsDir")?.Value;
        if (dir is null)
            throw new InvalidOperationException("Cannot locate QuantumKernels/: set QTL_KERNELS_DIR to its path.");
        return Path.GetFullPath(dir);
    }

    /// <summary>The folder that holds QuantumKernels/ and assets/.</summary>
    public static string Root() => Path.GetDirectoryName(KernelsDir())!;

    /// <summary>A path under assets/.</summary>
    public static string Asset(params string[] parts) => Path.Combine([Root(), "assets", .. parts]);
}
