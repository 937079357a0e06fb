using System.Buffers.Binary;
using System.IO.Compression;

namespace Qtl.Data;

/// <summary>
/// Reads MNIST-style IDX files (as FashionMNIST ships them): a big-endian header
/// <c>00 00 08 ndim</c>, ndim big-endian int32 sizes, then unsigned bytes. Files may be gzip'd
/// (detected from the content, not the name). Every malformation is an <see cref="InvalidDataException"/>
/// naming the file, because a wrong file passed by a user is the common case.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads an images file (magic 0x00000803: count × rows × columns).</summary>
    public static IdxImages ReadImages(string path)
    {
        (int[] dims, byte[] data) = Read(path, 3, "images");
        return new IdxImages(dims[0], dims[1], dims[2], data);
    }

    /// <summary>Reads a labels file (magic 0x00000801: count).</summary>
    public static byte[] ReadLabels(string path) => Read(path, 1, "labels").Data;

    /// <summary>Reads an images file and its labels file and checks that they hold the same number of items.</summary>
    public static (IdxImages Images, byte[] Labels) ReadPair(string imagesPath, string labelsPath)
    {
        IdxImages images = ReadImages(imagesPath);
        byte[] labels = ReadLabels(labelsPath);
        if (images.Count != labels.Length)
            throw new InvalidDataException(
                $"{imagesPath} holds {images.Count} images but {labelsPath} holds {labels.Length} labels; they must match.");
        return (images, labels);
    }

    private static (int[] Dims, byte[] Data) Read(string path, int rank, string what)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"IDX {what} file not found: {path}", path);
        byte[] bytes = Decompress(path, File.ReadAllBytes(path));
        if (bytes.Length < 4)
            throw new InvalidDataException($"{path} is not an IDX file: only {bytes.Length} bytes.");
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        uint expected = (uint)(UnsignedByte << 8 | rank);
        if (magic != expected)
            throw new InvalidDataException(
                $"{path} has IDX magic number 0x{magic:X8}; an IDX {what} file has 0x{expected:X8} (unsigned bytes, {rank} dimension{(rank > 1 ? "s" : "")}).");
        int header = 4 + 4 * rank;
        if (bytes.Length < header)
            throw new InvalidDataException($"{path}: the IDX header is truncated ({bytes.Length} bytes, {header} needed).");
        var dims = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (dims[i] < 0 || (i > 0 && dims[i] == 0))
                throw new InvalidDataException($"{path}: dimension {i} of the IDX header is {dims[i]}.");
            size *= dims[i];
        }
        if (bytes.Length - header != size)
            throw new InvalidDataException(
                $"{path}: the header announces {string.Join(" × ", dims)} = {size} bytes of data but the file holds {bytes.Length - header}.");
        return (dims, bytes[header..]);
    }

    private static byte[] Decompress(string path, byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
            return bytes;
        try
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gz.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path} is a corrupt gzip file: {e.Message}", e);
        }
    }
}
