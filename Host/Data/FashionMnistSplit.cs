namespace Qtl.Data;

/// <summary>One split of FashionMNIST with the files it came from (their content identifies it in the feature cache).</summary>
public sealed record FashionMnistSplit(IdxImages Images, byte[] Labels, string ImagesPath, string LabelsPath);
