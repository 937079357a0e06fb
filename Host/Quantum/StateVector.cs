using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Qtl.Quantum;

/// <summary>
/// Kernels of the native engine for the dressed circuit (see QuantumKernels/src/Circuits.qs).
/// H, RY and CNOT are real, so the state stays a real <c>double</c> vector: half the memory
/// and arithmetic of a complex one. Indices are big-endian: qubit i is bit (n-1-i).
/// </summary>
[SkipLocalsInit]
public static class StateVector
{
    /// <summary>Above this many amplitudes scratch space comes from the heap, not the stack.</summary>
    private const int StackLimit = 1024;

    private static readonly int[]?[] ForwardGather = new int[CircuitShape.MaxQubits + 1][];
    private static readonly int[]?[] InverseGather = new int[CircuitShape.MaxQubits + 1][];

    /// <summary>Bit mask of <paramref name="qubit"/> in a basis index (qubit 0 = most significant).</summary>
    public static int Mask(int qubits, int qubit) => 1 << (qubits - 1 - qubit);

    /// <summary>
    /// Runs one circuit from |0…0⟩ and leaves its 2^n amplitudes in <paramref name="amplitudes"/>.
    /// <paramref name="scratch"/> (2^n doubles) is working space, so batch loops allocate nothing.
    /// </summary>
    public static void Run(CircuitShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights,
        Span<double> amplitudes, Span<double> scratch)
    {
        int n = shape.Qubits, size = shape.StateCount;
        if (inputs.Length != shape.InputCount || weights.Length != shape.WeightCount)
            throw new ArgumentException($"a {shape} circuit takes {shape.InputCount} inputs and {shape.WeightCount} weights; got {inputs.Length} and {weights.Length}.");
        if (amplitudes.Length < size || scratch.Length < size)
            throw new ArgumentException($"amplitudes and scratch need {size} elements for {n} qubits.");
        amplitudes = amplitudes[..size];
        scratch = scratch[..size];
        Span<double> sin = stackalloc double[CircuitShape.MaxQubits], cos = stackalloc double[CircuitShape.MaxQubits];
        if (shape.Encoding == InputEncoding.Amplitude)
        {
            inputs.CopyTo(amplitudes);
        }
        else
        {
            HalfAngleSinCos(inputs, sin, cos);
            PrepareEmbedding(sin[..n], cos[..n], amplitudes);
        }
        ApplyBlocks(shape, weights, amplitudes, scratch);
    }

    /// <summary>The variational blocks alone on a given state: [CNOT ladder (if entangling); RY(w) on every qubit] per block.</summary>
    public static void ApplyBlocks(CircuitShape shape, ReadOnlySpan<double> weights, Span<double> amplitudes, Span<double> scratch)
    {
        int n = shape.Qubits;
        Span<double> sin = stackalloc double[CircuitShape.MaxQubits], cos = stackalloc double[CircuitShape.MaxQubits];
        for (int block = 0; block < shape.Depth; block++)
        {
            if (shape.Entangling) ApplyEntangler(amplitudes, scratch, n, inverse: false);
            HalfAngleSinCos(weights.Slice(block * n, n), sin, cos);
            for (int q = 0; q < n; q++) ApplyRY(amplitudes, Mask(n, q), cos[q], sin[q]);
        }
    }

    /// <summary>As <see cref="Run(CircuitShape, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/>, with its own scratch.</summary>
    public static void Run(CircuitShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights, Span<double> amplitudes)
    {
        Span<double> scratch = shape.StateCount <= StackLimit ? stackalloc double[shape.StateCount] : new double[shape.StateCount];
        Run(shape, inputs, weights, amplitudes, scratch);
    }

    /// <summary>sin and cos of half of each angle (the RY convention), bit-reproducible: see <see cref="HalfAngles"/>.</summary>
    public static void HalfAngleSinCos(ReadOnlySpan<double> angles, Span<double> sin, Span<double> cos) => HalfAngles.SinCos(angles, sin, cos);

    /// <summary>
    /// H on every qubit then RY(x_i) on qubit i leaves a product state, so it is built directly:
    /// O(2^n) instead of 2n passes. Qubit i holds ((c−s), (c+s))/√2 with c, s = cos, sin(x_i/2).
    /// </summary>
    public static void PrepareEmbedding(ReadOnlySpan<double> sin, ReadOnlySpan<double> cos, Span<double> amplitudes)
    {
        int n = sin.Length;
        amplitudes[0] = 1.0;
        int length = 1;
        for (int q = 0; q < n; q++)
        {
            double a0 = (cos[q] - sin[q]) * Math.Sqrt(0.5), a1 = (cos[q] + sin[q]) * Math.Sqrt(0.5);
            // Qubit q becomes the next lower bit; walk down so nothing is overwritten before it is read.
            for (int k = length - 1; k >= 0; k--)
            {
                double v = amplitudes[k];
                amplitudes[2 * k + 1] = v * a1;
                amplitudes[2 * k] = v * a0;
            }
            length <<= 1;
        }
    }

