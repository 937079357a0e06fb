using System.Text.Json.Serialization;

namespace Qtl.Backbones;

/// <summary>
/// The preprocessings a backbone can declare or be given (<c>--preprocessing</c>), spelt by each one's own name:
/// the ResNet18 package's, torchvision's ImageNet recipe, and grey (mean/std) for 1-channel models.
/// </summary>
[JsonConverter(typeof(EnumTextConverter<PreprocessingKind>))]
public enum PreprocessingKind
{
    [JsonStringEnumMemberName(ResNet18Package.Name)]
    ResNet18,
    [JsonStringEnumMemberName(TorchvisionPreprocessing.Name)]
    Torchvision,
    [JsonStringEnumMemberName(GreyPreprocessing.Name)]
    Grey,
}
