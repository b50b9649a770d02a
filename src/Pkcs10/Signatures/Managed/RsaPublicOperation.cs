using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// The RSA public operation RSAVP1 (RFC 8017 §5.2.2), m = s^e mod n, with Montgomery multiplication: on 64-bit
/// limbs here, and on 28-bit digits in AVX2 vector lanes in RsaPublicOperation.Digits.cs (used where the processor
/// has AVX2). Public data only: nothing here is constant-time, and nothing needs to be.
/// </summary>
/// <remarks>
/// <para>
/// In the limb form, numbers are little-endian arrays of <see cref="ulong"/> limbs, all of the modulus' limb count L.
/// Montgomery multiplication is CIOS (Koç, Acar, Kaliski 1996, "Analyzing and comparing Montgomery
/// multiplication algorithms") with the multiply and reduce rows fused into one inner loop (m is found from
/// the low limb first), R = 2^(64L). A product's low half is plain <c>a * b</c> and its high half comes
/// from <c>mulx</c> (<see cref="Bmi2.X64.MultiplyNoFlags(ulong, ulong)"/>) or <c>umulh</c>, with carries
/// as explicit compares; this measured faster than <see cref="UInt128"/> sums of
/// <see cref="Math.BigMul(ulong, ulong)"/> here, and the <c>out</c> overload made the JIT spill in the EdDSA code.
/// </para>
/// <para>
/// Squarings (16 of the 17 multiplications for e = 65537) use <see cref="Square"/>: each cross product once,
/// doubled, then a separate Montgomery reduction, about 3L²/2 multiply-adds instead of 2L².
/// </para>
/// <para>
/// Exponentiation is left-to-right binary over e's bits (e &lt; 2^33 is enforced by the caller), with
/// the last bit (e is odd) folded into a final multiplication by the plain s, which leaves Montgomery form
/// for free: for e = 65537 that is one conversion, 16 squarings and one multiplication.
/// </para>
/// <para>
/// No R² mod n is computed: s·R mod n comes straight from L steps of "shift s left by one limb and reduce
/// mod n" (<see cref="MultiplyByPowerOfTwo"/>) with a one-limb quotient estimate (Knuth's algorithm D on a normalized n), about L² multiply-adds,
/// half of one Montgomery multiplication. The usual route (R² mod n by doubling and squaring, then one
/// Montgomery multiplication) measured about 7 multiplications' worth here, a third of the whole verification.
/// </para>
/// <para>
/// Scratch lives on the stack up to <see cref="MaxStackLimbs"/> limbs (4096-bit moduli) and comes from
/// <see cref="ArrayPool{T}.Shared"/> above that, so the path allocates nothing after warm-up.
/// </para>
/// </remarks>
internal static partial class RsaPublicOperation
{
    /// <summary>The largest modulus, in limbs, whose scratch is stack-allocated (4096 bits: 7 × 64 × 8 ≈ 3.6 KB).</summary>
    public const int MaxStackLimbs = 64;

    // n, s, s·R, the accumulator, the normalized modulus and the double-width row (2L + 2 limbs).
    private const int ScratchNumbers = 7;

    /// <summary>
    /// Computes m = s^e mod n and writes it big-endian into <paramref name="output"/> (left-padded with zeros): on
    /// 28-bit digits in AVX2 lanes where the processor has AVX2 (<see cref="TryModPowDigits"/>), else on 64-bit limbs
    /// (<see cref="TryModPowLimbs"/>). Both give the same results; the tests run both.
    /// </summary>
    /// <param name="modulus">n, big-endian, no leading zero octet, odd, at least 2 octets.</param>
    /// <param name="exponent">e, odd, 3 ≤ e &lt; 2^33 (checked by the caller).</param>
    /// <param name="signature">s, big-endian, exactly as long as <paramref name="modulus"/>.</param>
    /// <param name="output">Receives m; exactly as long as <paramref name="modulus"/>.</param>
    /// <returns><see langword="false"/> when s ≥ n ("signature representative out of range").</returns>
    public static bool TryModPow(ReadOnlySpan<byte> modulus, ulong exponent, ReadOnlySpan<byte> signature, Span<byte> output) =>
        Avx2.IsSupported
            ? TryModPowDigits(modulus, exponent, signature, output)
            : TryModPowLimbs(modulus, exponent, signature, output);

