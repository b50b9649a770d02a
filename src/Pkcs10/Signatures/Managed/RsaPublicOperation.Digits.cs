using System.Buffers;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// The AVX2 form of the RSA public operation: Montgomery multiplication on short digits held in 64-bit vector lanes,
/// four lanes per <c>vpmuludq</c>, with every carry deferred to one pass at the end of each multiplication.
/// </summary>
/// <remarks>
/// <para>
/// A number is D digits of w bits (w = 28 for moduli up to 3,500 bits or so, less above), one per
/// <see cref="ulong"/>, D a multiple of 4, with four zero digits after the top one. A digit product is below
/// 2^(2w) and a column of the product receives at most 2D of them (D from a·b, D from q·n), so with
/// 2D·2^(2w) &lt; 2^64 no column overflows and carries need not be propagated while multiplying. This is the
/// "almost Montgomery multiplication" of Gueron and Krasnov ("Software implementation of modular exponentiation,
/// using advanced vector instructions architectures", WAIFI 2012), the technique of OpenSSL's rsaz-avx2:
/// R = 2^(wD) ≥ 4n, inputs and outputs below 2n, no conditional subtraction until the very end.
/// </para>
/// <para>
/// The digits of b (and the matching quotient digits q) are taken four at a time. The four q's come first, in scalar
/// code, from the low four columns (each q makes its column divisible by 2^w, and that column's carry goes into the
/// next one); then one vector pass adds a·b[i..i+3] and n·q[i..i+3] to the columns above, loading a and n at the
/// four offsets so the accumulator's loads and stores stay on the same 32-byte slots.
/// </para>
/// <para>
/// Squarings (<see cref="AlmostMontgomerySquare"/>) compute each cross product once against a doubled digit, then
/// reduce in a second pass (about 3D²/8 vector products instead of D²/2). s·R mod n comes from
/// <see cref="MultiplyByPowerOfTwo"/> on 64-bit limbs (wD is not a whole number of limbs, so its last step is a
/// partial shift). benchmarks/README.md has the measured verification times beside OpenSSL's.
/// </para>
/// </remarks>
internal static partial class RsaPublicOperation
{
    /// <summary>The widest digit used (bits): 28 keeps 2D·2^(2w) &lt; 2^64 up to D = 127 digits (3,556 bits).</summary>
    internal const int MaxDigitBits = 28;

    // Scratch (in ulongs) up to which the digit form stays on the stack: a 4096-bit modulus needs about 1,200.
    private const int MaxStackDigitScratch = 1280;

    /// <summary>
    /// The digit width w and count D for a modulus of <paramref name="modulusBits"/> bits: the widest w ≤ 28 for which
    /// D = ⌈(bits + 2) / w⌉ rounded up to a multiple of 4 keeps 2D·2^(2w) &lt; 2^64 (R = 2^(wD) ≥ 4n).
    /// </summary>
    internal static (int DigitBits, int Digits) DigitLayout(int modulusBits)
    {
        for (int w = MaxDigitBits; ; w--)
        {
            int digits = (((modulusBits + 2 + w - 1) / w) + 3) & ~3;
            if (2L * digits < (1L << (64 - (2 * w))))
            {
                return (w, digits);
            }
        }
    }

