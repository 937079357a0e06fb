using System.Text.Json.Serialization;

namespace Qtl.Cli;

/// <summary>
/// <c>--protocol</c> of <c>distill</c> and <c>reproduce kd-fashion</c>: <c>ours</c> (a trainable circuit, exact
/// gradients) or <c>paper</c> (the authors' code of arXiv:2311.13810, with its published student and recipe).
/// </summary>
[JsonConverter(typeof(EnumTextConverter<KdProtocol>))]
public enum KdProtocol
{
    Ours,
    Paper,
}
