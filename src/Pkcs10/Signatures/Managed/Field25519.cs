using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// An element of GF(p), p = 2^255 - 19 (RFC 8032 §5.1), as five unsigned 51-bit limbs:
/// value = L0 + L1·2^51 + L2·2^102 + L3·2^153 + L4·2^204.
/// </summary>
/// <remarks>
/// <para>
/// Limbs are kept "loose". <see cref="Mul"/> and <see cref="Square"/> accept limbs below 2^54 (their 128-bit
/// column sums then stay below 2^115) and return limbs below 2^52; <see cref="Sub"/> returns limbs below 2^52
/// and needs the subtrahend's limbs below 2^53 - 76; <see cref="Add"/> does not carry, so two inputs below
/// 2^52 give limbs below 2^53. The point formulas only ever combine values within these bounds. Only
/// <see cref="ToBytes"/>, <see cref="IsZero"/>, <see cref="IsNegative"/> and <see cref="AreEqual"/> reduce to
/// the canonical value in [0, p). Nothing allocates.
/// </para>
/// <para>
/// Every method reads all of its inputs before it writes its output, so the output may alias an input
/// (<c>Mul(out x, in x, in y)</c>). The arithmetic is variable-time, which is fine for verification: it
/// only ever sees public keys and signatures.
/// </para>
/// </remarks>
internal struct Field25519
{
    public ulong L0, L1, L2, L3, L4;

    private const ulong Mask51 = (1UL << 51) - 1;

    public Field25519(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
    }

    public static Field25519 Zero => default;

    public static Field25519 One => new(1, 0, 0, 0, 0);

    // d = -121665/121666 mod p (RFC 8032 §5.1), and 2d.
    public static Field25519 D => new(0x34DCA135978A3, 0x1A8283B156EBD, 0x5E7A26001C029, 0x739C663A03CBB, 0x52036CEE2B6FF);

    public static Field25519 D2 => new(0x69B9426B2F159, 0x35050762ADD7A, 0x3CF44C0038052, 0x6738CC7407977, 0x2406D9DC56DFF);

    // 2^((p-1)/4) mod p, a square root of -1 (RFC 8032 §5.1.3 step 3).
    public static Field25519 SqrtMinusOne => new(0x61B274A0EA0B0, 0xD5A5FC8F189D, 0x7EF5E9CBD0C60, 0x78595A6804C9E, 0x2B8324804FC1D);

    /// <summary>Reads 32 little-endian bytes, ignoring bit 255 (the caller handles it).</summary>
    public static void FromBytes(out Field25519 r, ReadOnlySpan<byte> s)
    {
        ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(s);
        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(s[8..]);
        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(s[16..]);
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(s[24..]);
        r.L0 = w0 & Mask51;
        r.L1 = ((w0 >> 51) | (w1 << 13)) & Mask51;
        r.L2 = ((w1 >> 38) | (w2 << 26)) & Mask51;
        r.L3 = ((w2 >> 25) | (w3 << 39)) & Mask51;
        r.L4 = (w3 >> 12) & Mask51;
    }

