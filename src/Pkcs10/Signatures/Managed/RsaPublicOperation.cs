using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// The RSA public operation RSAVP1 (RFC 8017 §5.2.2), m = s^e mod n, over fixed 64-bit limbs with
/// Montgomery multiplication. Public data only: nothing here is constant-time, and nothing needs to be.
/// </summary>
/// <remarks>
/// <para>
/// Numbers are little-endian arrays of <see cref="ulong"/> limbs, all of the modulus' limb count L.
/// Montgomery multiplication is CIOS (Koç, Acar, Kaliski 1996, "Analyzing and comparing Montgomery
/// multiplication algorithms"): one pass per limb of b, each a multiply-accumulate row followed by a
/// reduction row, with R = 2^(64L). Products come from <see cref="Math.BigMul(ulong, ulong)"/> returning
/// <see cref="UInt128"/> (kept in registers; the <c>out</c> overload made the JIT spill in the EdDSA code).
/// </para>
/// <para>
/// Exponentiation is left-to-right binary over e's bits (e &lt; 2^33 is enforced by the caller), with
/// the last bit (e is odd) folded into a final multiplication by the plain s, which leaves Montgomery form
/// for free: for e = 65537 that is one conversion, 16 squarings and one multiplication.
/// </para>
/// <para>
/// R² mod n comes without division: R mod n by doubling 2^(b-1) (b = bit length of n) up to 2^(64L),
/// then L more doublings give R·2^L mod n, the Montgomery form of 2^L; six Montgomery squarings turn it
/// into the form of 2^(64L) = R, i.e. R² mod n. That is at most L + 64 shift-and-subtract passes and
/// six multiplications, about a third of the cost of the e = 65537 exponentiation itself.
/// </para>
/// <para>
/// Scratch lives on the stack up to <see cref="MaxStackLimbs"/> limbs (4096-bit moduli) and comes from
/// <see cref="ArrayPool{T}.Shared"/> above that, so the path allocates nothing after warm-up.
/// </para>
/// </remarks>
internal static class RsaPublicOperation
{
    /// <summary>The largest modulus, in limbs, whose scratch is stack-allocated (4096 bits: 6 × 64 × 8 ≈ 3 KB).</summary>
    public const int MaxStackLimbs = 64;

    // n, s, s·R, the accumulator, R² and the CIOS row (which has two more limbs).
    private const int ScratchNumbers = 6;

    /// <summary>
    /// Computes m = s^e mod n and writes it big-endian into <paramref name="output"/> (left-padded with zeros).
    /// </summary>
    /// <param name="modulus">n, big-endian, no leading zero octet, odd, at least 2 octets.</param>
    /// <param name="exponent">e, odd, 3 ≤ e &lt; 2^33 (checked by the caller).</param>
    /// <param name="signature">s, big-endian, exactly as long as <paramref name="modulus"/>.</param>
    /// <param name="output">Receives m; exactly as long as <paramref name="modulus"/>.</param>
    /// <returns><see langword="false"/> when s ≥ n ("signature representative out of range").</returns>
    public static bool TryModPow(ReadOnlySpan<byte> modulus, ulong exponent, ReadOnlySpan<byte> signature, Span<byte> output)
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
            Span<ulong> r2 = scratch.Slice(4 * limbs, limbs);
            Span<ulong> row = scratch.Slice(5 * limbs, limbs + 2);

            FromBigEndian(modulus, n);
            FromBigEndian(signature, s);

            // RFC 8017 §5.2.2 step 1: 0 <= s < n.
            if (Compare(s, n) >= 0)
            {
                return false;
            }

            ulong n0Inv = NegativeInverse(n[0]);
            ComputeRSquared(n, n0Inv, r2, acc, row);

