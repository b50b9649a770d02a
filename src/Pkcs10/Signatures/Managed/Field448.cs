using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// An element of GF(p), p = 2^448 - 2^224 - 1 (RFC 8032 §5.2), as eight unsigned 56-bit limbs:
/// value = sum L_i·2^(56 i).
/// </summary>
/// <remarks>
/// Limbs are kept loose: every operation accepts limbs below 2^57 and returns limbs below 2^57 (Add and Sub carry). Reduction uses
/// 2^448 = 2^224 + 1 (mod p), that is, limb i + 8 folds into limbs i and i + 4. Only <see cref="ToBytes"/>,
/// <see cref="IsZero"/>, <see cref="IsNegative"/> and <see cref="AreEqual"/> reduce fully. Outputs may alias
/// inputs; variable-time; nothing allocates.
/// </remarks>
internal struct Field448
{
    public ulong L0, L1, L2, L3, L4, L5, L6, L7;

    private const ulong Mask56 = (1UL << 56) - 1;

    public Field448(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5, ulong l6, ulong l7)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
        L5 = l5;
        L6 = l6;
        L7 = l7;
    }

    public static Field448 Zero => default;

    public static Field448 One => new(1, 0, 0, 0, 0, 0, 0, 0);

    // d = -39081 mod p (RFC 8032 §5.2).
    public static Field448 D => new(0xFFFFFFFFFF6756, Mask56, Mask56, Mask56, Mask56 - 1, Mask56, Mask56, Mask56);

    /// <summary>Reads 56 little-endian bytes.</summary>
    public static void FromBytes(out Field448 r, ReadOnlySpan<byte> s)
    {
        r.L0 = Read56(s);
        r.L1 = Read56(s[7..]);
        r.L2 = Read56(s[14..]);
        r.L3 = Read56(s[21..]);
        r.L4 = Read56(s[28..]);
        r.L5 = Read56(s[35..]);
        r.L6 = Read56(s[42..]);
        r.L7 = Read56(s[49..]);
    }

    private static ulong Read56(ReadOnlySpan<byte> s) =>
        BinaryPrimitives.ReadUInt32LittleEndian(s) | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(s[4..]) << 32) | ((ulong)s[6] << 48);

    /// <summary>Writes the canonical 56-byte little-endian encoding.</summary>
    public static void ToBytes(Span<byte> s, in Field448 a)
    {
        Reduce(out Field448 t, a);
        Write56(s, t.L0);
        Write56(s[7..], t.L1);
        Write56(s[14..], t.L2);
        Write56(s[21..], t.L3);
        Write56(s[28..], t.L4);
        Write56(s[35..], t.L5);
        Write56(s[42..], t.L6);
        Write56(s[49..], t.L7);
    }

    private static void Write56(Span<byte> s, ulong v)
    {
        unchecked
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)v);
            BinaryPrimitives.WriteUInt16LittleEndian(s[4..], (ushort)(v >> 32));
            s[6] = (byte)(v >> 48);
        }
    }

    /// <summary>The canonical representative in [0, p), limbs below 2^56.</summary>
    public static void Reduce(out Field448 r, in Field448 a)
    {
        unchecked
        {
            ulong l0 = a.L0, l1 = a.L1, l2 = a.L2, l3 = a.L3, l4 = a.L4, l5 = a.L5, l6 = a.L6, l7 = a.L7;
            for (int pass = 0; pass < 2; pass++)
            {
                l1 += l0 >> 56; l0 &= Mask56;
                l2 += l1 >> 56; l1 &= Mask56;
                l3 += l2 >> 56; l2 &= Mask56;
                l4 += l3 >> 56; l3 &= Mask56;
                l5 += l4 >> 56; l4 &= Mask56;
                l6 += l5 >> 56; l5 &= Mask56;
                l7 += l6 >> 56; l6 &= Mask56;
                ulong top = l7 >> 56;
                l7 &= Mask56;
                l0 += top;
                l4 += top;
            }

            // value < 2p now. value >= p exactly when value + 2^224 + 1 carries out of bit 448.
            ulong q = (l0 + 1) >> 56;
            q = (l1 + q) >> 56;
            q = (l2 + q) >> 56;
            q = (l3 + q) >> 56;
            q = (l4 + 1 + q) >> 56;
            q = (l5 + q) >> 56;
            q = (l6 + q) >> 56;
            q = (l7 + q) >> 56;

            // value - q·p = value + q·(2^224 + 1) - q·2^448.
            l0 += q;
            l4 += q;
            l1 += l0 >> 56; l0 &= Mask56;
            l2 += l1 >> 56; l1 &= Mask56;
            l3 += l2 >> 56; l2 &= Mask56;
            l4 += l3 >> 56; l3 &= Mask56;
            l5 += l4 >> 56; l4 &= Mask56;
            l6 += l5 >> 56; l5 &= Mask56;
            l7 += l6 >> 56; l6 &= Mask56;
            l7 &= Mask56;
            r = new Field448(l0, l1, l2, l3, l4, l5, l6, l7);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Carry(out Field448 r, ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5, ulong l6, ulong l7)
    {
        unchecked
        {
            l1 += l0 >> 56; l0 &= Mask56;
            l2 += l1 >> 56; l1 &= Mask56;
            l3 += l2 >> 56; l2 &= Mask56;
            l4 += l3 >> 56; l3 &= Mask56;
            l5 += l4 >> 56; l4 &= Mask56;
            l6 += l5 >> 56; l5 &= Mask56;
            l7 += l6 >> 56; l6 &= Mask56;
            ulong top = l7 >> 56;
            l7 &= Mask56;
            r = new Field448(l0 + top, l1, l2, l3, l4 + top, l5, l6, l7);
        }
    }

    public static void Add(out Field448 r, in Field448 a, in Field448 b)
    {
        unchecked
        {
            Carry(out r, a.L0 + b.L0, a.L1 + b.L1, a.L2 + b.L2, a.L3 + b.L3, a.L4 + b.L4, a.L5 + b.L5, a.L6 + b.L6, a.L7 + b.L7);
        }
    }

    /// <summary>r = a - b, as a + 4p - b so that no limb goes negative (b's limbs are below 2^58 - 8).</summary>
    public static void Sub(out Field448 r, in Field448 a, in Field448 b)
    {
        unchecked
        {
            const ulong FourP = 4 * Mask56;          // 4·(2^56 - 1), every limb but 4
            const ulong FourP4 = 4 * (Mask56 - 1);   // 4·(2^56 - 2), limb 4
            Carry(out r, a.L0 + FourP - b.L0, a.L1 + FourP - b.L1, a.L2 + FourP - b.L2, a.L3 + FourP - b.L3,
                a.L4 + FourP4 - b.L4, a.L5 + FourP - b.L5, a.L6 + FourP - b.L6, a.L7 + FourP - b.L7);
        }
    }

    public static void Negate(out Field448 r, in Field448 a) => Sub(out r, Zero, a);

    // The product's columns c_k = sum_(i+j=k) a_i b_j (k = 0..14) reduce with 2^448 = 2^224 + 1: column k in 8..11
    // lands on limbs k - 8 and k - 4; column k in 12..14 lands on limb k - 12 once and on limb k - 8 twice (its
    // k - 4 part is above 2^448 again). So limb i is
    //   r0 = c0 + c8 + c12, r1 = c1 + c9 + c13, r2 = c2 + c10 + c14, r3 = c3 + c11,
    //   r4 = c4 + c8 + 2 c12, r5 = c5 + c9 + 2 c13, r6 = c6 + c10 + 2 c14, r7 = c7 + c11,
    // each summed directly as a (hi, lo) pair of 64-bit words and carried into the next. Inputs below 2^57 keep
    // every sum below 18·2^114 < 2^119, so the carries fit in 64 bits.
    public static void Mul(out Field448 r, in Field448 a, in Field448 b)
    {
        unchecked
        {
            ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5, a6 = a.L6, a7 = a.L7;
            ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4, b5 = b.L5, b6 = b.L6, b7 = b.L7;
            ulong a5x2 = a5 * 2, a6x2 = a6 * 2, a7x2 = a7 * 2;
            ulong lo, hi, t, carry;
            lo = a0 * b0;
            hi = WideMultiply.High(a0, b0);
            t = a1 * b7; lo += t; hi += WideMultiply.High(a1, b7) + (lo < t ? 1UL : 0UL);
            t = a2 * b6; lo += t; hi += WideMultiply.High(a2, b6) + (lo < t ? 1UL : 0UL);
            t = a3 * b5; lo += t; hi += WideMultiply.High(a3, b5) + (lo < t ? 1UL : 0UL);
            t = a4 * b4; lo += t; hi += WideMultiply.High(a4, b4) + (lo < t ? 1UL : 0UL);
            t = a5 * b3; lo += t; hi += WideMultiply.High(a5, b3) + (lo < t ? 1UL : 0UL);
            t = a6 * b2; lo += t; hi += WideMultiply.High(a6, b2) + (lo < t ? 1UL : 0UL);
            t = a7 * b1; lo += t; hi += WideMultiply.High(a7, b1) + (lo < t ? 1UL : 0UL);
            t = a5 * b7; lo += t; hi += WideMultiply.High(a5, b7) + (lo < t ? 1UL : 0UL);
            t = a6 * b6; lo += t; hi += WideMultiply.High(a6, b6) + (lo < t ? 1UL : 0UL);
            t = a7 * b5; lo += t; hi += WideMultiply.High(a7, b5) + (lo < t ? 1UL : 0UL);
            ulong r0 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = a0 * b1;
            hi = WideMultiply.High(a0, b1);
            t = a1 * b0; lo += t; hi += WideMultiply.High(a1, b0) + (lo < t ? 1UL : 0UL);
            t = a2 * b7; lo += t; hi += WideMultiply.High(a2, b7) + (lo < t ? 1UL : 0UL);
            t = a3 * b6; lo += t; hi += WideMultiply.High(a3, b6) + (lo < t ? 1UL : 0UL);
            t = a4 * b5; lo += t; hi += WideMultiply.High(a4, b5) + (lo < t ? 1UL : 0UL);
            t = a5 * b4; lo += t; hi += WideMultiply.High(a5, b4) + (lo < t ? 1UL : 0UL);
            t = a6 * b3; lo += t; hi += WideMultiply.High(a6, b3) + (lo < t ? 1UL : 0UL);
            t = a7 * b2; lo += t; hi += WideMultiply.High(a7, b2) + (lo < t ? 1UL : 0UL);
            t = a6 * b7; lo += t; hi += WideMultiply.High(a6, b7) + (lo < t ? 1UL : 0UL);
            t = a7 * b6; lo += t; hi += WideMultiply.High(a7, b6) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r1 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = a0 * b2;
            hi = WideMultiply.High(a0, b2);
            t = a1 * b1; lo += t; hi += WideMultiply.High(a1, b1) + (lo < t ? 1UL : 0UL);
            t = a2 * b0; lo += t; hi += WideMultiply.High(a2, b0) + (lo < t ? 1UL : 0UL);
            t = a3 * b7; lo += t; hi += WideMultiply.High(a3, b7) + (lo < t ? 1UL : 0UL);
            t = a4 * b6; lo += t; hi += WideMultiply.High(a4, b6) + (lo < t ? 1UL : 0UL);
            t = a5 * b5; lo += t; hi += WideMultiply.High(a5, b5) + (lo < t ? 1UL : 0UL);
            t = a6 * b4; lo += t; hi += WideMultiply.High(a6, b4) + (lo < t ? 1UL : 0UL);
            t = a7 * b3; lo += t; hi += WideMultiply.High(a7, b3) + (lo < t ? 1UL : 0UL);
            t = a7 * b7; lo += t; hi += WideMultiply.High(a7, b7) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r2 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = a0 * b3;
            hi = WideMultiply.High(a0, b3);
            t = a1 * b2; lo += t; hi += WideMultiply.High(a1, b2) + (lo < t ? 1UL : 0UL);
            t = a2 * b1; lo += t; hi += WideMultiply.High(a2, b1) + (lo < t ? 1UL : 0UL);
            t = a3 * b0; lo += t; hi += WideMultiply.High(a3, b0) + (lo < t ? 1UL : 0UL);
            t = a4 * b7; lo += t; hi += WideMultiply.High(a4, b7) + (lo < t ? 1UL : 0UL);
            t = a5 * b6; lo += t; hi += WideMultiply.High(a5, b6) + (lo < t ? 1UL : 0UL);
            t = a6 * b5; lo += t; hi += WideMultiply.High(a6, b5) + (lo < t ? 1UL : 0UL);
            t = a7 * b4; lo += t; hi += WideMultiply.High(a7, b4) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r3 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = a0 * b4;
            hi = WideMultiply.High(a0, b4);
            t = a1 * b3; lo += t; hi += WideMultiply.High(a1, b3) + (lo < t ? 1UL : 0UL);
            t = a2 * b2; lo += t; hi += WideMultiply.High(a2, b2) + (lo < t ? 1UL : 0UL);
            t = a3 * b1; lo += t; hi += WideMultiply.High(a3, b1) + (lo < t ? 1UL : 0UL);
            t = a4 * b0; lo += t; hi += WideMultiply.High(a4, b0) + (lo < t ? 1UL : 0UL);
            t = a1 * b7; lo += t; hi += WideMultiply.High(a1, b7) + (lo < t ? 1UL : 0UL);
            t = a2 * b6; lo += t; hi += WideMultiply.High(a2, b6) + (lo < t ? 1UL : 0UL);
            t = a3 * b5; lo += t; hi += WideMultiply.High(a3, b5) + (lo < t ? 1UL : 0UL);
            t = a4 * b4; lo += t; hi += WideMultiply.High(a4, b4) + (lo < t ? 1UL : 0UL);
            t = a5 * b3; lo += t; hi += WideMultiply.High(a5, b3) + (lo < t ? 1UL : 0UL);
            t = a6 * b2; lo += t; hi += WideMultiply.High(a6, b2) + (lo < t ? 1UL : 0UL);
            t = a7 * b1; lo += t; hi += WideMultiply.High(a7, b1) + (lo < t ? 1UL : 0UL);
            t = a5x2 * b7; lo += t; hi += WideMultiply.High(a5x2, b7) + (lo < t ? 1UL : 0UL);
            t = a6x2 * b6; lo += t; hi += WideMultiply.High(a6x2, b6) + (lo < t ? 1UL : 0UL);
            t = a7x2 * b5; lo += t; hi += WideMultiply.High(a7x2, b5) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r4 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = a0 * b5;
            hi = WideMultiply.High(a0, b5);
            t = a1 * b4; lo += t; hi += WideMultiply.High(a1, b4) + (lo < t ? 1UL : 0UL);
            t = a2 * b3; lo += t; hi += WideMultiply.High(a2, b3) + (lo < t ? 1UL : 0UL);
            t = a3 * b2; lo += t; hi += WideMultiply.High(a3, b2) + (lo < t ? 1UL : 0UL);
            t = a4 * b1; lo += t; hi += WideMultiply.High(a4, b1) + (lo < t ? 1UL : 0UL);
            t = a5 * b0; lo += t; hi += WideMultiply.High(a5, b0) + (lo < t ? 1UL : 0UL);
            t = a2 * b7; lo += t; hi += WideMultiply.High(a2, b7) + (lo < t ? 1UL : 0UL);
            t = a3 * b6; lo += t; hi += WideMultiply.High(a3, b6) + (lo < t ? 1UL : 0UL);
            t = a4 * b5; lo += t; hi += WideMultiply.High(a4, b5) + (lo < t ? 1UL : 0UL);
            t = a5 * b4; lo += t; hi += WideMultiply.High(a5, b4) + (lo < t ? 1UL : 0UL);
            t = a6 * b3; lo += t; hi += WideMultiply.High(a6, b3) + (lo < t ? 1UL : 0UL);
            t = a7 * b2; lo += t; hi += WideMultiply.High(a7, b2) + (lo < t ? 1UL : 0UL);
            t = a6x2 * b7; lo += t; hi += WideMultiply.High(a6x2, b7) + (lo < t ? 1UL : 0UL);
            t = a7x2 * b6; lo += t; hi += WideMultiply.High(a7x2, b6) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r5 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = a0 * b6;
            hi = WideMultiply.High(a0, b6);
            t = a1 * b5; lo += t; hi += WideMultiply.High(a1, b5) + (lo < t ? 1UL : 0UL);
            t = a2 * b4; lo += t; hi += WideMultiply.High(a2, b4) + (lo < t ? 1UL : 0UL);
            t = a3 * b3; lo += t; hi += WideMultiply.High(a3, b3) + (lo < t ? 1UL : 0UL);
            t = a4 * b2; lo += t; hi += WideMultiply.High(a4, b2) + (lo < t ? 1UL : 0UL);
            t = a5 * b1; lo += t; hi += WideMultiply.High(a5, b1) + (lo < t ? 1UL : 0UL);
            t = a6 * b0; lo += t; hi += WideMultiply.High(a6, b0) + (lo < t ? 1UL : 0UL);
            t = a3 * b7; lo += t; hi += WideMultiply.High(a3, b7) + (lo < t ? 1UL : 0UL);
            t = a4 * b6; lo += t; hi += WideMultiply.High(a4, b6) + (lo < t ? 1UL : 0UL);
            t = a5 * b5; lo += t; hi += WideMultiply.High(a5, b5) + (lo < t ? 1UL : 0UL);
            t = a6 * b4; lo += t; hi += WideMultiply.High(a6, b4) + (lo < t ? 1UL : 0UL);
            t = a7 * b3; lo += t; hi += WideMultiply.High(a7, b3) + (lo < t ? 1UL : 0UL);
            t = a7x2 * b7; lo += t; hi += WideMultiply.High(a7x2, b7) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r6 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = a0 * b7;
            hi = WideMultiply.High(a0, b7);
            t = a1 * b6; lo += t; hi += WideMultiply.High(a1, b6) + (lo < t ? 1UL : 0UL);
            t = a2 * b5; lo += t; hi += WideMultiply.High(a2, b5) + (lo < t ? 1UL : 0UL);
            t = a3 * b4; lo += t; hi += WideMultiply.High(a3, b4) + (lo < t ? 1UL : 0UL);
            t = a4 * b3; lo += t; hi += WideMultiply.High(a4, b3) + (lo < t ? 1UL : 0UL);
            t = a5 * b2; lo += t; hi += WideMultiply.High(a5, b2) + (lo < t ? 1UL : 0UL);
            t = a6 * b1; lo += t; hi += WideMultiply.High(a6, b1) + (lo < t ? 1UL : 0UL);
            t = a7 * b0; lo += t; hi += WideMultiply.High(a7, b0) + (lo < t ? 1UL : 0UL);
            t = a4 * b7; lo += t; hi += WideMultiply.High(a4, b7) + (lo < t ? 1UL : 0UL);
            t = a5 * b6; lo += t; hi += WideMultiply.High(a5, b6) + (lo < t ? 1UL : 0UL);
            t = a6 * b5; lo += t; hi += WideMultiply.High(a6, b5) + (lo < t ? 1UL : 0UL);
            t = a7 * b4; lo += t; hi += WideMultiply.High(a7, b4) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r7 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            Wrap(out r, carry, r0, r1, r2, r3, r4, r5, r6, r7);
        }
    }

    public static void Square(out Field448 r, in Field448 a)
    {
        unchecked
        {
            ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5, a6 = a.L6, a7 = a.L7;
            ulong d0 = a0 * 2, d1 = a1 * 2, d2 = a2 * 2, d3 = a3 * 2, d4 = a4 * 2, d5 = a5 * 2, d6 = a6 * 2, d7 = a7 * 2;
            ulong q5 = a5 * 4, q6 = a6 * 4;
            ulong lo, hi, t, carry;
            lo = a0 * a0;
            hi = WideMultiply.High(a0, a0);
            t = d1 * a7; lo += t; hi += WideMultiply.High(d1, a7) + (lo < t ? 1UL : 0UL);
            t = d2 * a6; lo += t; hi += WideMultiply.High(d2, a6) + (lo < t ? 1UL : 0UL);
            t = d3 * a5; lo += t; hi += WideMultiply.High(d3, a5) + (lo < t ? 1UL : 0UL);
            t = a4 * a4; lo += t; hi += WideMultiply.High(a4, a4) + (lo < t ? 1UL : 0UL);
            t = d5 * a7; lo += t; hi += WideMultiply.High(d5, a7) + (lo < t ? 1UL : 0UL);
            t = a6 * a6; lo += t; hi += WideMultiply.High(a6, a6) + (lo < t ? 1UL : 0UL);
            ulong r0 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = d0 * a1;
            hi = WideMultiply.High(d0, a1);
            t = d2 * a7; lo += t; hi += WideMultiply.High(d2, a7) + (lo < t ? 1UL : 0UL);
            t = d3 * a6; lo += t; hi += WideMultiply.High(d3, a6) + (lo < t ? 1UL : 0UL);
            t = d4 * a5; lo += t; hi += WideMultiply.High(d4, a5) + (lo < t ? 1UL : 0UL);
            t = d6 * a7; lo += t; hi += WideMultiply.High(d6, a7) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r1 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = d0 * a2;
            hi = WideMultiply.High(d0, a2);
            t = a1 * a1; lo += t; hi += WideMultiply.High(a1, a1) + (lo < t ? 1UL : 0UL);
            t = d3 * a7; lo += t; hi += WideMultiply.High(d3, a7) + (lo < t ? 1UL : 0UL);
            t = d4 * a6; lo += t; hi += WideMultiply.High(d4, a6) + (lo < t ? 1UL : 0UL);
            t = a5 * a5; lo += t; hi += WideMultiply.High(a5, a5) + (lo < t ? 1UL : 0UL);
            t = a7 * a7; lo += t; hi += WideMultiply.High(a7, a7) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r2 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = d0 * a3;
            hi = WideMultiply.High(d0, a3);
            t = d1 * a2; lo += t; hi += WideMultiply.High(d1, a2) + (lo < t ? 1UL : 0UL);
            t = d4 * a7; lo += t; hi += WideMultiply.High(d4, a7) + (lo < t ? 1UL : 0UL);
            t = d5 * a6; lo += t; hi += WideMultiply.High(d5, a6) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r3 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = d0 * a4;
            hi = WideMultiply.High(d0, a4);
            t = d1 * a3; lo += t; hi += WideMultiply.High(d1, a3) + (lo < t ? 1UL : 0UL);
            t = a2 * a2; lo += t; hi += WideMultiply.High(a2, a2) + (lo < t ? 1UL : 0UL);
            t = d1 * a7; lo += t; hi += WideMultiply.High(d1, a7) + (lo < t ? 1UL : 0UL);
            t = d2 * a6; lo += t; hi += WideMultiply.High(d2, a6) + (lo < t ? 1UL : 0UL);
            t = d3 * a5; lo += t; hi += WideMultiply.High(d3, a5) + (lo < t ? 1UL : 0UL);
            t = a4 * a4; lo += t; hi += WideMultiply.High(a4, a4) + (lo < t ? 1UL : 0UL);
            t = q5 * a7; lo += t; hi += WideMultiply.High(q5, a7) + (lo < t ? 1UL : 0UL);
            t = d6 * a6; lo += t; hi += WideMultiply.High(d6, a6) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r4 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = d0 * a5;
            hi = WideMultiply.High(d0, a5);
            t = d1 * a4; lo += t; hi += WideMultiply.High(d1, a4) + (lo < t ? 1UL : 0UL);
            t = d2 * a3; lo += t; hi += WideMultiply.High(d2, a3) + (lo < t ? 1UL : 0UL);
            t = d2 * a7; lo += t; hi += WideMultiply.High(d2, a7) + (lo < t ? 1UL : 0UL);
            t = d3 * a6; lo += t; hi += WideMultiply.High(d3, a6) + (lo < t ? 1UL : 0UL);
            t = d4 * a5; lo += t; hi += WideMultiply.High(d4, a5) + (lo < t ? 1UL : 0UL);
            t = q6 * a7; lo += t; hi += WideMultiply.High(q6, a7) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r5 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = d0 * a6;
            hi = WideMultiply.High(d0, a6);
            t = d1 * a5; lo += t; hi += WideMultiply.High(d1, a5) + (lo < t ? 1UL : 0UL);
            t = d2 * a4; lo += t; hi += WideMultiply.High(d2, a4) + (lo < t ? 1UL : 0UL);
            t = a3 * a3; lo += t; hi += WideMultiply.High(a3, a3) + (lo < t ? 1UL : 0UL);
            t = d3 * a7; lo += t; hi += WideMultiply.High(d3, a7) + (lo < t ? 1UL : 0UL);
            t = d4 * a6; lo += t; hi += WideMultiply.High(d4, a6) + (lo < t ? 1UL : 0UL);
            t = a5 * a5; lo += t; hi += WideMultiply.High(a5, a5) + (lo < t ? 1UL : 0UL);
            t = d7 * a7; lo += t; hi += WideMultiply.High(d7, a7) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r6 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            lo = d0 * a7;
            hi = WideMultiply.High(d0, a7);
            t = d1 * a6; lo += t; hi += WideMultiply.High(d1, a6) + (lo < t ? 1UL : 0UL);
            t = d2 * a5; lo += t; hi += WideMultiply.High(d2, a5) + (lo < t ? 1UL : 0UL);
            t = d3 * a4; lo += t; hi += WideMultiply.High(d3, a4) + (lo < t ? 1UL : 0UL);
            t = d4 * a7; lo += t; hi += WideMultiply.High(d4, a7) + (lo < t ? 1UL : 0UL);
            t = d5 * a6; lo += t; hi += WideMultiply.High(d5, a6) + (lo < t ? 1UL : 0UL);
            lo += carry; hi += lo < carry ? 1UL : 0UL;
            ulong r7 = lo & Mask56;
            carry = (hi << 8) | (lo >> 56);
            Wrap(out r, carry, r0, r1, r2, r3, r4, r5, r6, r7);
        }
    }

    // The carry out of limb 7 stands for carry·2^448 = carry·(2^224 + 1).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Wrap(out Field448 r, ulong carry, ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, ulong r6, ulong r7)
    {
        unchecked
        {
            r0 += carry;
            r4 += carry;
            r1 += r0 >> 56;
            r0 &= Mask56;
            r5 += r4 >> 56;
            r4 &= Mask56;
            r = new Field448(r0, r1, r2, r3, r4, r5, r6, r7);
        }
    }

    /// <summary>r = a^(2^n), by n squarings (n &gt;= 1).</summary>
    public static void SquareTimes(out Field448 r, in Field448 a, int n)
    {
        Square(out r, a);
        for (int i = 1; i < n; i++)
        {
            Square(out r, r);
        }
    }

    /// <summary>r = z^((p-3)/4) = z^(2^446 - 2^222 - 1), the exponent of RFC 8032 §5.2.3 step 3.</summary>
    public static void PowPMinus3Over4(out Field448 r, in Field448 z)
    {
        // e_k = z^(2^k - 1).
        Square(out Field448 e2, z);
        Mul(out e2, e2, z);                  // 2^2 - 1
        Square(out Field448 e3, e2);
        Mul(out e3, e3, z);                  // 2^3 - 1
        SquareTimes(out Field448 e6, e3, 3);
        Mul(out e6, e6, e3);                 // 2^6 - 1
        SquareTimes(out Field448 e12, e6, 6);
        Mul(out e12, e12, e6);               // 2^12 - 1
        SquareTimes(out Field448 e24, e12, 12);
        Mul(out e24, e24, e12);              // 2^24 - 1
        SquareTimes(out Field448 e48, e24, 24);
        Mul(out e48, e48, e24);              // 2^48 - 1
        SquareTimes(out Field448 e96, e48, 48);
        Mul(out e96, e96, e48);              // 2^96 - 1
        SquareTimes(out Field448 e192, e96, 96);
        Mul(out e192, e192, e96);            // 2^192 - 1
        SquareTimes(out Field448 e216, e192, 24);
        Mul(out e216, e216, e24);            // 2^216 - 1
        SquareTimes(out Field448 e222, e216, 6);
        Mul(out e222, e222, e6);             // 2^222 - 1
        Square(out Field448 e223, e222);
        Mul(out e223, e223, z);              // 2^223 - 1

        // (2^223 - 1)·2^223 + (2^222 - 1) = 2^446 - 2^222 - 1.
        SquareTimes(out Field448 t, e223, 223);
        Mul(out r, t, e222);
    }

    public static bool IsZero(in Field448 a)
    {
        Reduce(out Field448 t, a);
        return (t.L0 | t.L1 | t.L2 | t.L3 | t.L4 | t.L5 | t.L6 | t.L7) == 0;
    }

    /// <summary>Whether the canonical value is odd (RFC 8032 §5.2.2: the low bit of x).</summary>
    public static bool IsNegative(in Field448 a)
    {
        Reduce(out Field448 t, a);
        return (t.L0 & 1) != 0;
    }

    public static bool AreEqual(in Field448 a, in Field448 b)
    {
        Sub(out Field448 t, a, b);
        return IsZero(t);
    }
}