    /// <summary>RY on the qubit with bit <paramref name="mask"/>, given cos and sin of half the angle.</summary>
    public static void ApplyRY(Span<double> amplitudes, int mask, double cos, double sin)
    {
        ref double a = ref MemoryMarshal.GetReference(amplitudes);
        int size = amplitudes.Length;
        if (mask <= 2 && size >= 4 && Vector256.IsHardwareAccelerated)
        {
            // Both halves of each pair sit in one 4-wide vector v: result = c·v + (±s)·partner(v),
            // where partner swaps neighbours (mask 1) or the two 128-bit halves (mask 2).
            var vc = Vector256.Create(cos);
            var vs = mask == 1 ? Vector256.Create(-sin, sin, -sin, sin) : Vector256.Create(-sin, -sin, sin, sin);
            var partner = mask == 1 ? Vector256.Create(1L, 0, 3, 2) : Vector256.Create(2L, 3, 0, 1);
            for (int j = 0; j < size; j += 4)
            {
                var v = Vector256.LoadUnsafe(ref a, (nuint)j);
                (vc * v + vs * Vector256.Shuffle(v, partner)).StoreUnsafe(ref a, (nuint)j);
            }
            return;
        }
        if (mask == 1)
        {
            for (int j = 0; j < size; j += 2)
            {
                double lo = Unsafe.Add(ref a, j), hi = Unsafe.Add(ref a, j + 1);
                Unsafe.Add(ref a, j) = cos * lo - sin * hi;
                Unsafe.Add(ref a, j + 1) = sin * lo + cos * hi;
            }
            return;
        }
        if (mask >= 4 && Vector256.IsHardwareAccelerated)
        {
            // Runs of `mask` contiguous pairs: 4 at a time pays once runs are at least 4 long.
            var vc = Vector256.Create(cos);
            var vs = Vector256.Create(sin);
            for (int start = 0; start < size; start += 2 * mask)
                for (int j = start; j < start + mask; j += 4)
                {
                    var lo = Vector256.LoadUnsafe(ref a, (nuint)j);
                    var hi = Vector256.LoadUnsafe(ref a, (nuint)(j + mask));
                    (vc * lo - vs * hi).StoreUnsafe(ref a, (nuint)j);
                    (vs * lo + vc * hi).StoreUnsafe(ref a, (nuint)(j + mask));
                }
            return;
        }
        for (int start = 0; start < size; start += 2 * mask)
            for (int j = start; j < start + mask; j++)
            {
                double lo = Unsafe.Add(ref a, j), hi = Unsafe.Add(ref a, j + mask);
                Unsafe.Add(ref a, j) = cos * lo - sin * hi;
                Unsafe.Add(ref a, j + mask) = sin * lo + cos * hi;
            }
    }

    /// <summary>
    /// The entangling layer (CNOTs on (0,1),(2,3),… then (1,2),(3,4),…) is a permutation of basis
    /// states, so the whole layer is one gather through a cached table; <paramref name="inverse"/> undoes it.
    /// </summary>
    public static void ApplyEntangler(Span<double> amplitudes, Span<double> scratch, int qubits, bool inverse)
    {
        if (qubits < 2) return;
        int size = amplitudes.Length;
        int[] table = GatherTable(qubits, inverse);
        amplitudes.CopyTo(scratch);
        ref double a = ref MemoryMarshal.GetReference(amplitudes);
        ref double s = ref MemoryMarshal.GetReference(scratch);
        ref int t = ref MemoryMarshal.GetArrayDataReference(table);
        for (int k = 0; k < size; k++)
            Unsafe.Add(ref a, k) = Unsafe.Add(ref s, Unsafe.Add(ref t, k));
    }

    /// <summary>Squares amplitudes into probabilities (may alias the amplitudes).</summary>
    public static void Probabilities(ReadOnlySpan<double> amplitudes, Span<double> probabilities)
    {
        for (int k = 0; k < amplitudes.Length; k++) probabilities[k] = amplitudes[k] * amplitudes[k];
    }

    /// <summary>⟨Z_i⟩ for every qubit from basis probabilities, by pair sums (n·2^(n−1) additions).</summary>
    public static void ExpectationsZ(ReadOnlySpan<double> probabilities, Span<double> z, int qubits)
    {
        int size = probabilities.Length;
        for (int q = 0; q < qubits; q++)
        {
            int mask = Mask(qubits, q);
            double sum = 0;
            for (int start = 0; start < size; start += 2 * mask)
                for (int j = start; j < start + mask; j++)
                    sum += probabilities[j] - probabilities[j + mask];
            z[q] = sum;
        }
    }

    private static int[] GatherTable(int qubits, bool inverse)
    {
        var tables = inverse ? InverseGather : ForwardGather;
        return tables[qubits] ?? BuildTables(qubits, inverse);
    }

    private static int[] BuildTables(int n, bool inverse)
    {
        // g maps a basis state through the CNOTs in circuit order; new[g(x)] = old[x].
        var pairs = new List<(int Control, int Target)>();
        for (int i = 0; i + 1 < n; i += 2) pairs.Add((Mask(n, i), Mask(n, i + 1)));
        for (int i = 1; i + 1 < n; i += 2) pairs.Add((Mask(n, i), Mask(n, i + 1)));
        int size = 1 << n;
        var forward = new int[size]; // forward gather: new[k] = old[g⁻¹(k)]
        var backward = new int[size]; // undo: old[x] = new[g(x)]
        for (int x = 0; x < size; x++)
        {
            int y = x;
            foreach (var (c, t) in pairs) if ((y & c) != 0) y ^= t;
            backward[x] = y;
            forward[y] = x;
        }
        // Both tables are complete before publication; a racing builder just builds equal ones.
        Volatile.Write(ref ForwardGather[n], forward);
        Volatile.Write(ref InverseGather[n], backward);
        return inverse ? backward : forward;
    }
}
