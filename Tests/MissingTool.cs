namespace Qtl.Tests;

/// <summary>
/// What a test does when an external tool it needs is not installed: on a developer's machine it is reported as not
/// run, with the command that installs the tool; in CI (<c>CI=true</c>) the same absence is a failure, so a test
/// cannot silently stop running there.
/// </summary>
internal static class MissingTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Stops the test: ignored locally, failed in CI.</summary>
    public static void Report(string need, string installCommand)
    {
        string message = $"{need}: {installCommand}";
        if (InCi) Assert.Fail(message + " (CI=true: a missing tool is a failure)");
        Assert.Ignore(message);
    }
}