    /// <summary>Writes the canonical (fully reduced) 32-byte little-endian encoding; bit 255 is zero.</summary>
    public static void ToBytes(Span<byte> s, in Field25519 a)
    {
        Reduce(out Field25519 t, a);
        BinaryPrimitives.WriteUInt64LittleEndian(s, t.L0 | (t.L1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(s[8..], (t.L1 >> 13) | (t.L2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(s[16..], (t.L2 >> 26) | (t.L3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(s[24..], (t.L3 >> 39) | (t.L4 << 12));
    }

    /// <summary>The canonical representative in [0, p), limbs below 2^51.</summary>
    public static void Reduce(out Field25519 r, in Field25519 a)
    {
        unchecked
        {
            ulong l0 = a.L0, l1 = a.L1, l2 = a.L2, l3 = a.L3, l4 = a.L4;

            // Two carry passes bring every limb below 2^51 (value < 2^255 + small).
            for (int pass = 0; pass < 2; pass++)
            {
                l1 += l0 >> 51; l0 &= Mask51;
                l2 += l1 >> 51; l1 &= Mask51;
                l3 += l2 >> 51; l2 &= Mask51;
                l4 += l3 >> 51; l3 &= Mask51;
                l0 += 19 * (l4 >> 51); l4 &= Mask51;
            }

            // Now value < 2^255; subtract p once if value >= p: value + 19 carries out of bit 255 exactly then.
            ulong q = (l0 + 19) >> 51;
            q = (l1 + q) >> 51;
            q = (l2 + q) >> 51;
            q = (l3 + q) >> 51;
            q = (l4 + q) >> 51;
            l0 += 19 * q;
            l1 += l0 >> 51; l0 &= Mask51;
            l2 += l1 >> 51; l1 &= Mask51;
            l3 += l2 >> 51; l2 &= Mask51;
            l4 += l3 >> 51; l3 &= Mask51;
            l4 &= Mask51;

            r.L0 = l0;
            r.L1 = l1;
            r.L2 = l2;
            r.L3 = l3;
            r.L4 = l4;
        }
    }

    /// <summary>r = a + b without a carry: limbs below 2^52 give limbs below 2^53, fine for every input slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(out Field25519 r, in Field25519 a, in Field25519 b)
    {
        unchecked
        {
            r.L0 = a.L0 + b.L0;
            r.L1 = a.L1 + b.L1;
            r.L2 = a.L2 + b.L2;
            r.L3 = a.L3 + b.L3;
            r.L4 = a.L4 + b.L4;
        }
    }

    /// <summary>r = a - b, computed as a + 4p - b so that no limb goes negative (b's limbs are below 2^53 - 76).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(out Field25519 r, in Field25519 a, in Field25519 b)
    {
        unchecked
        {
            const ulong FourP0 = 4 * ((1UL << 51) - 19);
            const ulong FourPi = 4 * ((1UL << 51) - 1);
            ulong l0 = a.L0 + FourP0 - b.L0, l1 = a.L1 + FourPi - b.L1, l2 = a.L2 + FourPi - b.L2;
            ulong l3 = a.L3 + FourPi - b.L3, l4 = a.L4 + FourPi - b.L4;
            Carry(out r, l0, l1, l2, l3, l4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(out Field25519 r, in Field25519 a) => Sub(out r, Zero, a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Carry(out Field25519 r, ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        unchecked
        {
            l1 += l0 >> 51; l0 &= Mask51;
            l2 += l1 >> 51; l1 &= Mask51;
            l3 += l2 >> 51; l2 &= Mask51;
            l4 += l3 >> 51; l3 &= Mask51;
            l0 += 19 * (l4 >> 51); l4 &= Mask51;
            r.L0 = l0;
            r.L1 = l1;
            r.L2 = l2;
            r.L3 = l3;
            r.L4 = l4;
        }
    }

    // Each column c_i = sum of products is kept as two 64-bit words (hi_i, lo_i); the inputs' limbs below 2^54
    // keep every column below 2^115.
    public static void Mul(out Field25519 r, in Field25519 a, in Field25519 b)
    {
        unchecked
        {
            ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
            ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4;

            // 2^255 = 19 (mod p): the columns above limb 4 fold back multiplied by 19.
            ulong b1x19 = b1 * 19, b2x19 = b2 * 19, b3x19 = b3 * 19, b4x19 = b4 * 19;
            ulong t;
            ulong lo0 = a0 * b0, hi0 = WideMultiply.High(a0, b0);
            t = a1 * b4x19; lo0 += t; hi0 += WideMultiply.High(a1, b4x19) + (lo0 < t ? 1UL : 0UL);
            t = a2 * b3x19; lo0 += t; hi0 += WideMultiply.High(a2, b3x19) + (lo0 < t ? 1UL : 0UL);
            t = a3 * b2x19; lo0 += t; hi0 += WideMultiply.High(a3, b2x19) + (lo0 < t ? 1UL : 0UL);
            t = a4 * b1x19; lo0 += t; hi0 += WideMultiply.High(a4, b1x19) + (lo0 < t ? 1UL : 0UL);
            ulong lo1 = a0 * b1, hi1 = WideMultiply.High(a0, b1);
            t = a1 * b0; lo1 += t; hi1 += WideMultiply.High(a1, b0) + (lo1 < t ? 1UL : 0UL);
            t = a2 * b4x19; lo1 += t; hi1 += WideMultiply.High(a2, b4x19) + (lo1 < t ? 1UL : 0UL);
            t = a3 * b3x19; lo1 += t; hi1 += WideMultiply.High(a3, b3x19) + (lo1 < t ? 1UL : 0UL);
            t = a4 * b2x19; lo1 += t; hi1 += WideMultiply.High(a4, b2x19) + (lo1 < t ? 1UL : 0UL);
            ulong lo2 = a0 * b2, hi2 = WideMultiply.High(a0, b2);
            t = a1 * b1; lo2 += t; hi2 += WideMultiply.High(a1, b1) + (lo2 < t ? 1UL : 0UL);
            t = a2 * b0; lo2 += t; hi2 += WideMultiply.High(a2, b0) + (lo2 < t ? 1UL : 0UL);
            t = a3 * b4x19; lo2 += t; hi2 += WideMultiply.High(a3, b4x19) + (lo2 < t ? 1UL : 0UL);
            t = a4 * b3x19; lo2 += t; hi2 += WideMultiply.High(a4, b3x19) + (lo2 < t ? 1UL : 0UL);
            ulong lo3 = a0 * b3, hi3 = WideMultiply.High(a0, b3);
            t = a1 * b2; lo3 += t; hi3 += WideMultiply.High(a1, b2) + (lo3 < t ? 1UL : 0UL);
            t = a2 * b1; lo3 += t; hi3 += WideMultiply.High(a2, b1) + (lo3 < t ? 1UL : 0UL);
            t = a3 * b0; lo3 += t; hi3 += WideMultiply.High(a3, b0) + (lo3 < t ? 1UL : 0UL);
            t = a4 * b4x19; lo3 += t; hi3 += WideMultiply.High(a4, b4x19) + (lo3 < t ? 1UL : 0UL);
            ulong lo4 = a0 * b4, hi4 = WideMultiply.High(a0, b4);
            t = a1 * b3; lo4 += t; hi4 += WideMultiply.High(a1, b3) + (lo4 < t ? 1UL : 0UL);
            t = a2 * b2; lo4 += t; hi4 += WideMultiply.High(a2, b2) + (lo4 < t ? 1UL : 0UL);
            t = a3 * b1; lo4 += t; hi4 += WideMultiply.High(a3, b1) + (lo4 < t ? 1UL : 0UL);
            t = a4 * b0; lo4 += t; hi4 += WideMultiply.High(a4, b0) + (lo4 < t ? 1UL : 0UL);
            Carry128(out r, lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4);
        }
    }

    public static void Square(out Field25519 r, in Field25519 a)
    {
        unchecked
        {
            ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
            ulong a0x2 = a0 * 2, a1x2 = a1 * 2, a2x2 = a2 * 2, a3x2 = a3 * 2, a3x19 = a3 * 19, a4x19 = a4 * 19;
            ulong t;
            ulong lo0 = a0 * a0, hi0 = WideMultiply.High(a0, a0);
            t = a1x2 * a4x19; lo0 += t; hi0 += WideMultiply.High(a1x2, a4x19) + (lo0 < t ? 1UL : 0UL);
            t = a2x2 * a3x19; lo0 += t; hi0 += WideMultiply.High(a2x2, a3x19) + (lo0 < t ? 1UL : 0UL);
            ulong lo1 = a0x2 * a1, hi1 = WideMultiply.High(a0x2, a1);
            t = a2x2 * a4x19; lo1 += t; hi1 += WideMultiply.High(a2x2, a4x19) + (lo1 < t ? 1UL : 0UL);
            t = a3 * a3x19; lo1 += t; hi1 += WideMultiply.High(a3, a3x19) + (lo1 < t ? 1UL : 0UL);
            ulong lo2 = a0x2 * a2, hi2 = WideMultiply.High(a0x2, a2);
            t = a1 * a1; lo2 += t; hi2 += WideMultiply.High(a1, a1) + (lo2 < t ? 1UL : 0UL);
            t = a3x2 * a4x19; lo2 += t; hi2 += WideMultiply.High(a3x2, a4x19) + (lo2 < t ? 1UL : 0UL);
            ulong lo3 = a0x2 * a3, hi3 = WideMultiply.High(a0x2, a3);
            t = a1x2 * a2; lo3 += t; hi3 += WideMultiply.High(a1x2, a2) + (lo3 < t ? 1UL : 0UL);
            t = a4 * a4x19; lo3 += t; hi3 += WideMultiply.High(a4, a4x19) + (lo3 < t ? 1UL : 0UL);
            ulong lo4 = a0x2 * a4, hi4 = WideMultiply.High(a0x2, a4);
            t = a1x2 * a3; lo4 += t; hi4 += WideMultiply.High(a1x2, a3) + (lo4 < t ? 1UL : 0UL);
            t = a2 * a2; lo4 += t; hi4 += WideMultiply.High(a2, a2) + (lo4 < t ? 1UL : 0UL);
            Carry128(out r, lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4);
        }
    }

    // Carries the five 128-bit columns (hi_i·2^64 + lo_i) into 51-bit limbs; the carry out of limb 4 comes
    // back into limb 0 times 19. Column 4 has no factor 19 and stays below 2^111, so 19·(c4 >> 51) < 2^64.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Carry128(out Field25519 r, ulong lo0, ulong hi0, ulong lo1, ulong hi1, ulong lo2, ulong hi2, ulong lo3, ulong hi3, ulong lo4, ulong hi4)
    {
        unchecked
        {
            ulong c = (hi0 << 13) | (lo0 >> 51);
            lo0 &= Mask51;
            lo1 += c;
            hi1 += lo1 < c ? 1UL : 0UL;
            c = (hi1 << 13) | (lo1 >> 51);
            lo1 &= Mask51;
            lo2 += c;
            hi2 += lo2 < c ? 1UL : 0UL;
            c = (hi2 << 13) | (lo2 >> 51);
            lo2 &= Mask51;
            lo3 += c;
            hi3 += lo3 < c ? 1UL : 0UL;
            c = (hi3 << 13) | (lo3 >> 51);
            lo3 &= Mask51;
            lo4 += c;
            hi4 += lo4 < c ? 1UL : 0UL;
            c = (hi4 << 13) | (lo4 >> 51);
            lo4 &= Mask51;
            lo0 += 19 * c;
            lo1 += lo0 >> 51;
            lo0 &= Mask51;
            r.L0 = lo0;
            r.L1 = lo1;
            r.L2 = lo2;
            r.L3 = lo3;
            r.L4 = lo4;
        }
    }

    /// <summary>r = a^(2^n), by n squarings (n &gt;= 1).</summary>
    public static void SquareTimes(out Field25519 r, in Field25519 a, int n)
    {
        Square(out r, a);
        for (int i = 1; i < n; i++)
        {
            Square(out r, r);
        }
    }

    /// <summary>r = a^((p-5)/8) = a^(2^252 - 3), the exponent of RFC 8032 §5.1.3 step 3.</summary>
    public static void Pow22523(out Field25519 r, in Field25519 z)
    {
        Square(out Field25519 t0, z);              // 2
        SquareTimes(out Field25519 t1, t0, 2);     // 8
        Mul(out t1, z, t1);                        // 9
        Mul(out t0, t0, t1);                       // 11
        Square(out t0, t0);                        // 22
        Mul(out t0, t1, t0);                       // 2^5 - 1
        SquareTimes(out t1, t0, 5);
        Mul(out t0, t1, t0);                       // 2^10 - 1
        SquareTimes(out t1, t0, 10);
        Mul(out t1, t1, t0);                       // 2^20 - 1
        SquareTimes(out Field25519 t2, t1, 20);
        Mul(out t1, t2, t1);                       // 2^40 - 1
        SquareTimes(out t1, t1, 10);
        Mul(out t0, t1, t0);                       // 2^50 - 1
        SquareTimes(out t1, t0, 50);
        Mul(out t1, t1, t0);                       // 2^100 - 1
        SquareTimes(out t2, t1, 100);
        Mul(out t1, t2, t1);                       // 2^200 - 1
        SquareTimes(out t1, t1, 50);
        Mul(out t0, t1, t0);                       // 2^250 - 1
        SquareTimes(out t0, t0, 2);                // 2^252 - 4
        Mul(out r, t0, z);                         // 2^252 - 3
    }

    /// <summary>r = 1/z = z^(p-2) = (z^((p-5)/8))^8 · z^3; zero maps to zero.</summary>
    public static void Invert(out Field25519 r, in Field25519 z)
    {
        Pow22523(out Field25519 t, z);
        SquareTimes(out t, t, 3);
        Square(out Field25519 z3, z);
        Mul(out z3, z3, z);
        Mul(out r, t, z3);
    }

    public static bool IsZero(in Field25519 a)
    {
        Reduce(out Field25519 t, a);
        return (t.L0 | t.L1 | t.L2 | t.L3 | t.L4) == 0;
    }

    /// <summary>Whether the canonical value is odd (RFC 8032 §5.1.2: the "sign" of x).</summary>
    public static bool IsNegative(in Field25519 a)
    {
        Reduce(out Field25519 t, a);
        return (t.L0 & 1) != 0;
    }

    public static bool AreEqual(in Field25519 a, in Field25519 b)
    {
        Sub(out Field25519 t, a, b);
        return IsZero(t);
    }
}
