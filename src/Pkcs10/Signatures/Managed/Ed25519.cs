using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// Ed25519 signature verification (PureEdDSA, RFC 8032 §5.1.7) in managed code. There is no signing here:
/// only public keys and signatures are ever handled.
/// </summary>
/// <remarks>
/// <para>
/// <b>Semantics.</b> One fixed set of rules, those of Algorithm 2 of Chalkias, Garillot and Nikolaenko,
/// "Taming the many EdDSAs" (SSR 2020, eprint 2020/1244), which gives strong unforgeability (SUF-CMA) and
/// strong binding, and which every Wycheproof ed25519 vector agrees with:
/// </para>
/// <list type="number">
/// <item>the public key is 32 bytes and the signature 64 bytes;</item>
/// <item>S must be below L (RFC 8032 §5.1.7 step 1: no malleability through S + L);</item>
/// <item>A and R must be canonical encodings (RFC 8032 §5.1.3): y &lt; p, and x = 0 with the sign bit set
/// is refused;</item>
/// <item>A must not have small order (one of the eight points of order 1, 2, 4 or 8): such a key has no
/// meaningful private key, so a signature under it proves nothing (the "universal" signature R = A = identity,
/// S = 0 verifies for every message). R may have small order or a small-order component;</item>
/// <item>the cofactored equation [8][S]B = [8]R + [8][k]A of RFC 8032 §5.1.7 step 3, with
/// k = SHA-512(R || A || M) mod L.</item>
/// </list>
/// <para>
/// For a key from an honest key generation and a signature from an honest signer every RFC 8032 verifier
/// agrees. On the 15 edge-case vectors of ed25519-speccheck, the results table published there for OpenSSL 3.0,
/// BoringSSL and Go (cofactorless [S]B = R + [k]A) differs from these rules in three ways. Those libraries
/// accept small-order keys (vectors 1 and 3), which we refuse. They accept a key encoding x = 0 with the sign
/// bit set (vector 14), which RFC 8032 §5.1.3 refuses. And they refuse signatures that the key's owner built
/// with torsion components, which the cofactored equation accepts (vectors 4, 7 and 8). None of these
/// divergences lets anyone who does not hold the private key produce a signature.
/// </para>
/// <para>
/// <b>Implementation.</b> Field arithmetic on five 51-bit limbs (<see cref="Field25519"/>), scalars through
/// <see cref="Scalar25519"/>, SHA-512 from the BCL over R || A || M laid out by <see cref="EdDsaHashInput"/>,
/// and [S]B - [k]A by one interleaved double-and-add over width-5 (A) and width-8 (B) non-adjacent forms, with
/// the 64 odd multiples of B precomputed once per process. Everything else lives on the stack: a call
/// allocates nothing (for messages over 192 bytes it rents, and returns, one pooled buffer). Variable-time,
/// which is fine for public inputs.
/// </para>
/// </remarks>
internal static class Ed25519
{
    /// <summary>The size of a public key, in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>The size of a signature, in bytes.</summary>
    public const int SignatureSize = 64;

    private const int BaseWindow = 8;    // NAF width for B: 64 precomputed odd multiples.
    private const int PointWindow = 5;   // NAF width for A: 8 odd multiples, built per call.

    /// <summary>Verifies an Ed25519 signature over <paramref name="message"/> under <paramref name="publicKey"/>.</summary>
    /// <param name="publicKey">The 32-byte encoded public key A.</param>
    /// <param name="message">The message M (PureEdDSA: the message itself, not a digest).</param>
    /// <param name="signature">The 64-byte signature R || S.</param>
    /// <returns><see langword="true"/> when the signature is valid under the rules in the type's remarks.</returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        ReadOnlySpan<byte> encodedR = signature[..32];
        ReadOnlySpan<byte> encodedS = signature[32..];

        // RFC 8032 §5.1.7 step 1: S in [0, L), A and R decode.
        if (!Scalar25519.IsCanonical(encodedS) ||
            !TryDecode(publicKey, out Point a) ||
            HasSmallOrder(a) ||
            !TryDecode(encodedR, out Point r))
        {
            return false;
        }

        // Step 2: k = SHA-512(R || A || M) mod L.
        Span<ulong> k = stackalloc ulong[4];
        Span<byte> digest = stackalloc byte[64];
        using (EdDsaHashInput input = new(stackalloc byte[EdDsaHashInput.StackLimit], [], encodedR, publicKey, message))
        {
            SHA512.HashData(input.Data, digest);
        }

        Scalar25519.ReduceWide(digest, k);
        Span<ulong> s = stackalloc ulong[4];
        Scalar25519.ToWords(encodedS, s);