    /// <summary><see cref="TryModPow"/> on 64-bit limbs (any processor).</summary>
    internal static bool TryModPowLimbs(ReadOnlySpan<byte> modulus, ulong exponent, ReadOnlySpan<byte> signature, Span<byte> output)
    {
        Debug.Assert(modulus.Length >= 2 && modulus[0] != 0 && (modulus[^1] & 1) == 1, "normalized odd modulus");
        Debug.Assert(signature.Length == modulus.Length && output.Length == modulus.Length, "k octets each");
        Debug.Assert(exponent >= 3 && (exponent & 1) == 1, "odd e >= 3");

        int limbs = (modulus.Length + 7) / 8;
        int needed = (ScratchNumbers * limbs) + 2;
        ulong[]? rented = null;
        Span<ulong> scratch = limbs <= MaxStackLimbs
            ? stackalloc ulong[(ScratchNumbers * MaxStackLimbs) + 2]
            : (rented = ArrayPool<ulong>.Shared.Rent(needed));
        try
        {
            Span<ulong> n = scratch[..limbs];
            Span<ulong> s = scratch.Slice(limbs, limbs);
            Span<ulong> sMont = scratch.Slice(2 * limbs, limbs);
            Span<ulong> acc = scratch.Slice(3 * limbs, limbs);
            Span<ulong> normalized = scratch.Slice(4 * limbs, limbs);
            Span<ulong> row = scratch.Slice(5 * limbs, (2 * limbs) + 2);

            FromBigEndian(modulus, n);
            FromBigEndian(signature, s);

            // RFC 8017 §5.2.2 step 1: 0 <= s < n.
            if (Compare(s, n) >= 0)
            {
                return false;
            }

            ulong n0Inv = NegativeInverse(n[0]);

            // s·R mod n (Montgomery form), then the bits of e below the top one, except the last.
            ToMontgomery(s, n, sMont, normalized);
            sMont.CopyTo(acc);
            if (exponent == 65537)
            {
                // 2^16 + 1: fifteen squarings here and one below.
                for (int i = 0; i < 15; i++)
                {
                    Square(acc, n, n0Inv, acc, row);
                }
            }
            else
            {
                int top = 63 - BitOperations.LeadingZeroCount(exponent);
                for (int bit = top - 1; bit >= 1; bit--)
                {
                    Square(acc, n, n0Inv, acc, row);
                    if (((exponent >> bit) & 1) != 0)
                    {
                        Multiply(acc, sMont, n, n0Inv, acc, row);
                    }
                }
            }

            // The last bit is 1: square, then multiply by the plain s; (x·R)·s·R⁻¹ = x·s leaves Montgomery form.
            Square(acc, n, n0Inv, acc, row);
            Multiply(acc, s, n, n0Inv, acc, row);

            ToBigEndian(acc, output);
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

    /// <summary>-n⁻¹ mod 2^64 for odd n0, by Newton iteration (each step doubles the correct low bits).</summary>
    internal static ulong NegativeInverse(ulong n0)
    {
        Debug.Assert((n0 & 1) == 1, "odd");
        unchecked
        {
            ulong x = (3 * n0) ^ 2; // correct to 5 bits (Montgomery's trick)
            x *= 2 - (n0 * x);      // 10
            x *= 2 - (n0 * x);      // 20
            x *= 2 - (n0 * x);      // 40
            x *= 2 - (n0 * x);      // 80 ≥ 64
            return 0 - x;
        }
    }

    /// <summary>
    /// result = x·R mod n for x &lt; n, by L steps of "shift left one limb, reduce" (Knuth's algorithm D with a
    /// one-limb quotient): no R² mod n is needed. <paramref name="temp"/> holds L limbs of scratch.
    /// </summary>
    internal static void ToMontgomery(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> n, Span<ulong> result, Span<ulong> temp) =>
        MultiplyByPowerOfTwo(x, n, 64 * n.Length, result, temp);

    /// <summary>
    /// result = x·2^<paramref name="shift"/> mod n for x &lt; n, by steps of "shift left by up to one limb, reduce"
    /// (Knuth's algorithm D with a one-limb quotient). <paramref name="temp"/> holds L limbs of scratch.
    /// </summary>
    internal static void MultiplyByPowerOfTwo(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> n, int shift, Span<ulong> result, Span<ulong> temp)
    {
        int limbs = n.Length;
        if (x.Length != limbs || result.Length != limbs || temp.Length < limbs || shift < 0)
        {
            throw new UnreachableException();
        }

        // Normalize: d = n << norm has its top bit set, so each estimated quotient digit is at most 2 too large
        // (Knuth TAOCP vol. 2, §4.3.1, Theorem B). v = x << norm < d fits in L limbs because x < n.
        int norm = BitOperations.LeadingZeroCount(n[^1]);
        Span<ulong> d = temp[..limbs];
        ShiftLeft(n, norm, d);
        ShiftLeft(x, norm, result);
        for (int done = 0; done < shift;)
        {
            int step = Math.Min(64, shift - done);
            ShiftStep(result, d, step);
            done += step;
        }

        // v = (x·2^shift mod n) << norm.
        ShiftRight(result, norm);
    }

    // v = v·2^bits mod d in place, for 1 ≤ bits ≤ 64, v < d and d normalized (top bit set).
    private static void ShiftStep(Span<ulong> v, ReadOnlySpan<ulong> d, int bits)
    {
        int limbs = d.Length;
        ref ulong vp = ref MemoryMarshal.GetReference(v);
        ref ulong dp = ref MemoryMarshal.GetReference(d);
        ulong dTop = Unsafe.Add(ref dp, limbs - 1);

        unchecked
        {
            // w = v·2^bits over L + 1 limbs: w[j] = Shifted(v[j], v[j - 1]), w[L] = Shifted(0, v[L - 1]).
            // q̂ from w's top two limbs; w[L] ≤ dTop because v < d.
            ulong vTop = Unsafe.Add(ref vp, limbs - 1);
            ulong u1 = Shifted(0, vTop, bits);
            ulong u0 = Shifted(vTop, limbs >= 2 ? Unsafe.Add(ref vp, limbs - 2) : 0, bits);
            ulong q = u1 >= dTop ? ulong.MaxValue : (ulong)((((UInt128)u1 << 64) | u0) / dTop);

            // v = w - q·d over L + 1 limbs, in place (prev carries the old limb one place up).
            ulong prev = 0, productCarry = 0, borrow = 0;
            for (int j = 0; j < limbs; j++)
            {
                ulong dj = Unsafe.Add(ref dp, j);
                ulong pl = q * dj;
                ulong ph = WideMultiply.High(q, dj);
                pl += productCarry;
                ph += pl < productCarry ? 1UL : 0UL;
                productCarry = ph;

                ref ulong vj = ref Unsafe.Add(ref vp, j);
                ulong old = vj;
                ulong wj = Shifted(old, prev, bits);
                ulong diff = wj - pl;
                ulong b1 = wj < pl ? 1UL : 0UL;
                ulong diff2 = diff - borrow;
                b1 += diff < borrow ? 1UL : 0UL;
                vj = diff2;
                borrow = b1;
                prev = old;
            }

            // The top limb: w[L] - productCarry - borrow, as a two's-complement value (0, or -1/-2 when q̂ was too large).
            ulong top = u1 - productCarry - borrow;
            while (top != 0)
            {
                // Add d back (at most twice).
                ulong carry = 0;
                for (int j = 0; j < limbs; j++)
                {
                    ref ulong vj = ref Unsafe.Add(ref vp, j);
                    ulong dj = Unsafe.Add(ref dp, j);
                    ulong sum = vj + dj;
                    ulong c = sum < dj ? 1UL : 0UL;
                    sum += carry;
                    c += sum < carry ? 1UL : 0UL;
                    vj = sum;
                    carry = c;
                }

                top += carry;
            }
        }
    }

    // Limb j of (value·2^bits) given value's limbs j (current) and j - 1 (previous); bits = 64 is a whole-limb shift.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Shifted(ulong current, ulong previous, int bits) =>
        bits == 64 ? previous : unchecked((current << bits) | (previous >> (64 - bits)));

    private static void ShiftLeft(ReadOnlySpan<ulong> value, int shift, Span<ulong> result)
    {
        if (shift == 0)
        {
            value.CopyTo(result);
            return;
        }

        ulong carry = 0;
        for (int i = 0; i < value.Length; i++)
        {
            ulong limb = value[i];
            result[i] = unchecked((limb << shift) | carry);
            carry = limb >> (64 - shift);
        }
    }

    private static void ShiftRight(Span<ulong> value, int shift)
    {
        if (shift == 0)
        {
            return;
        }

        for (int i = 0; i < value.Length; i++)
        {
            ulong next = i + 1 < value.Length ? value[i + 1] : 0;
            value[i] = unchecked((value[i] >> shift) | (next << (64 - shift)));
        }
    }

    /// <summary>
    /// result = a·b·R⁻¹ mod n (CIOS), fully reduced, for a, b &lt; n. <paramref name="result"/> may alias
    /// <paramref name="a"/> or <paramref name="b"/>; <paramref name="row"/> holds L + 2 limbs of scratch.
    /// </summary>
    internal static void Multiply(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> n, ulong n0Inv, Span<ulong> result, Span<ulong> row)
    {
        int limbs = n.Length;
        if (a.Length != limbs || b.Length != limbs || result.Length != limbs || row.Length < limbs + 2)
        {
            throw new UnreachableException();
        }

        row = row[..(limbs + 2)];
        row.Clear();
        ref ulong t = ref MemoryMarshal.GetReference(row);
        ref ulong ap = ref MemoryMarshal.GetReference(a);
        ref ulong bp = ref MemoryMarshal.GetReference(b);
        ref ulong np = ref MemoryMarshal.GetReference(n);
        ulong a0 = ap, n0 = np;

        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                // One pass computes t = (t + a·b[i] + m·n) / 2^64, with m = -(t + a·b[i])·n⁻¹ mod 2^64 chosen from
                // the low limb first, so that the multiply and reduce rows share the loop (c1, c2: their carries).
                ulong bi = Unsafe.Add(ref bp, i);
                ulong lo = a0 * bi;
                ulong hi = WideMultiply.High(a0, bi);
                lo += t;
                hi += lo < t ? 1UL : 0UL;
                ulong c1 = hi;
                ulong m = lo * n0Inv;
                ulong lo2 = m * n0;
                ulong c2 = WideMultiply.High(m, n0) + (lo2 + lo < lo2 ? 1UL : 0UL); // lo2 + lo ≡ 0 mod 2^64 by the choice of m

                for (int j = 1; j < limbs; j++)
                {
                    ulong aj = Unsafe.Add(ref ap, j);
                    ulong tj = Unsafe.Add(ref t, j);
                    lo = aj * bi;
                    hi = WideMultiply.High(aj, bi);
                    lo += tj;
                    hi += lo < tj ? 1UL : 0UL;
                    lo += c1;
                    hi += lo < c1 ? 1UL : 0UL;
                    c1 = hi;

                    ulong nj = Unsafe.Add(ref np, j);
                    lo2 = m * nj;
                    ulong hi2 = WideMultiply.High(m, nj);
                    lo2 += lo;
                    hi2 += lo2 < lo ? 1UL : 0UL;
                    lo2 += c2;
                    hi2 += lo2 < c2 ? 1UL : 0UL;
                    c2 = hi2;
                    Unsafe.Add(ref t, j - 1) = lo2;
                }

                // t < 2n throughout, so the top is t[L] ∈ {0, 1}.
                ulong top = Unsafe.Add(ref t, limbs);
                ulong sum = top + c1;
                ulong carry = sum < c1 ? 1UL : 0UL;
                sum += c2;
                carry += sum < c2 ? 1UL : 0UL;
                Unsafe.Add(ref t, limbs - 1) = sum;
                Unsafe.Add(ref t, limbs) = carry;
            }
        }

        // t < 2n: one conditional subtraction.
        Span<ulong> low = row[..limbs];
        if (row[limbs] != 0 || Compare(low, n) >= 0)
        {
            SubtractInPlace(low, n);
        }

        low.CopyTo(result);
    }