    /// <summary><see cref="TryModPow"/> on w-bit digits with AVX2; the caller checks <see cref="Avx2.IsSupported"/>.</summary>
    internal static bool TryModPowDigits(ReadOnlySpan<byte> modulus, ulong exponent, ReadOnlySpan<byte> signature, Span<byte> output)
    {
        Debug.Assert(modulus.Length >= 2 && modulus[0] != 0 && (modulus[^1] & 1) == 1, "normalized odd modulus");
        Debug.Assert(signature.Length == modulus.Length && output.Length == modulus.Length, "k octets each");
        Debug.Assert(exponent >= 3 && (exponent & 1) == 1, "odd e >= 3");
        if (!Avx2.IsSupported)
        {
            throw new PlatformNotSupportedException();
        }

        int modulusBits = (8 * modulus.Length) - BitOperations.LeadingZeroCount((uint)modulus[0]) + 24;
        (int w, int digits) = DigitLayout(modulusBits);
        int limbs = (modulus.Length + 7) / 8;
        int stride = digits + 4;

        // Limbs: n, s, s·R mod n, and L + 1 for the shift's normalized n and the result. Digits: n, s, s·R, the
        // accumulator (each with four zero digits above) and the 2D columns of a product.
        int needed = (4 * limbs) + 1 + (4 * stride) + (2 * digits);
        ulong[]? rented = null;
        Span<ulong> scratch = needed <= MaxStackDigitScratch
            ? stackalloc ulong[MaxStackDigitScratch]
            : (rented = ArrayPool<ulong>.Shared.Rent(needed));
        try
        {
            Span<ulong> n = scratch[..limbs];
            Span<ulong> s = scratch.Slice(limbs, limbs);
            Span<ulong> sMont = scratch.Slice(2 * limbs, limbs);
            Span<ulong> temp = scratch.Slice(3 * limbs, limbs + 1);
            Span<ulong> digitScratch = scratch[((4 * limbs) + 1)..];
            Span<ulong> nDigits = digitScratch[..stride];
            Span<ulong> sDigits = digitScratch.Slice(stride, stride);
            Span<ulong> sMontDigits = digitScratch.Slice(2 * stride, stride);
            Span<ulong> acc = digitScratch.Slice(3 * stride, stride);
            Span<ulong> columns = digitScratch.Slice(4 * stride, 2 * digits);

            FromBigEndian(modulus, n);
            FromBigEndian(signature, s);

            // RFC 8017 §5.2.2 step 1: 0 <= s < n.
            if (Compare(s, n) >= 0)
            {
                return false;
            }

            MultiplyByPowerOfTwo(s, n, w * digits, sMont, temp);
            ToDigits(n, w, nDigits);
            ToDigits(s, w, sDigits);
            ToDigits(sMont, w, sMontDigits);
            ulong inverse = NegativeInverse(n[0]) & ((1UL << w) - 1);

            // As in TryModPowLimbs: the bits of e below the top one, then the last one by a multiplication by the
            // plain s, which leaves Montgomery form.
            sMontDigits.CopyTo(acc);
            int top = 63 - BitOperations.LeadingZeroCount(exponent);
            for (int bit = top - 1; bit >= 1; bit--)
            {
                AlmostMontgomerySquare(acc, nDigits, inverse, w, digits, columns);
                if (((exponent >> bit) & 1) != 0)
                {
                    AlmostMontgomeryMultiply(acc, sMontDigits, nDigits, inverse, w, digits, columns);
                }
            }

            AlmostMontgomerySquare(acc, nDigits, inverse, w, digits, columns);
            AlmostMontgomeryMultiply(acc, sDigits, nDigits, inverse, w, digits, columns);

            // acc < 2n (an almost-reduced product): back to limbs, one conditional subtraction.
            Span<ulong> result = temp[..(limbs + 1)];
            FromDigits(acc[..digits], w, result);
            if (result[limbs] != 0 || Compare(result[..limbs], n) >= 0)
            {
                SubtractWithTop(result, n);
            }

            Debug.Assert(result[limbs] == 0 && Compare(result[..limbs], n) < 0, "fully reduced");
            ToBigEndian(result[..limbs], output);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// a = a·b·2^(-wD) mod n, almost reduced: for a, b &lt; 2n (digits below 2^w, four zero digits above D) the result
    /// is below 2n, in normalized digits. <paramref name="b"/> may be <paramref name="a"/>; <paramref name="columns"/>
    /// holds 2D lanes of scratch.
    /// </summary>
    internal static void AlmostMontgomeryMultiply(Span<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> n, ulong inverse, int w, int digits, Span<ulong> columns)
    {
        if (digits % 4 != 0 || a.Length < digits + 4 || b.Length < digits || n.Length < digits + 4 || columns.Length < 2 * digits)
        {
            throw new UnreachableException();
        }

        ulong mask = (1UL << w) - 1;
        columns[..(2 * digits)].Clear();
        ref ulong ap = ref MemoryMarshal.GetReference(a);
        ref ulong bp = ref MemoryMarshal.GetReference(b);
        ref ulong np = ref MemoryMarshal.GetReference(n);
        ref ulong tp = ref MemoryMarshal.GetReference(columns);
        ulong a0 = ap, a1 = Unsafe.Add(ref ap, 1), a2 = Unsafe.Add(ref ap, 2), a3 = Unsafe.Add(ref ap, 3);
        ulong n0 = np, n1 = Unsafe.Add(ref np, 1), n2 = Unsafe.Add(ref np, 2), n3 = Unsafe.Add(ref np, 3);
        ulong carry = 0;

        unchecked
        {
            for (int i = 0; i < digits; i += 4)
            {
                // Columns i..i+3 in full: what the earlier blocks left there, the carry, and this block's own
                // products (a[j]·b[i+k] and n[j]·q[k] with j + k = column - i); each q clears its column's low w bits.
                ulong b0 = Unsafe.Add(ref bp, i), b1 = Unsafe.Add(ref bp, i + 1), b2 = Unsafe.Add(ref bp, i + 2), b3 = Unsafe.Add(ref bp, i + 3);
                ulong v = Unsafe.Add(ref tp, i) + carry + (a0 * b0);
                ulong q0 = (v * inverse) & mask;
                carry = (v + (n0 * q0)) >> w;
                v = Unsafe.Add(ref tp, i + 1) + carry + (a1 * b0) + (n1 * q0) + (a0 * b1);
                ulong q1 = (v * inverse) & mask;
                carry = (v + (n0 * q1)) >> w;
                v = Unsafe.Add(ref tp, i + 2) + carry + (a2 * b0) + (n2 * q0) + (a1 * b1) + (n1 * q1) + (a0 * b2);
                ulong q2 = (v * inverse) & mask;
                carry = (v + (n0 * q2)) >> w;
                v = Unsafe.Add(ref tp, i + 3) + carry + (a3 * b0) + (n3 * q0) + (a2 * b1) + (n2 * q1) + (a1 * b2) + (n1 * q2) + (a0 * b3);
                ulong q3 = (v * inverse) & mask;
                carry = (v + (n0 * q3)) >> w;

                // Columns i+4 .. i+D+3 (o is the offset from i): + a[o-k..]·b[i+k] + n[o-k..]·q[k] for k = 0..3.
                Vector256<uint> vb0 = Vector256.Create(b0).AsUInt32(), vb1 = Vector256.Create(b1).AsUInt32();
                Vector256<uint> vb2 = Vector256.Create(b2).AsUInt32(), vb3 = Vector256.Create(b3).AsUInt32();
                Vector256<uint> vq0 = Vector256.Create(q0).AsUInt32(), vq1 = Vector256.Create(q1).AsUInt32();
                Vector256<uint> vq2 = Vector256.Create(q2).AsUInt32(), vq3 = Vector256.Create(q3).AsUInt32();
                ref ulong block = ref Unsafe.Add(ref tp, i);
                for (int o = 4; o <= digits; o += 4)
                {
                    Vector256<ulong> s0 = Avx2.Multiply(Vector256.LoadUnsafe(ref ap, (nuint)o).AsUInt32(), vb0)
                        + Avx2.Multiply(Vector256.LoadUnsafe(ref np, (nuint)o).AsUInt32(), vq0);
                    Vector256<ulong> s1 = Avx2.Multiply(Vector256.LoadUnsafe(ref ap, (nuint)(o - 1)).AsUInt32(), vb1)
                        + Avx2.Multiply(Vector256.LoadUnsafe(ref np, (nuint)(o - 1)).AsUInt32(), vq1);
                    Vector256<ulong> s2 = Avx2.Multiply(Vector256.LoadUnsafe(ref ap, (nuint)(o - 2)).AsUInt32(), vb2)
                        + Avx2.Multiply(Vector256.LoadUnsafe(ref np, (nuint)(o - 2)).AsUInt32(), vq2);
                    Vector256<ulong> s3 = Avx2.Multiply(Vector256.LoadUnsafe(ref ap, (nuint)(o - 3)).AsUInt32(), vb3)
                        + Avx2.Multiply(Vector256.LoadUnsafe(ref np, (nuint)(o - 3)).AsUInt32(), vq3);
                    (Vector256.LoadUnsafe(ref block, (nuint)o) + ((s0 + s1) + (s2 + s3))).StoreUnsafe(ref block, (nuint)o);
                }
            }

            // The product divided by R sits in columns D..2D-1, plus the carry out of column D-1: normalize into a.
            for (int j = 0; j < digits; j++)
            {
                ulong column = Unsafe.Add(ref tp, digits + j) + carry;
                Unsafe.Add(ref ap, j) = column & mask;
                carry = column >> w;
            }
        }

        Debug.Assert(carry == 0, "below R");
    }

    /// <summary>
    /// a = a²·2^(-wD) mod n, almost reduced, as <see cref="AlmostMontgomeryMultiply"/> with b = a, in two passes: the
    /// square first (each cross product once, against a doubled digit: about D²/2 digit products instead of D²), then
    /// the reduction (D² products of n and the quotient digits). A column still receives at most 2D products' worth.
    /// </summary>
    internal static void AlmostMontgomerySquare(Span<ulong> a, ReadOnlySpan<ulong> n, ulong inverse, int w, int digits, Span<ulong> columns)
    {
        if (digits % 4 != 0 || a.Length < digits + 4 || n.Length < digits + 4 || columns.Length < 2 * digits)
        {
            throw new UnreachableException();
        }

        ulong mask = (1UL << w) - 1;
        columns[..(2 * digits)].Clear();
        ref ulong ap = ref MemoryMarshal.GetReference(a);
        ref ulong np = ref MemoryMarshal.GetReference(n);
        ref ulong tp = ref MemoryMarshal.GetReference(columns);

        unchecked
        {
            // The square, rows i..i+3 at a time: row i + k adds 2·a[i+k]·a[j] at column i + k + j for j > i + k, and
            // a[i+k]² at column 2(i + k). Columns 2i..2i+7 in scalar; from 2i + 8 on every j is above the rows' own
            // digits, so the vector pass needs no masking.
            for (int i = 0; i < digits; i += 4)
            {
                ref ulong row = ref Unsafe.Add(ref ap, i);
                ulong x0 = row, x1 = Unsafe.Add(ref row, 1), x2 = Unsafe.Add(ref row, 2), x3 = Unsafe.Add(ref row, 3);
                ulong x4 = Unsafe.Add(ref row, 4), x5 = Unsafe.Add(ref row, 5), x6 = Unsafe.Add(ref row, 6), x7 = Unsafe.Add(ref row, 7);
                ulong d0 = x0 << 1, d1 = x1 << 1, d2 = x2 << 1, d3 = x3 << 1;
                ref ulong c = ref Unsafe.Add(ref tp, 2 * i);
                c += x0 * x0;
                Unsafe.Add(ref c, 1) += d0 * x1;
                Unsafe.Add(ref c, 2) += (d0 * x2) + (x1 * x1);
                Unsafe.Add(ref c, 3) += (d0 * x3) + (d1 * x2);
                Unsafe.Add(ref c, 4) += (d0 * x4) + (d1 * x3) + (x2 * x2);
                Unsafe.Add(ref c, 5) += (d0 * x5) + (d1 * x4) + (d2 * x3);
                Unsafe.Add(ref c, 6) += (d0 * x6) + (d1 * x5) + (d2 * x4) + (x3 * x3);
                Unsafe.Add(ref c, 7) += (d0 * x7) + (d1 * x6) + (d2 * x5) + (d3 * x4);

                Vector256<uint> vd0 = Vector256.Create(d0).AsUInt32(), vd1 = Vector256.Create(d1).AsUInt32();
                Vector256<uint> vd2 = Vector256.Create(d2).AsUInt32(), vd3 = Vector256.Create(d3).AsUInt32();
                ref ulong block = ref Unsafe.Add(ref tp, i);
                for (int o = i + 8; o <= digits; o += 4)
                {
                    Vector256<ulong> s = (Avx2.Multiply(Vector256.LoadUnsafe(ref ap, (nuint)o).AsUInt32(), vd0)
                        + Avx2.Multiply(Vector256.LoadUnsafe(ref ap, (nuint)(o - 1)).AsUInt32(), vd1))
                        + (Avx2.Multiply(Vector256.LoadUnsafe(ref ap, (nuint)(o - 2)).AsUInt32(), vd2)
                        + Avx2.Multiply(Vector256.LoadUnsafe(ref ap, (nuint)(o - 3)).AsUInt32(), vd3));
                    (Vector256.LoadUnsafe(ref block, (nuint)o) + s).StoreUnsafe(ref block, (nuint)o);
                }
            }

            // The reduction, four quotient digits at a time as in AlmostMontgomeryMultiply.
            ulong n0 = np, n1 = Unsafe.Add(ref np, 1), n2 = Unsafe.Add(ref np, 2), n3 = Unsafe.Add(ref np, 3);
            ulong carry = 0;
            for (int i = 0; i < digits; i += 4)
            {
                ulong v = Unsafe.Add(ref tp, i) + carry;
                ulong q0 = (v * inverse) & mask;
                carry = (v + (n0 * q0)) >> w;
                v = Unsafe.Add(ref tp, i + 1) + carry + (n1 * q0);
                ulong q1 = (v * inverse) & mask;
                carry = (v + (n0 * q1)) >> w;
                v = Unsafe.Add(ref tp, i + 2) + carry + (n2 * q0) + (n1 * q1);
                ulong q2 = (v * inverse) & mask;
                carry = (v + (n0 * q2)) >> w;
                v = Unsafe.Add(ref tp, i + 3) + carry + (n3 * q0) + (n2 * q1) + (n1 * q2);
                ulong q3 = (v * inverse) & mask;
                carry = (v + (n0 * q3)) >> w;

                Vector256<uint> vq0 = Vector256.Create(q0).AsUInt32(), vq1 = Vector256.Create(q1).AsUInt32();
                Vector256<uint> vq2 = Vector256.Create(q2).AsUInt32(), vq3 = Vector256.Create(q3).AsUInt32();
                ref ulong block = ref Unsafe.Add(ref tp, i);
                for (int o = 4; o <= digits; o += 4)
                {
                    Vector256<ulong> s = (Avx2.Multiply(Vector256.LoadUnsafe(ref np, (nuint)o).AsUInt32(), vq0)
                        + Avx2.Multiply(Vector256.LoadUnsafe(ref np, (nuint)(o - 1)).AsUInt32(), vq1))
                        + (Avx2.Multiply(Vector256.LoadUnsafe(ref np, (nuint)(o - 2)).AsUInt32(), vq2)
                        + Avx2.Multiply(Vector256.LoadUnsafe(ref np, (nuint)(o - 3)).AsUInt32(), vq3));
                    (Vector256.LoadUnsafe(ref block, (nuint)o) + s).StoreUnsafe(ref block, (nuint)o);
                }
            }

            for (int j = 0; j < digits; j++)
            {
                ulong column = Unsafe.Add(ref tp, digits + j) + carry;
                Unsafe.Add(ref ap, j) = column & mask;
                carry = column >> w;
            }

            Debug.Assert(carry == 0, "below R");
        }
    }

    /// <summary>Little-endian limbs into w-bit digits; all of <paramref name="digits"/> is written.</summary>
    internal static void ToDigits(ReadOnlySpan<ulong> limbs, int w, Span<ulong> digits)
    {
        ulong mask = (1UL << w) - 1;
        digits.Clear();
        int bit = 0;
        for (int i = 0; i < digits.Length; i++, bit += w)
        {
            int limb = bit >> 6;
            int shift = bit & 63;
            if (limb >= limbs.Length)
            {
                break;
            }

            ulong value = limbs[limb] >> shift;
            if (shift + w > 64 && limb + 1 < limbs.Length)
            {
                value |= limbs[limb + 1] << (64 - shift);
            }

            digits[i] = value & mask;
        }
    }

    /// <summary>Normalized w-bit digits into little-endian limbs; the value must fit in <paramref name="limbs"/>.</summary>
    internal static void FromDigits(ReadOnlySpan<ulong> digits, int w, Span<ulong> limbs)
    {
        limbs.Clear();
        int bit = 0;
        for (int i = 0; i < digits.Length; i++, bit += w)
        {
            ulong digit = digits[i];
            if (digit == 0)
            {
                continue;
            }

            int limb = bit >> 6;
            int shift = bit & 63;
            limbs[limb] |= digit << shift;
            if (shift + w > 64)
            {
                limbs[limb + 1] |= digit >> (64 - shift);
            }
        }
    }

    // x -= y, where x has one limb more than y (the value is known to stay non-negative).
    private static void SubtractWithTop(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        unchecked
        {
            ulong borrow = 0;
            for (int i = 0; i < x.Length; i++)
            {
                ulong xi = x[i];
                ulong yi = i < y.Length ? y[i] : 0;
                ulong d = xi - yi - borrow;
                borrow = (xi < yi || (xi == yi && borrow != 0)) ? 1UL : 0UL;
                x[i] = d;
            }
        }
    }
}