            // s·R mod n, then the bits of e below the top one, except the last.
            Multiply(s, r2, n, n0Inv, sMont, row);
            sMont.CopyTo(acc);
            if (exponent == 65537)
            {
                // 2^16 + 1: fifteen squarings here and one below.
                for (int i = 0; i < 15; i++)
                {
                    Multiply(acc, acc, n, n0Inv, acc, row);
                }
            }
            else
            {
                int top = 63 - BitOperations.LeadingZeroCount(exponent);
                for (int bit = top - 1; bit >= 1; bit--)
                {
                    Multiply(acc, acc, n, n0Inv, acc, row);
                    if (((exponent >> bit) & 1) != 0)
                    {
                        Multiply(acc, sMont, n, n0Inv, acc, row);
                    }
                }
            }

            // The last bit is 1: square, then multiply by the plain s; (x·R)·s·R⁻¹ = x·s leaves Montgomery form.
            Multiply(acc, acc, n, n0Inv, acc, row);
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

    /// <summary>R² mod n with R = 2^(64L), by doubling and six Montgomery squarings (see the type's remarks).</summary>
    internal static void ComputeRSquared(ReadOnlySpan<ulong> n, ulong n0Inv, Span<ulong> result, Span<ulong> temp, Span<ulong> row)
    {
        int limbs = n.Length;
        int bits = (64 * limbs) - BitOperations.LeadingZeroCount(n[^1]);
        Debug.Assert(n[^1] != 0, "normalized");

        // 2^(bits-1) < n (n is odd with that top bit, so it is not a power of two).
        temp.Clear();
        temp[(bits - 1) / 64] = 1UL << ((bits - 1) % 64);

        // Doubling from 2^(bits-1) to 2^(64L + L): (64L - bits + 1) + L steps, each x = 2x mod n.
        int doublings = (64 * limbs) - bits + 1 + limbs;
        for (int i = 0; i < doublings; i++)
        {
            DoubleMod(temp, n);
        }

        // temp = R·2^L mod n, the Montgomery form of 2^L; squaring six times gives that of 2^(64L) = R.
        for (int i = 0; i < 6; i++)
        {
            Multiply(temp, temp, n, n0Inv, temp, row);
        }

        temp.CopyTo(result);
    }

    // x = 2x mod n, for x < n.
    private static void DoubleMod(Span<ulong> x, ReadOnlySpan<ulong> n)
    {
        unchecked
        {
            ulong carry = 0;
            for (int i = 0; i < x.Length; i++)
            {
                ulong v = x[i];
                x[i] = (v << 1) | carry;
                carry = v >> 63;
            }

            if (carry != 0 || Compare(x, n) >= 0)
            {
                SubtractInPlace(x, n);
            }
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

        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                // t += a·b[i]
                ulong bi = Unsafe.Add(ref bp, i);
                ulong carry = 0;
                for (int j = 0; j < limbs; j++)
                {
                    UInt128 p = Math.BigMul(Unsafe.Add(ref ap, j), bi) + Unsafe.Add(ref t, j) + carry;
                    Unsafe.Add(ref t, j) = (ulong)p;
                    carry = (ulong)(p >> 64);
                }

                UInt128 top = (UInt128)Unsafe.Add(ref t, limbs) + carry;
                Unsafe.Add(ref t, limbs) = (ulong)top;
                Unsafe.Add(ref t, limbs + 1) = (ulong)(top >> 64);

                // t = (t + m·n) / 2^64 with m chosen to clear the low limb.
                ulong m = t * n0Inv;
                UInt128 q = Math.BigMul(m, np) + t;
                carry = (ulong)(q >> 64);
                for (int j = 1; j < limbs; j++)
                {
                    q = Math.BigMul(m, Unsafe.Add(ref np, j)) + Unsafe.Add(ref t, j) + carry;
                    Unsafe.Add(ref t, j - 1) = (ulong)q;
                    carry = (ulong)(q >> 64);
                }

                top = (UInt128)Unsafe.Add(ref t, limbs) + carry;
                Unsafe.Add(ref t, limbs - 1) = (ulong)top;
                Unsafe.Add(ref t, limbs) = Unsafe.Add(ref t, limbs + 1) + (ulong)(top >> 64);
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