        // Step 3, cofactored: [8]([S]B - [k]A - R) is the identity.
        Negate(out Point minusA, a);
        DoubleScalarMultiply(out Point q, k, minusA, s);
        ToCached(out Cached cachedR, r);
        Sub(out Completed t, q, cachedR);
        ToProjective(out Projective p, t);
        for (int i = 0; i < 3; i++)
        {
            Double(out t, p);
            ToProjective(out p, t);
        }

        return IsIdentity(p);
    }

    // RFC 8032 §5.1.3.
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, out Point point)
    {
        point = default;
        bool sign = (encoded[31] & 0x80) != 0;

        // Step 1: y < p. p = 2^255 - 19 is ED FF .. FF 7F little-endian; y (bit 255 cleared) is >= p only when
        // bytes 1..30 are FF, byte 31 is 7F and byte 0 is at least ED.
        if ((encoded[31] & 0x7F) == 0x7F && encoded[0] >= 0xED && !encoded[1..31].ContainsAnyExcept((byte)0xFF))
        {
            return false;
        }

        Field25519.FromBytes(out Field25519 y, encoded);

        // Step 2: x^2 = (y^2 - 1) / (d y^2 + 1) = u / v.
        Field25519.Square(out Field25519 yy, y);
        Field25519.Sub(out Field25519 u, yy, Field25519.One);
        Field25519.Mul(out Field25519 v, yy, Field25519.D);
        Field25519.Add(out v, v, Field25519.One);

        // Step 3: x = u v^3 (u v^7)^((p-5)/8).
        Field25519.Square(out Field25519 v3, v);
        Field25519.Mul(out v3, v3, v);
        Field25519.Square(out Field25519 x, v3);
        Field25519.Mul(out x, x, v);
        Field25519.Mul(out x, x, u);                       // u v^7
        Field25519.Pow22523(out x, x);
        Field25519.Mul(out x, x, v3);
        Field25519.Mul(out x, x, u);

        // v x^2 = u: x is a root; v x^2 = -u: x·sqrt(-1) is; otherwise there is none.
        Field25519.Square(out Field25519 vxx, x);
        Field25519.Mul(out vxx, vxx, v);
        if (!Field25519.AreEqual(vxx, u))
        {
            Field25519.Negate(out Field25519 minusU, u);
            if (!Field25519.AreEqual(vxx, minusU))
            {
                return false;
            }

            Field25519.Mul(out x, x, Field25519.SqrtMinusOne);
        }

        // Step 4: x = 0 with the sign bit set is not an encoding; otherwise pick the root with the right parity.
        bool xIsZero = Field25519.IsZero(x);
        if (xIsZero && sign)
        {
            return false;
        }

        if (Field25519.IsNegative(x) != sign)
        {
            Field25519.Negate(out x, x);
        }

        point.X = x;
        point.Y = y;
        point.Z = Field25519.One;
        Field25519.Mul(out point.T, x, y);
        return true;
    }

    // Order dividing 8: [8]P is the identity.
    internal static bool HasSmallOrder(in Point p)
    {
        Projective q = new() { X = p.X, Y = p.Y, Z = p.Z };
        for (int i = 0; i < 3; i++)
        {
            Double(out Completed t, q);
            ToProjective(out q, t);
        }

        return IsIdentity(q);
    }

    // q = [k]A + [s]B (A given), by interleaved NAF double-and-add (variable time).
    private static void DoubleScalarMultiply(out Point q, ReadOnlySpan<ulong> k, in Point a, ReadOnlySpan<ulong> s)
    {
        Span<sbyte> nafA = stackalloc sbyte[256];
        Span<sbyte> nafB = stackalloc sbyte[256];
        Naf.Compute(k, PointWindow, nafA);
        Naf.Compute(s, BaseWindow, nafB);

        // Odd multiples A, 3A, ..., 15A.
        Span<Cached> tableA = stackalloc Cached[1 << (PointWindow - 2)];
        ToCached(out tableA[0], a);
        Double(out Completed t, new Projective { X = a.X, Y = a.Y, Z = a.Z });
        ToPoint(out Point a2, t);
        for (int j = 1; j < tableA.Length; j++)
        {
            Add(out t, a2, tableA[j - 1]);
            ToPoint(out Point odd, t);
            ToCached(out tableA[j], odd);
        }

        ReadOnlySpan<Precomputed> tableB = BaseTable.OddMultiples;

        int i = 255;
        while (i >= 0 && nafA[i] == 0 && nafB[i] == 0)
        {
            i--;
        }

        // The identity as a completed point: x = X/Z = 0, y = Y/T = 1.
        t = new Completed { X = Field25519.Zero, Y = Field25519.One, Z = Field25519.One, T = Field25519.One };
        Projective r = new() { X = Field25519.Zero, Y = Field25519.One, Z = Field25519.One };
        for (; i >= 0; i--)
        {
            Double(out t, r);
            int da = nafA[i];
            if (da != 0)
            {
                ToPoint(out Point u, t);
                if (da > 0)
                {
                    Add(out t, u, tableA[da >> 1]);
                }
                else
                {
                    Sub(out t, u, tableA[-da >> 1]);
                }
            }

            int db = nafB[i];
            if (db != 0)
            {
                ToPoint(out Point u, t);
                if (db > 0)
                {
                    MixedAdd(out t, u, tableB[db >> 1]);
                }
                else
                {
                    MixedSub(out t, u, tableB[-db >> 1]);
                }
            }

            ToProjective(out r, t);
        }

        ToPoint(out q, t);
    }

    private static bool IsIdentity(in Projective p) => Field25519.IsZero(p.X) && Field25519.AreEqual(p.Y, p.Z);

    private static void Negate(out Point r, in Point p)
    {
        Field25519.Negate(out r.X, p.X);
        r.Y = p.Y;
        r.Z = p.Z;
        Field25519.Negate(out r.T, p.T);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToProjective(out Projective r, in Completed p)
    {
        Field25519.Mul(out r.X, p.X, p.T);
        Field25519.Mul(out r.Y, p.Y, p.Z);
        Field25519.Mul(out r.Z, p.Z, p.T);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToPoint(out Point r, in Completed p)
    {
        Field25519.Mul(out r.X, p.X, p.T);
        Field25519.Mul(out r.Y, p.Y, p.Z);
        Field25519.Mul(out r.Z, p.Z, p.T);
        Field25519.Mul(out r.T, p.X, p.Y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToCached(out Cached r, in Point p)
    {
        Field25519.Add(out r.YPlusX, p.Y, p.X);
        Field25519.Sub(out r.YMinusX, p.Y, p.X);
        r.Z = p.Z;
        Field25519.Mul(out r.T2D, p.T, Field25519.D2);
    }

    // Doubling in projective coordinates (Hisil-Wong-Carter-Dawson 2008, "dbl-2008-hwcd" with a = -1).
    private static void Double(out Completed r, in Projective p)
    {
        Field25519.Square(out Field25519 xx, p.X);
        Field25519.Square(out Field25519 yy, p.Y);
        Field25519.Square(out Field25519 zz2, p.Z);
        Field25519.Add(out zz2, zz2, zz2);
        Field25519.Add(out Field25519 xy, p.X, p.Y);
        Field25519.Square(out Field25519 xy2, xy);
        Field25519.Add(out r.Y, yy, xx);
        Field25519.Sub(out r.Z, yy, xx);
        Field25519.Sub(out r.X, xy2, r.Y);
        Field25519.Sub(out r.T, zz2, r.Z);
    }

    // p + q with q cached (HWCD 2008 "add-2008-hwcd-3", a = -1, k = 2d).
    private static void Add(out Completed r, in Point p, in Cached q)
    {
        Field25519.Add(out Field25519 ypx, p.Y, p.X);
        Field25519.Sub(out Field25519 ymx, p.Y, p.X);
        Field25519.Mul(out Field25519 a, ypx, q.YPlusX);
        Field25519.Mul(out Field25519 b, ymx, q.YMinusX);
        Field25519.Mul(out Field25519 c, q.T2D, p.T);
        Field25519.Mul(out Field25519 d, p.Z, q.Z);
        Field25519.Add(out d, d, d);
        Field25519.Sub(out r.X, a, b);
        Field25519.Add(out r.Y, a, b);
        Field25519.Add(out r.Z, d, c);
        Field25519.Sub(out r.T, d, c);
    }

    // p - q with q cached: q's negation swaps Y+X with Y-X and negates 2dT.
    private static void Sub(out Completed r, in Point p, in Cached q)
    {
        Field25519.Add(out Field25519 ypx, p.Y, p.X);
        Field25519.Sub(out Field25519 ymx, p.Y, p.X);
        Field25519.Mul(out Field25519 a, ypx, q.YMinusX);
        Field25519.Mul(out Field25519 b, ymx, q.YPlusX);
        Field25519.Mul(out Field25519 c, q.T2D, p.T);
        Field25519.Mul(out Field25519 d, p.Z, q.Z);
        Field25519.Add(out d, d, d);
        Field25519.Sub(out r.X, a, b);
        Field25519.Add(out r.Y, a, b);
        Field25519.Sub(out r.Z, d, c);
        Field25519.Add(out r.T, d, c);
    }

    // p + q with q affine (Z = 1).
    private static void MixedAdd(out Completed r, in Point p, in Precomputed q)
    {
        Field25519.Add(out Field25519 ypx, p.Y, p.X);
        Field25519.Sub(out Field25519 ymx, p.Y, p.X);
        Field25519.Mul(out Field25519 a, ypx, q.YPlusX);
        Field25519.Mul(out Field25519 b, ymx, q.YMinusX);
        Field25519.Mul(out Field25519 c, q.XY2D, p.T);
        Field25519.Add(out Field25519 d, p.Z, p.Z);
        Field25519.Sub(out r.X, a, b);
        Field25519.Add(out r.Y, a, b);
        Field25519.Add(out r.Z, d, c);
        Field25519.Sub(out r.T, d, c);
    }

    private static void MixedSub(out Completed r, in Point p, in Precomputed q)
    {
        Field25519.Add(out Field25519 ypx, p.Y, p.X);
        Field25519.Sub(out Field25519 ymx, p.Y, p.X);
        Field25519.Mul(out Field25519 a, ypx, q.YMinusX);
        Field25519.Mul(out Field25519 b, ymx, q.YPlusX);
        Field25519.Mul(out Field25519 c, q.XY2D, p.T);
        Field25519.Add(out Field25519 d, p.Z, p.Z);
        Field25519.Sub(out r.X, a, b);
        Field25519.Add(out r.Y, a, b);
        Field25519.Sub(out r.Z, d, c);
        Field25519.Add(out r.T, d, c);
    }

    /// <summary>A point in extended coordinates (X:Y:Z:T): x = X/Z, y = Y/Z, xy = T/Z.</summary>
    internal struct Point
    {
        public Field25519 X, Y, Z, T;
    }

    /// <summary>Projective coordinates (X:Y:Z), the input of a doubling.</summary>
    private struct Projective
    {
        public Field25519 X, Y, Z;
    }

    /// <summary>The "completed" result of an addition or doubling: x = X/Z, y = Y/T.</summary>
    private struct Completed
    {
        public Field25519 X, Y, Z, T;
    }

    /// <summary>A point prepared for addition: (Y+X, Y-X, Z, 2dT).</summary>
    private struct Cached
    {
        public Field25519 YPlusX, YMinusX, Z, T2D;
    }

    /// <summary>An affine point prepared for addition: (y+x, y-x, 2dxy).</summary>
    internal struct Precomputed
    {
        public Field25519 YPlusX, YMinusX, XY2D;
    }

    /// <summary>The odd multiples B, 3B, ..., 127B of the base point, computed once.</summary>
    private static class BaseTable
    {
        // Static readonly, written only here: the JIT treats the reference as a constant once initialised.
        private static readonly Precomputed[] s_oddMultiples = Build();

        public static ReadOnlySpan<Precomputed> OddMultiples => s_oddMultiples;

        private static Precomputed[] Build()
        {
            // RFC 8032 §5.1: B = (x, 4/5) with x positive; its encoding is 0x58 followed by 31 bytes of 0x66.
            Span<byte> encoded = stackalloc byte[32];
            encoded.Fill(0x66);
            encoded[0] = 0x58;
            bool ok = TryDecode(encoded, out Point b);
            Debug.Assert(ok, "the base point decodes");

            var table = new Precomputed[1 << (BaseWindow - 2)];
            Double(out Completed t, new Projective { X = b.X, Y = b.Y, Z = b.Z });
            ToPoint(out Point b2, t);
            ToCached(out Cached b2Cached, b2);
            Point odd = b;
            for (int j = 0; j < table.Length; j++)
            {
                if (j > 0)
                {
                    Add(out t, odd, b2Cached);
                    ToPoint(out odd, t);
                }

                // Affine: x = X/Z, y = Y/Z.
                Field25519.Invert(out Field25519 zInverse, odd.Z);
                Field25519.Mul(out Field25519 x, odd.X, zInverse);
                Field25519.Mul(out Field25519 y, odd.Y, zInverse);
                Field25519.Add(out table[j].YPlusX, y, x);
                Field25519.Sub(out table[j].YMinusX, y, x);
                Field25519.Mul(out Field25519 xy, x, y);
                Field25519.Mul(out table[j].XY2D, xy, Field25519.D2);
            }

            return table;
        }
    }
}
