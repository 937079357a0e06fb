using System.Text.Json.Serialization;

namespace Qtl.Quantum.Gradients;

/// <summary>
/// How circuit gradients are computed: <c>parameter-shift</c> on any backend (and with shots, as on hardware),
/// or <c>adjoint</c> on the native engine's exact state.
/// </summary>
[JsonConverter(typeof(EnumTextConverter<GradientMethod>))]
public enum GradientMethod
{
    ParameterShift,
    Adjoint,
}
