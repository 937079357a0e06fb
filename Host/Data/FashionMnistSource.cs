namespace Qtl.Data;

public enum FashionMnistSource { Explicit, SystemPackage, CommittedSubset }
