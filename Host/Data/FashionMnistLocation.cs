namespace Qtl.Data;

/// <summary>Where FashionMNIST was read from; <see cref="Notice"/> is what the CLI prints about it.</summary>
public sealed record FashionMnistLocation(string Directory, FashionMnistSource Source)
{
    public string Notice => Source switch
    {
        FashionMnistSource.SystemPackage => $"FashionMNIST: full set from {Directory} (Debian package dataset-fashion-mnist).",
        FashionMnistSource.CommittedSubset => $"FashionMNIST: the committed subset {Directory} (100 images per class for training, " +
            $"40 for validation); install dataset-fashion-mnist or pass --data DIR for the full set.",
        _ => $"FashionMNIST: IDX files from {Directory}.",
    };
}
