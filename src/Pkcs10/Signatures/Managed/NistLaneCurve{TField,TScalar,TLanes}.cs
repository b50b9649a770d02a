using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// ECDSA verification on P-256 or P-384 with the field arithmetic four multiplications at a time, one per AVX2 lane
/// (<typeparamref name="TLanes"/>): each step of a point formula multiplies up to four independent pairs in one go.
/// Same algorithm and checks as <see cref="NistCurve{TField, TScalar}"/> (interleaved width-w NAFs, the generator's
/// table precomputed, 8 odd multiples of Q per call); the few cases its formulas do not cover go to that class.
/// Immutable after construction; callers check <see cref="System.Runtime.Intrinsics.X86.Avx2.IsSupported"/>.
/// </summary>
/// <remarks>
/// <para>
/// The accumulator is one <typeparamref name="TLanes"/> holding (X, Y, Z, Z²) in its four lanes: Jacobian
/// coordinates with Z² kept beside them. A doubling ("dbl-2001-b", a = -3) is three lane multiplications, its
/// critical path: (Y², Y·Z, (X - Z²)(X + Z²)), then (X·Y², Y⁴, α², Z3²), then α·(12β - α²), where the last one has
/// three lanes free. An addition of a table point (X2, Y2, Z2, Z2², Z2³) ("add-1998-cmo-2") is four: its first step
/// (X1·Z2², X2·Z1², Z1·Z1²) fits in those three free lanes when it follows a doubling, so a doubling and an addition
/// cost six. Z1·Z2 = 0 never happens for finite points of a prime-order curve, so the formulas run without the
/// special cases of the group law, and their failure shows at the end: an addition of P to ±P gives Z = 0, which
/// every later step keeps. A final Z² of 0 sends the verification to the scalar code, which handles every case.
/// </para>
/// <para>
/// Bounds (see gen_lane_fields.py; w = 27-bit digits, N = 2^w - 1): lane products are below 2p with digits up to N;
/// the state is normalized after each point operation, its values below 2p + 17p (17p is what SubtractEight adds);
/// every subtrahend is a product, or a sum of up to eight, so it meets the SubtractProduct or SubtractEight conditions;
/// the largest product of lane values is below 500·p², within Multiply's 2^14·p²; the largest digit product,
/// α·(12β - α²) in a doubling, is 3N·(12N + 2^(w+1)) &lt; 2^59.4, within Multiply's 2^60.
/// </para>
/// </remarks>
/// <typeparam name="TField">The scalar field type (for conversions and the final comparison).</typeparam>
/// <typeparam name="TScalar">Elements modulo the group order n.</typeparam>
/// <typeparam name="TLanes">Four field elements in AVX2 lanes.</typeparam>
internal sealed class NistLaneCurve<TField, TScalar, TLanes>
    where TField : unmanaged, IMontgomeryElement<TField>
    where TScalar : unmanaged, IMontgomeryElement<TScalar>
    where TLanes : unmanaged, ILaneElement<TLanes>
{
    private const int PointTableSize = 1 << (NistCurve<TField, TScalar>.PointWindow - 2);

    private static readonly Vector256<ulong> Lane0 = Vector256.Create(ulong.MaxValue, 0, 0, 0);
    private static readonly Vector256<ulong> Lane1 = Vector256.Create(0, ulong.MaxValue, 0, 0);
    private static readonly Vector256<ulong> Lane2 = Vector256.Create(0, 0, ulong.MaxValue, 0);

    private static readonly Vector256<uint> All1 = Order(1, 1, 1, 1);
    private static readonly Vector256<uint> All2 = Order(2, 2, 2, 2);
    private static readonly Vector256<uint> All3 = Order(3, 3, 3, 3);

    private readonly NistCurve<TField, TScalar> _scalar;
    private readonly byte[] _baseTable; // G, 3G, ..., as lane table entries from the first 32-byte boundary (pinned)
    private readonly int _baseOffset;
    private readonly TField _laneFactor; // R_lanes mod p as a plain TField value

    /// <summary>Builds the generator's table in lane form from <paramref name="scalar"/>'s affine one.</summary>
    public NistLaneCurve(NistCurve<TField, TScalar> scalar)
    {
        ReadOnlySpan<AffinePoint<TField>> baseOddMultiples = scalar.BaseOddMultiples;
        _scalar = scalar;
        Span<ulong> one = stackalloc ulong[TLanes.DigitCount];
        TLanes.OneDigits.CopyTo(one);
        FromDigits(one, out Limbs factor);
        _laneFactor = TField.FromLimbs(factor);
        _baseTable = GC.AllocateArray<byte>((baseOddMultiples.Length * Unsafe.SizeOf<Entry>()) + 31, pinned: true);
        _baseOffset = AlignmentOffset(_baseTable);
        Span<Entry> entries = BaseEntries;
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = AffineEntry(baseOddMultiples[i]);
        }
    }

    /// <summary>
    /// A table entry: E1 = (·, Z², X, ·) and E2 = (Z³, Y, -Y, Z), laid out for the lanes the addition reads them in.
    /// </summary>
    internal struct Entry
    {
        /// <summary>(·, Z², X, ·).</summary>
        public TLanes E1;

        /// <summary>(Z³, Y, -Y, Z).</summary>
        public TLanes E2;
    }

    /// <summary>The lane values of one scalar multiplication: the state (X, Y, Z, Z²) and the steps' operands.</summary>
    internal struct Workspace
    {
        /// <summary>(X, Y, Z, Z²), normalized between point operations.</summary>
        public TLanes State;

        /// <summary>The left operand of the next multiplication.</summary>
        public TLanes A;

        /// <summary>The right operand of the next multiplication.</summary>
        public TLanes B;

        /// <summary>A doubling's first product.</summary>
        public TLanes M1;

        /// <summary>A doubling's second product.</summary>
        public TLanes M2;

        /// <summary>A doubling's (X3, 8γ², Z3, Z3²).</summary>
        public TLanes Partial;

        /// <summary>A doubling's 12β - α² (lane 0), then the right operand of its last multiplication.</summary>
        public TLanes W;

        /// <summary>A doubling's last product, or an addition's first.</summary>
        public TLanes M3;

        /// <summary>An addition's H, then (X3, ·, Z3, ·).</summary>
        public TLanes H;

        /// <summary>An addition's second product.</summary>
        public TLanes M4;

        /// <summary>An addition's third product.</summary>
        public TLanes M5;

        /// <summary>An addition's last product.</summary>
        public TLanes M6;

        /// <summary>2Q, while the table is built.</summary>
        public Entry Twice;

        /// <summary>Q, 3Q, ..., 15Q.</summary>
        public EntryTable Table;
    }

    /// <summary>The odd multiples of Q.</summary>
    [InlineArray(PointTableSize)]
    internal struct EntryTable
    {
        private Entry _element0;
    }

    /// <summary>
    /// Verifies (r, s), plain scalars already checked to be in [1, n), for the decoded public key Q and e, the hash as
    /// a scalar below n, exactly as <see cref="NistCurve{TField, TScalar}.Verify"/> does.
    /// </summary>
    public bool Verify(in Limbs r, in Limbs s, in AffinePoint q, in Limbs e)
    {
        TScalar w = MontgomeryElement<TScalar>.ToMontgomery(MontgomeryElement<TScalar>.InvertPlain(TScalar.FromLimbs(s)));
        TScalar.ToLimbs(TScalar.Multiply(TScalar.FromLimbs(e), w), out Limbs u1);
        TScalar.ToLimbs(TScalar.Multiply(TScalar.FromLimbs(r), w), out Limbs u2);

        MultiplyAdd(u1, u2, NistCurve<TField, TScalar>.Convert(q), out Limbs x, out Limbs zz);
        TField xf = TField.FromLimbs(x);
        TField zzf = TField.FromLimbs(zz);
        if (TField.IsZero(zzf))
        {
            // Z = 0: the result is infinity, or an addition met P + ±P. The scalar code tells which.
            return _scalar.Verify(r, s, q, e);
        }

        // x_R = X/Z² and both are in lane Montgomery form (times R): x_R = r ⇔ X·R = r·(Z²·R). TField.Multiply of
        // r·2^(64k) and Z²·R gives r·Z²·R, fully reduced.
        TField candidate = TField.Multiply(MontgomeryElement<TField>.ToMontgomery(TField.FromLimbs(r)), zzf);
        if (TField.AreEqual(candidate, xf))
        {
            return true;
        }

        if (!NistCurve<TField, TScalar>.TryAddOrder(r, out Limbs rPlusN))
        {
            return false;
        }

        candidate = TField.Multiply(MontgomeryElement<TField>.ToMontgomery(TField.FromLimbs(rPlusN)), zzf);
        return TField.AreEqual(candidate, xf);
    }

    /// <summary>
    /// u1·G + u2·Q by interleaved NAFs (as <see cref="NistCurve{TField, TScalar}.MultiplyAdd"/>), returning the
    /// result's X and Z² in lane Montgomery form, fully reduced (Z² = 0 when the formulas met a special case or the
    /// result is infinity).
    /// </summary>
    public void MultiplyAdd(in Limbs u1, in Limbs u2, in AffinePoint<TField> q, out Limbs x, out Limbs zz)
    {
        Span<sbyte> naf1 = stackalloc sbyte[NistCurve<TField, TScalar>.MaxNafLength];
        Span<sbyte> naf2 = stackalloc sbyte[NistCurve<TField, TScalar>.MaxNafLength];
        int top = _scalar.ComputeNafs(u1, u2, naf1, naf2);

        // The lane values live in one workspace aligned to 32 bytes: the multiplications read each digit vector of
        // their inputs many times, and a vector split across two cache lines costs extra on every load.
        Span<byte> raw = stackalloc byte[Unsafe.SizeOf<Workspace>() + 31];
        ref Workspace ws = ref Aligned(raw);
        ref TLanes state = ref ws.State;

        // Q, 3Q, ..., 15Q as entries: 2Q by a doubling, then additions of 2Q.
        Span<Entry> table = ws.Table;
        table[0] = AffineEntry(q);
        StateFrom(table[0], negate: false, out state);
        Double(ref ws);
        ToEntry(ref ws, out ws.Twice);
        StateFrom(table[0], negate: false, out state);
        for (int i = 1; i < PointTableSize; i++)
        {
            Add(ref ws, ws.Twice, negate: false);
            ToEntry(ref ws, out table[i]);
        }

        Span<Entry> baseTable = BaseEntries;

        if (top < 0)
        {
            // u1 = u2 = 0 cannot come from a valid signature (u2 = r/s ≠ 0); report infinity.
            x = default;
            zz = default;
            return;
        }

        int d1 = naf1[top];
        int d2 = naf2[top];
        if (d1 != 0)
        {
            StateFrom(baseTable[Math.Abs(d1) >> 1], d1 < 0, out state);
            if (d2 != 0)
            {
                Add(ref ws, table[Math.Abs(d2) >> 1], d2 < 0);
            }
        }
        else
        {
            StateFrom(table[Math.Abs(d2) >> 1], d2 < 0, out state);
        }

        for (int i = top - 1; i >= 0; i--)
        {
            d1 = naf1[i];
            d2 = naf2[i];
            if (d1 != 0)
            {
                DoubleAdd(ref ws, baseTable[Math.Abs(d1) >> 1], d1 < 0);
                if (d2 != 0)
                {
                    Add(ref ws, table[Math.Abs(d2) >> 1], d2 < 0);
                }
            }
            else if (d2 != 0)
            {
                DoubleAdd(ref ws, table[Math.Abs(d2) >> 1], d2 < 0);
            }
            else
            {
                Double(ref ws);
            }
        }

        Canonical(state, 0, out x);
        Canonical(state, 3, out zz);
    }

    /// <summary>state = 2·state (three lane multiplications).</summary>
    internal static void Double(ref Workspace ws)
    {
        DoubleSteps(ref ws, alphaInB: true);
        TLanes.Multiply(ws.B, ws.W, out ws.M3);
        FinishDouble(ref ws);
    }

    /// <summary>state = 2·state ± entry (a doubling with the addition's first step in its last multiplication).</summary>
    internal static void DoubleAdd(ref Workspace ws, in Entry entry, bool negate)
    {
        DoubleSteps(ref ws, alphaInB: false);

        // Lane 0: α·(12β - α²); lanes 1-3: X3·Z2², X2·Z3², Z3·Z3² (the addition's first step).
        int n = TLanes.DigitCount;
        ref Vector256<ulong> bd = ref Digits(ref ws.B);
        ref Vector256<ulong> wd = ref Digits(ref ws.W);
        ref Vector256<ulong> pd = ref Digits(ref ws.Partial);
        ref Vector256<ulong> e1 = ref Digits(ref Unsafe.AsRef(in entry.E1));
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> bi = Unsafe.Add(ref bd, i); // (γ, γ, α, Z3)
            Vector256<ulong> pi = Unsafe.Add(ref pd, i); // (X3, 8γ², Z3, Z3²)
            Vector256<ulong> ei = Unsafe.Add(ref e1, i); // (·, Z2², X2, ·)
            Vector256<ulong> a = Blend(Avx2.Permute4x64(bi, 0xCA), Avx2.Permute4x64(pi, 0x00), 0x0C); // (α, X3, α, Z3)
            Unsafe.Add(ref bd, i) = Blend(a, ei, 0x30);
            Vector256<ulong> zz = Blend(Avx2.Permute4x64(pi, 0xFF), ei, 0x0C); // (Z3², Z2², Z3², Z3²)
            Unsafe.Add(ref wd, i) = Blend(zz, Unsafe.Add(ref wd, i), 0x03);
        }

        TLanes.Multiply(ws.B, ws.W, out ws.M3);
        FinishDouble(ref ws);
        AddSteps(ref ws, entry, negate);
    }

    /// <summary>state = state ± entry (four lane multiplications).</summary>
    internal static void Add(ref Workspace ws, in Entry entry, bool negate)
    {
        // (·, X1·Z2², X2·Z1², Z1·Z1²)
        int n = TLanes.DigitCount;
        ref Vector256<ulong> sd = ref Digits(ref ws.State);
        ref Vector256<ulong> e1 = ref Digits(ref Unsafe.AsRef(in entry.E1));
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> si = Unsafe.Add(ref sd, i);
            Vector256<ulong> ei = Unsafe.Add(ref e1, i);
            Unsafe.Add(ref Digits(ref ws.A), i) = Blend(Avx2.Permute4x64(si, 0x80), ei, 0x30);
            Unsafe.Add(ref Digits(ref ws.B), i) = Blend(Avx2.Permute4x64(si, 0xFF), ei, 0x0C);
        }

        TLanes.Multiply(ws.A, ws.B, out ws.M3);
        AddSteps(ref ws, entry, negate);
    }

    /// <summary>The state (X, ±Y, Z, Z²) of a table entry.</summary>
    internal static void StateFrom(in Entry entry, bool negate, out TLanes state)
    {
        TLanes.Permute(entry.E1, All2, out TLanes x);
        TLanes.Permute(entry.E2, negate ? All2 : All1, out TLanes y);
        TLanes.Permute(entry.E2, All3, out TLanes z);
        TLanes.Permute(entry.E1, All1, out TLanes zz);
        TLanes.Select(Lane2, z, zz, out state);
        TLanes.Select(Lane1, y, state, out state);
        TLanes.Select(Lane0, x, state, out state);
    }

    /// <summary>The table entry of a state: its coordinates reduced below 2p (a product with 1), and Z³.</summary>
    internal static void ToEntry(ref Workspace ws, out Entry entry)
    {
        Unsafe.SkipInit(out entry);
        ws.A = default;
        Span<ulong> digits = AsDigits(ref ws.A);
        for (int lane = 0; lane < 4; lane++)
        {
            SetLane(digits, lane, TLanes.OneDigits);
        }

        TLanes.Multiply(ws.State, ws.A, out ws.M1); // (X, Y, Z, Z²) below 2p, top digit zero
        TLanes.Permute(ws.M1, All2, out ws.A);
        TLanes.Permute(ws.M1, All3, out ws.B);
        TLanes.Multiply(ws.A, ws.B, out ws.M2); // Z³
        TLanes.Permute(ws.M1, All1, out ws.B); // Y
        TLanes.SubtractProduct(default, ws.B, out ws.W); // -Y
        TLanes.Permute(ws.M1, Order(0, 3, 0, 3), out entry.E1);
        TLanes.Select(Lane2, ws.W, ws.A, out ws.H);
        TLanes.Select(Lane1, ws.B, ws.H, out ws.H);
        TLanes.Select(Lane0, ws.M2, ws.H, out entry.E2);
    }

    /// <summary>The value of one lane, fully reduced below p, as 64-bit limbs.</summary>
    internal static void Canonical(in TLanes value, int lane, out Limbs result)
    {
        TLanes copy = value;
        TLanes.Normalize(ref copy);
        Span<ulong> all = AsDigits(ref copy);
        Span<ulong> digits = stackalloc ulong[TLanes.DigitCount];
        for (int i = 0; i < digits.Length; i++)
        {
            digits[i] = all[(4 * i) + lane];
        }

        FromDigits(digits, out result);
        Reduce(ref result);
    }

    /// <summary>The four lanes' digits, digit i of lane j at 4i + j.</summary>
    internal static Span<ulong> AsDigits(ref TLanes value) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<TLanes, ulong>(ref value), 4 * TLanes.DigitCount);

    /// <summary>Writes digits into one lane of <paramref name="all"/> (from <see cref="AsDigits"/>).</summary>
    internal static void SetLane(Span<ulong> all, int lane, ReadOnlySpan<ulong> digits)
    {
        for (int i = 0; i < digits.Length; i++)
        {
            all[(4 * i) + lane] = digits[i];
        }
    }

    /// <summary>A number below 2^(64·<see cref="Limbs.Capacity"/>) as normalized digits.</summary>
    internal static void ToDigits(in Limbs value, Span<ulong> digits)
    {
        ReadOnlySpan<ulong> limbs = value;
        for (int i = 0; i < digits.Length; i++)
        {
            int w = TLanes.DigitBits;
            int bit = w * i;
            int word = bit >> 6;
            int shift = bit & 63;
            ulong d = word < limbs.Length ? limbs[word] >> shift : 0;
            if (shift > 64 - w && word + 1 < limbs.Length)
            {
                d |= limbs[word + 1] << (64 - shift);
            }

            digits[i] = d & ((1UL << w) - 1);
        }
    }

    /// <summary>The number Σ digits[i]·2^(wi) (digits below 2^w except possibly the last) as 64-bit limbs.</summary>
    internal static void FromDigits(ReadOnlySpan<ulong> digits, out Limbs result)
    {
        result = default;
        Span<ulong> limbs = result;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            // result = result·2^w + digit
            int w = TLanes.DigitBits;
            ulong carry = digits[i];
            for (int j = 0; j < limbs.Length; j++)
            {
                ulong next = limbs[j] >> (64 - w);
                limbs[j] = (limbs[j] << w) | carry;
                carry = next;
            }

            Debug.Assert(carry == 0, "below 2^(64·capacity)");
        }
    }

    // value mod p for value < 2^12·p, by subtracting p·2^j when it fits, j = 12..0.
    private static void Reduce(ref Limbs value)
    {
        const int Count = Limbs.Capacity;
        TField.ToLimbs(TField.Modulus, out Limbs p);
        for (int j = 12; j >= 0; j--)
        {
            // shifted = p·2^j
            Limbs shifted = default;
            for (int i = 0; i < Count; i++)
            {
                ulong carryIn = i > 0 && j > 0 ? p[i - 1] >> (64 - j) : 0;
                shifted[i] = (p[i] << j) | carryIn;
            }

            if (MontgomeryElement<TField>.Compare(value, shifted, Count) >= 0)
            {
                MontgomeryElement<TField>.SubtractWrapping(ref value, shifted, Count);
            }
        }

        Debug.Assert(MontgomeryElement<TField>.Compare(value, p, Count) < 0, "reduced below p");
    }

    // vpermd indices moving 64-bit lanes: result lane j = source lane lj.
    private static Vector256<uint> Order(int l0, int l1, int l2, int l3) =>
        Vector256.Create((uint)(2 * l0), (uint)((2 * l0) + 1), (uint)(2 * l1), (uint)((2 * l1) + 1), (uint)(2 * l2), (uint)((2 * l2) + 1), (uint)(2 * l3), (uint)((2 * l3) + 1));

    // The generator's entries, in the pinned array from its first 32-byte boundary.
    private Span<Entry> BaseEntries =>
        MemoryMarshal.Cast<byte, Entry>(_baseTable.AsSpan(_baseOffset, _baseTable.Length - 31));

    // The workspace at the first 32-byte boundary of raw (stack memory, which does not move).
    private static ref Workspace Aligned(Span<byte> raw) => ref Unsafe.As<byte, Workspace>(ref raw[AlignmentOffset(raw)]);

    // Bytes from the start of memory that does not move (stack, or a pinned array) to its first 32-byte boundary.
    private static unsafe int AlignmentOffset(Span<byte> memory)
    {
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(memory));
        return (int)((32 - (address & 31)) & 31);
    }

    // The digits of a lane value as a ref to the first digit vector.
    private static ref Vector256<ulong> Digits(ref TLanes value) => ref Unsafe.As<TLanes, Vector256<ulong>>(ref value);

    // b's lanes where the 32-bit element mask (vpblendd: lane k is bits 2k and 2k + 1) is set, a's elsewhere.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Blend(Vector256<ulong> a, Vector256<ulong> b, [ConstantExpected] byte mask) =>
        Avx2.Blend(a.AsUInt32(), b.AsUInt32(), mask).AsUInt64();

    // The first two multiplications of a doubling of (X, Y, Z, Z²) (dbl-2001-b, a = -3), and what the last one needs:
    // B = (γ, γ, α, Z3) (α in every lane when alphaInB), Partial = (X3, 8γ², Z3, Z3²), W (lane 0) = 12β - α², where
    // γ = Y², β = X·γ, α = 3(X - Z²)(X + Z²), X3 = α² - 8β, Z3 = 2·Y·Z; then Y3 = α·(12β - α²) - 8γ²
    // (= α·(4β - X3) - 8γ²).
    private static void DoubleSteps(ref Workspace ws, bool alphaInB)
    {
        int n = TLanes.DigitCount;
        ref Vector256<ulong> sd = ref Digits(ref ws.State);
        ref Vector256<ulong> ad = ref Digits(ref ws.A);
        ref Vector256<ulong> bd = ref Digits(ref ws.B);
        ref ulong productBias = ref MemoryMarshal.GetReference(TLanes.ProductBiasDigits);
        ref ulong eightBias = ref MemoryMarshal.GetReference(TLanes.EightBiasDigits);

        // (Y², Y·Z, (X - Z²)(X + Z²), ·)
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> si = Unsafe.Add(ref sd, i);
            Vector256<ulong> u = Avx2.Permute4x64(si, 0x45); // (Y, Y, X, Y)
            Vector256<ulong> v = Avx2.Permute4x64(si, 0xB9); // (Y, Z, Z², Z)
            Vector256<ulong> difference = Avx2.Subtract(Avx2.Add(u, Vector256.Create(Unsafe.Add(ref productBias, i))), v);
            Unsafe.Add(ref ad, i) = Blend(u, difference, 0x30);
            Unsafe.Add(ref bd, i) = Blend(v, Avx2.Add(u, v), 0x30);
        }

        TLanes.Multiply(ws.A, ws.B, out ws.M1);

        // (X·γ, γ², α², Z3²)
        ref Vector256<ulong> m1d = ref Digits(ref ws.M1);
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> g = Avx2.Permute4x64(Unsafe.Add(ref m1d, i), 0x60); // (γ, γ, t, yz)
            Vector256<ulong> g2 = Avx2.Add(g, g);
            Vector256<ulong> g3 = Avx2.Add(g2, g);
            Vector256<ulong> bi = Blend(Blend(g, g3, 0x30), g2, 0xC0); // (γ, γ, 3t, 2yz)
            Unsafe.Add(ref bd, i) = bi;
            Unsafe.Add(ref ad, i) = Blend(bi, Unsafe.Add(ref sd, i), 0x03); // (X, γ, α, Z3)
        }

        TLanes.Multiply(ws.A, ws.B, out ws.M2);

        // X3 = α² - 8β, 12β - α², and the partial state.
        ref Vector256<ulong> md = ref Digits(ref ws.M2);
        ref Vector256<ulong> pd = ref Digits(ref ws.Partial);
        ref Vector256<ulong> wd = ref Digits(ref ws.W);
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> mi = Unsafe.Add(ref md, i); // (β, γ², α², Z3²)
            Vector256<ulong> alpha2 = Avx2.Permute4x64(mi, 0xAA);
            Vector256<ulong> eight = Avx2.ShiftLeftLogical(mi, 3);
            Vector256<ulong> twelve = Avx2.Add(eight, Avx2.ShiftLeftLogical(mi, 2));
            Unsafe.Add(ref wd, i) = Avx2.Subtract(Avx2.Add(twelve, Vector256.Create(Unsafe.Add(ref productBias, i))), alpha2);
            Vector256<ulong> x3 = Avx2.Subtract(Avx2.Add(alpha2, Vector256.Create(Unsafe.Add(ref eightBias, i))), eight);
            Vector256<ulong> bi = Unsafe.Add(ref bd, i);
            Vector256<ulong> z3 = Avx2.Permute4x64(bi, 0xFF);
            Unsafe.Add(ref pd, i) = Blend(Blend(Blend(mi, z3, 0x30), eight, 0x0C), x3, 0x03); // (X3, 8γ², Z3, Z3²)
            if (alphaInB)
            {
                Unsafe.Add(ref bd, i) = Avx2.Permute4x64(bi, 0xAA);
            }
        }
    }

    // The doubled state from lane 0 of m3 (α·(12β - α²)): Y3 = that - 8γ², the rest from partial; normalized.
    private static void FinishDouble(ref Workspace ws)
    {
        int n = TLanes.DigitCount;
        ref Vector256<ulong> sd = ref Digits(ref ws.State);
        ref Vector256<ulong> pd = ref Digits(ref ws.Partial);
        ref Vector256<ulong> md = ref Digits(ref ws.M3);
        ref ulong eightBias = ref MemoryMarshal.GetReference(TLanes.EightBiasDigits);
        Vector256<ulong> mask = Vector256.Create((1UL << TLanes.DigitBits) - 1);
        Vector256<ulong> carry = Vector256<ulong>.Zero;
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> pi = Unsafe.Add(ref pd, i);
            Vector256<ulong> y3 = Avx2.Subtract(Avx2.Add(Avx2.Permute4x64(Unsafe.Add(ref md, i), 0x00), Vector256.Create(Unsafe.Add(ref eightBias, i))), Avx2.Permute4x64(pi, 0x55));
            Vector256<ulong> digit = Avx2.Add(Blend(pi, y3, 0x0C), carry);
            carry = Vector256.ShiftRightLogical(digit, TLanes.DigitBits);
            Unsafe.Add(ref sd, i) = i < n - 1 ? Avx2.And(digit, mask) : digit;
        }
    }

    // The rest of an addition given m = (·, U1, U2, Z1³) with U1 = X1·Z2², U2 = X2·Z1², Z1³ = Z1·Z1²
    // (add-1998-cmo-2): H = U2 - U1, R = S2 - S1 with S1 = Y1·Z2³, S2 = ±Y2·Z1³; X3 = R² - H³ - 2·U1·H²,
    // Y3 = R·(U1·H² - X3) - S1·H³, Z3 = Z1·Z2·H.
    private static void AddSteps(ref Workspace ws, in Entry entry, bool negate)
    {
        int n = TLanes.DigitCount;
        ref Vector256<ulong> sd = ref Digits(ref ws.State);
        ref Vector256<ulong> ad = ref Digits(ref ws.A);
        ref Vector256<ulong> bd = ref Digits(ref ws.B);
        ref Vector256<ulong> m3d = ref Digits(ref ws.M3);
        ref Vector256<ulong> e2 = ref Digits(ref Unsafe.AsRef(in entry.E2));
        ref ulong productBias = ref MemoryMarshal.GetReference(TLanes.ProductBiasDigits);
        ref ulong eightBias = ref MemoryMarshal.GetReference(TLanes.EightBiasDigits);

        // (S1, S2, H², Z1·Z2); H in lane 2 of the h buffer (kept in b's lane 2 for the next step).
        ref Vector256<ulong> hd = ref Digits(ref ws.H);
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> mi = Unsafe.Add(ref m3d, i);
            Vector256<ulong> h = Avx2.Subtract(Avx2.Add(mi, Vector256.Create(Unsafe.Add(ref productBias, i))), Avx2.Permute4x64(mi, 0x55));
            h = Avx2.Permute4x64(h, 0xAA);
            Unsafe.Add(ref hd, i) = h;
            Vector256<ulong> e = Unsafe.Add(ref e2, i); // (Z2³, Y2, -Y2, Z2): lane 1 takes -Y2 when negated
            if (negate)
            {
                e = Avx2.Permute4x64(e, 0xE8);
            }

            Vector256<ulong> ai = Blend(Avx2.Permute4x64(Unsafe.Add(ref sd, i), 0x95), e, 0x0C); // (Y1, ±Y2, ·, Z1)
            Unsafe.Add(ref ad, i) = Blend(ai, h, 0x30);
            Vector256<ulong> bi = Blend(Avx2.Permute4x64(mi, 0xFF), e, 0xC3); // (Z2³, Z1³, ·, Z2)
            Unsafe.Add(ref bd, i) = Blend(bi, h, 0x30);
        }

        TLanes.Multiply(ws.A, ws.B, out ws.M4);

        // R = S2 - S1; (H³, U1·H², Z1·Z2·H, R²). a keeps R in lane 3 for the last step.
        ref Vector256<ulong> m4d = ref Digits(ref ws.M4);
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> mi = Unsafe.Add(ref m4d, i); // (S1, S2, H², Z1·Z2)
            Vector256<ulong> r = Avx2.Subtract(Avx2.Add(Avx2.Permute4x64(mi, 0x55), Vector256.Create(Unsafe.Add(ref productBias, i))), Avx2.Permute4x64(mi, 0x00));
            Vector256<ulong> h = Unsafe.Add(ref hd, i);
            Vector256<ulong> ai = Blend(Blend(h, Unsafe.Add(ref m3d, i), 0x0C), Avx2.Permute4x64(mi, 0xFF), 0x30); // (H, U1, Z1·Z2, ·)
            Unsafe.Add(ref ad, i) = Blend(ai, r, 0xC0);
            Vector256<ulong> bi = Blend(Avx2.Permute4x64(mi, 0xAA), h, 0x30); // (H², H², H, ·)
            Unsafe.Add(ref bd, i) = Blend(bi, r, 0xC0);
        }

        TLanes.Multiply(ws.A, ws.B, out ws.M5);

        // X3 = R² - (H³ + 2V), W = V - X3 = 3V + H³ - R² (V = U1·H²); (Z3², R·W, S1·H³). hv keeps (X3, ·, Z3, ·).
        ref Vector256<ulong> m5d = ref Digits(ref ws.M5);
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> mi = Unsafe.Add(ref m5d, i); // (H³, V, Z3, R²)
            Vector256<ulong> hhh = Avx2.Permute4x64(mi, 0x00);
            Vector256<ulong> v = Avx2.Permute4x64(mi, 0x55);
            Vector256<ulong> rr = Avx2.Permute4x64(mi, 0xFF);
            Vector256<ulong> k = Avx2.Add(hhh, Avx2.Add(v, v));
            Vector256<ulong> x3 = Avx2.Subtract(Avx2.Add(rr, Vector256.Create(Unsafe.Add(ref eightBias, i))), k);
            Vector256<ulong> w = Avx2.Subtract(Avx2.Add(Avx2.Add(k, v), Vector256.Create(Unsafe.Add(ref productBias, i))), rr);
            Vector256<ulong> z3 = Avx2.Permute4x64(mi, 0xAA);
            Unsafe.Add(ref hd, i) = Blend(z3, x3, 0x03);
            Vector256<ulong> s1 = Avx2.Permute4x64(Unsafe.Add(ref m4d, i), 0x00);
            Vector256<ulong> r = Avx2.Permute4x64(Unsafe.Add(ref ad, i), 0xFF);
            Unsafe.Add(ref ad, i) = Blend(Blend(s1, r, 0x0C), z3, 0x03); // (Z3, R, S1, S1)
            Unsafe.Add(ref bd, i) = Blend(Blend(hhh, w, 0x0C), z3, 0x03); // (Z3, W, H³, H³)
        }

        TLanes.Multiply(ws.A, ws.B, out ws.M6);

        // Y3 = R·W - S1·H³; the state (X3, Y3, Z3, Z3²), normalized.
        ref Vector256<ulong> m6d = ref Digits(ref ws.M6);
        Vector256<ulong> mask = Vector256.Create((1UL << TLanes.DigitBits) - 1);
        Vector256<ulong> carry = Vector256<ulong>.Zero;
        for (int i = 0; i < n; i++)
        {
            Vector256<ulong> mi = Unsafe.Add(ref m6d, i); // (Z3², R·W, S1·H³, ·)
            Vector256<ulong> y3 = Avx2.Subtract(Avx2.Add(mi, Vector256.Create(Unsafe.Add(ref productBias, i))), Avx2.Permute4x64(mi, 0xAA));
            Vector256<ulong> digit = Blend(Blend(Unsafe.Add(ref hd, i), y3, 0x0C), Avx2.Permute4x64(mi, 0x00), 0xC0);
            digit = Avx2.Add(digit, carry);
            carry = Vector256.ShiftRightLogical(digit, TLanes.DigitBits);
            Unsafe.Add(ref sd, i) = i < n - 1 ? Avx2.And(digit, mask) : digit;
        }
    }

    // The entry of an affine point: Z = Z² = Z³ = 1.
    private Entry AffineEntry(in AffinePoint<TField> point)
    {
        Span<ulong> x = stackalloc ulong[TLanes.DigitCount];
        Span<ulong> y = stackalloc ulong[TLanes.DigitCount];
        Span<ulong> minusY = stackalloc ulong[TLanes.DigitCount];
        ToLaneDigits(point.X, x);
        ToLaneDigits(point.Y, y);
        ToLaneDigits(TField.Negate(point.Y), minusY);
        Entry entry = default;
        Span<ulong> e1 = AsDigits(ref entry.E1);
        Span<ulong> e2 = AsDigits(ref entry.E2);
        SetLane(e1, 1, TLanes.OneDigits);
        SetLane(e1, 2, x);
        SetLane(e2, 0, TLanes.OneDigits);
        SetLane(e2, 1, y);
        SetLane(e2, 2, minusY);
        SetLane(e2, 3, TLanes.OneDigits);
        return entry;
    }

    // A TField element (x·2^(64k) mod p) in lane form x·R mod p: its Montgomery product with R mod p.
    private void ToLaneDigits(in TField value, Span<ulong> digits)
    {
        TField.ToLimbs(TField.Multiply(value, _laneFactor), out Limbs plain);
        ToDigits(plain, digits);
    }
}
