using Qtl.Runtime;

namespace Qtl.Tests;

/// <summary>
/// The test assembly's composition root for the QDK: one client, shared by the tests that pass it in. Creating it
/// starts nothing; its Node.js process starts on the first Q# request (never during discovery, never for a test
/// that only needs the object) and ends after the last test.
/// </summary>
[SetUpFixture]
public sealed class QdkSession
{
    private static readonly Lazy<QdkRuntime> Instance = new(() => new QdkRuntime());

    public static QdkRuntime Runtime => Instance.Value;

    [OneTimeTearDown]
    public void EndTheProcess()
    {
        if (Instance.IsValueCreated) Instance.Value.Dispose();
    }
}
