namespace Qtl.Model;

/// <summary>
/// One differentiable stage of a head. Activations are batch-major: row b of the
/// input is sample b. <see cref="Backward"/> follows the most recent <see cref="Forward"/>
/// with <c>training: true</c>, adds parameter gradients, and returns dLoss/dInput.
/// </summary>
public interface ILayer
{
    string Describe();
    IReadOnlyList<Parameter> Parameters { get; }
    double[][] Forward(double[][] input, bool training);
    double[][] Backward(double[][] outputGradient);
}