    /// <summary>
    /// result = a²·R⁻¹ mod n, fully reduced, for a &lt; n: the off-diagonal products once, doubled, plus the
    /// squares (L(L+1)/2 multiplications instead of L²), then a separate Montgomery reduction (L²).
    /// <paramref name="result"/> may alias <paramref name="a"/>; <paramref name="row"/> holds 2L + 2 limbs.
    /// </summary>
    internal static void Square(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> n, ulong n0Inv, Span<ulong> result, Span<ulong> row)
    {
        int limbs = n.Length;
        if (a.Length != limbs || result.Length != limbs || row.Length < (2 * limbs) + 2)
        {
            throw new UnreachableException();
        }

        Span<ulong> wide = row[..(2 * limbs)];
        wide.Clear();
        ref ulong t = ref MemoryMarshal.GetReference(wide);
        ref ulong ap = ref MemoryMarshal.GetReference(a);
        ref ulong np = ref MemoryMarshal.GetReference(n);

        unchecked
        {
            // t = Σ_{i<j} a[i]·a[j]·2^(64(i+j)).
            for (int i = 0; i < limbs - 1; i++)
            {
                ulong ai = Unsafe.Add(ref ap, i);
                ulong carry = 0;
                for (int j = i + 1; j < limbs; j++)
                {
                    ulong aj = Unsafe.Add(ref ap, j);
                    ref ulong tij = ref Unsafe.Add(ref t, i + j);
                    ulong lo = ai * aj;
                    ulong hi = WideMultiply.High(ai, aj);
                    lo += tij;
                    hi += lo < tij ? 1UL : 0UL;
                    lo += carry;
                    hi += lo < carry ? 1UL : 0UL;
                    tij = lo;
                    carry = hi;
                }

                Unsafe.Add(ref t, i + limbs) = carry;
            }

            // t = 2t + Σ a[i]²·2^(128i): a² < 2^(128L), so nothing leaves the 2L limbs.
            ulong shiftedOut = 0;
            ulong addCarry = 0;
            for (int i = 0; i < limbs; i++)
            {
                ulong ai = Unsafe.Add(ref ap, i);
                ulong sqLo = ai * ai;
                ulong sqHi = WideMultiply.High(ai, ai);

                ref ulong t0 = ref Unsafe.Add(ref t, 2 * i);
                ref ulong t1 = ref Unsafe.Add(ref t, (2 * i) + 1);
                ulong w0 = (t0 << 1) | shiftedOut;
                ulong w1 = (t1 << 1) | (t0 >> 63);
                shiftedOut = t1 >> 63;

                ulong r0 = w0 + sqLo;
                ulong c = r0 < sqLo ? 1UL : 0UL;
                r0 += addCarry;
                c += r0 < addCarry ? 1UL : 0UL;
                ulong r1 = w1 + sqHi;
                ulong c1 = r1 < sqHi ? 1UL : 0UL;
                r1 += c;
                c1 += r1 < c ? 1UL : 0UL;
                t0 = r0;
                t1 = r1;
                addCarry = c1;
            }

            // Montgomery reduction: L times t += m·n·2^(64i) with t[i] cleared; extra is the carry into t[i + L + 1].
            ulong extra = 0;
            for (int i = 0; i < limbs; i++)
            {
                ref ulong ti = ref Unsafe.Add(ref t, i);
                ulong m = ti * n0Inv;
                ulong carry = 0;
                for (int j = 0; j < limbs; j++)
                {
                    ulong nj = Unsafe.Add(ref np, j);
                    ref ulong tij = ref Unsafe.Add(ref ti, j);
                    ulong lo = m * nj;
                    ulong hi = WideMultiply.High(m, nj);
                    lo += tij;
                    hi += lo < tij ? 1UL : 0UL;
                    lo += carry;
                    hi += lo < carry ? 1UL : 0UL;
                    tij = lo;
                    carry = hi;
                }

                ref ulong top = ref Unsafe.Add(ref ti, limbs);
                ulong sum = top + carry;
                ulong c = sum < carry ? 1UL : 0UL;
                sum += extra;
                c += sum < extra ? 1UL : 0UL;
                top = sum;
                extra = c;
            }

            // The result is t[L..2L) plus extra·R, below 2n: one conditional subtraction.
            Span<ulong> high = wide[limbs..];
            if (extra != 0 || Compare(high, n) >= 0)
            {
                SubtractInPlace(high, n);
            }

            high.CopyTo(result);
        }
    }

