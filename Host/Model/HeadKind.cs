using System.Text.Json.Serialization;

namespace Qtl.Model;

/// <summary>
/// The heads a run can compare: <c>Quantum</c> (the dressed circuit), <c>Classical</c> (the same shape with the
/// circuit replaced by Linear(n→n)+tanh), <c>Linear</c> (Linear(F→C), trained like the others) and ML.NET's own
/// multiclass linear trainers as an ML.NET user would run them: <c>Lbfgs</c> (L-BFGS maximum entropy, i.e. multinomial
/// logistic regression) and <c>Sdca</c> (SDCA maximum entropy), see <c>MlNetBaselines</c>. Files and the command line
/// spell them in lower case (<see cref="EnumText"/>).
/// </summary>
[JsonConverter(typeof(EnumTextConverter<HeadKind>))]
public enum HeadKind
{
    Quantum,
    Classical,
    Linear,
    Lbfgs,
    Sdca,
}
