namespace Qtl.Tests;

/// <summary>
/// Marks a test that needs more than this process: the QDK's Node.js runtime, Chromium, a notebook kernel or a
/// child <c>qtl</c> process. <c>dotnet test --filter TestCategory!=Integration</c> leaves these out.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class IntegrationAttribute : CategoryAttribute
{
    /// <summary>The category name, for a single <c>[TestCase(..., Category = IntegrationAttribute.Name)]</c>.</summary>
    public const string Category = "Integration";

    public IntegrationAttribute() : base(Category) { }
}