    // x -= y (the borrow out of the top limb, if any, is dropped: callers know the true result fits).
    private static void SubtractInPlace(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        unchecked
        {
            ulong borrow = 0;
            for (int i = 0; i < x.Length; i++)
            {
                ulong xi = x[i];
                ulong yi = y[i];
                ulong d = xi - yi - borrow;
                borrow = (xi < yi || (xi == yi && borrow != 0)) ? 1UL : 0UL;
                x[i] = d;
            }
        }
    }

    internal static int Compare(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        for (int i = x.Length - 1; i >= 0; i--)
        {
            if (x[i] != y[i])
            {
                return x[i] < y[i] ? -1 : 1;
            }
        }

        return 0;
    }

    /// <summary>Big-endian octets into little-endian limbs (all of <paramref name="limbs"/> is written).</summary>
    internal static void FromBigEndian(ReadOnlySpan<byte> value, Span<ulong> limbs)
    {
        Debug.Assert(value.Length <= 8 * limbs.Length, "fits");
        int end = value.Length;
        for (int i = 0; i < limbs.Length; i++)
        {
            if (end >= 8)
            {
                limbs[i] = BinaryPrimitives.ReadUInt64BigEndian(value.Slice(end - 8, 8));
                end -= 8;
            }
            else
            {
                ulong v = 0;
                for (int j = 0; j < end; j++)
                {
                    v = (v << 8) | value[j];
                }

                limbs[i] = v;
                end = 0;
            }
        }
    }

    /// <summary>Little-endian limbs into big-endian octets; the value must fit in <paramref name="output"/>.</summary>
    internal static void ToBigEndian(ReadOnlySpan<ulong> limbs, Span<byte> output)
    {
        int end = output.Length;
        for (int i = 0; i < limbs.Length; i++)
        {
            ulong v = limbs[i];
            if (end >= 8)
            {
                BinaryPrimitives.WriteUInt64BigEndian(output.Slice(end - 8, 8), v);
                end -= 8;
            }
            else
            {
                for (int j = end - 1; j >= 0; j--)
                {
                    output[j] = unchecked((byte)v);
                    v >>= 8;
                }

                Debug.Assert(v == 0, "the value fits");
                end = 0;
            }
        }
    }
}
