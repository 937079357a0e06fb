using System.Text.Json.Serialization;

namespace Qtl.Distillation;

/// <summary>Front-end from 784 pixels to the encoding's inputs.</summary>
[JsonConverter(typeof(EnumTextConverter<FrontEnd>))]
public enum FrontEnd
{
    /// <summary>A trainable Linear layer (PyTorch initialisation), then tanh.</summary>
    Linear,
    /// <summary>A fixed whitened PCA fitted on the training images, then tanh.</summary>
    Pca,
}
