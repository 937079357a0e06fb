namespace Qtl.Benchmarks;

/// <summary>One cell of the QDK spot check: its accuracy on the native engine and on the QDK, how many of its scored samples got the same verdict, and the QDK's time.</summary>
public sealed record QSharpCheckRow(string Id, double Native, double QSharp, int SameVerdicts, int Scored, double Seconds);
