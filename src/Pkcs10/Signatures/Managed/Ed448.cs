using System.Diagnostics;
using System.Security.Cryptography;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// Ed448 signature verification (PureEdDSA with an empty context, RFC 8032 §5.2.7) in managed code. There is
/// no signing here.
/// </summary>
/// <remarks>
/// <para>
/// <b>Semantics</b>, the same rules as <see cref="Ed25519"/> with the cofactor 4: a 57-byte key and a 114-byte
/// signature; S &lt; L; A and R canonical (RFC 8032 §5.2.3: y &lt; p, which also refuses any of the seven unused
/// bits of the last byte, and x = 0 with the sign bit set is refused); A of small order (order 1, 2 or 4) refused,
/// R may have small order; the cofactored equation [4][S]B = [4]R + [4][k]A with
/// k = SHAKE256(dom4(0, "") || R || A || M, 114) mod L, dom4(0, "") = "SigEd448" || 0x00 || 0x00.
/// </para>
/// <para>
/// <b>Implementation.</b> Field arithmetic on eight 56-bit limbs (<see cref="Field448"/>), projective Edwards
/// formulas (Bernstein-Lange 2007, complete for d non-square), scalars through <see cref="Scalar448"/>, and
/// [S]B - [k]A by one interleaved double-and-add over width-5 (A) and width-7 (B) non-adjacent forms with the 32
/// odd multiples of B precomputed once per process. SHAKE256 is the BCL's when
/// <see cref="Shake256.IsSupported"/>, else <see cref="ManagedShake256"/>; its input is laid out by
/// <see cref="EdDsaHashInput"/>. Variable-time, for public inputs only.
/// </para>
/// </remarks>
internal static class Ed448
{
    /// <summary>The size of a public key, in bytes.</summary>
    public const int PublicKeySize = 57;

    /// <summary>The size of a signature, in bytes.</summary>
    public const int SignatureSize = 114;

    private const int BaseWindow = 7;   // 32 precomputed odd multiples of B
    private const int PointWindow = 5;  // 8 odd multiples of A, built per call
    private const int NafLength = 448;  // scalars are below L < 2^446

    // dom4(0, "") of RFC 8032 §5.2: "SigEd448" || octet(0) || octet(0).
    private static ReadOnlySpan<byte> Dom4 => "SigEd448\0\0"u8;

    /// <summary>Verifies an Ed448 signature over <paramref name="message"/> under <paramref name="publicKey"/>.</summary>
    /// <param name="publicKey">The 57-byte encoded public key A.</param>
    /// <param name="message">The message M.</param>
    /// <param name="signature">The 114-byte signature R || S.</param>
    /// <returns><see langword="true"/> when the signature is valid under the rules in the type's remarks.</returns>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Verify(publicKey, message, signature, useBclShake256: Shake256.IsSupported);

    /// <summary>As <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, choosing the SHAKE256 implementation (tests run both).</summary>
    internal static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, bool useBclShake256)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        ReadOnlySpan<byte> encodedR = signature[..PublicKeySize];
        ReadOnlySpan<byte> encodedS = signature[PublicKeySize..];

        // RFC 8032 §5.2.7 step 1.
        if (!Scalar448.IsCanonical(encodedS) ||
            !TryDecode(publicKey, out Point a) ||
            HasSmallOrder(a) ||
            !TryDecode(encodedR, out Point r))
        {
            return false;
        }

        // Step 2: k = SHAKE256(dom4 || R || A || M, 114) mod L.
        Span<byte> digest = stackalloc byte[114];
        using (EdDsaHashInput input = new(stackalloc byte[EdDsaHashInput.StackLimit], Dom4, encodedR, publicKey, message))
        {
            if (useBclShake256)
            {
                Shake256.HashData(input.Data, digest);
            }
            else
            {
                ManagedShake256.HashData(input.Data, digest);
            }
        }

        Span<ulong> k = stackalloc ulong[Scalar448.Words];
        Scalar448.ReduceWide(digest, k);
        Span<ulong> s = stackalloc ulong[Scalar448.Words];
        Scalar448.ToWords(encodedS, s);

        // Step 3, cofactored: [4]([S]B - [k]A - R) is the identity.
        Negate(out Point minusA, a);
        DoubleScalarMultiply(out Point q, k, minusA, s);
        Negate(out Point minusR, r);
        Add(out Point p, q, minusR);
        Double(out p, p);
        Double(out p, p);
        return IsIdentity(p);
    }

    // RFC 8032 §5.2.3.
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, out Point point)
    {
        point = default;

        // Step 1: bit 455 is the sign of x; clearing it leaves y, which must be below p. Any of bits 448-454
        // set makes y >= 2^448 > p.
        bool sign = (encoded[56] & 0x80) != 0;
        if ((encoded[56] & 0x7F) != 0)
        {
            return false;
        }

        // p = 2^448 - 2^224 - 1 = (2^224 - 2)·2^224 + (2^224 - 1): little-endian, bytes 0-27 are FF, byte 28 is FE
        // and bytes 29-55 are FF. So y >= p exactly when bytes 29-55 are FF and either byte 28 is FF, or byte 28
        // is FE and bytes 0-27 are all FF.
        if (!encoded[29..56].ContainsAnyExcept((byte)0xFF) &&
            (encoded[28] == 0xFF || (encoded[28] == 0xFE && !encoded[..28].ContainsAnyExcept((byte)0xFF))))
        {
            return false;
        }

        Field448.FromBytes(out Field448 y, encoded);

        // Step 2: x^2 = (y^2 - 1) / (d y^2 - 1) = u / v.
        Field448.Square(out Field448 yy, y);
        Field448.Sub(out Field448 u, yy, Field448.One);
        Field448.Mul(out Field448 v, yy, Field448.D);
        Field448.Sub(out v, v, Field448.One);

        // Step 3: x = u^3 v (u^5 v^3)^((p-3)/4); it is a root when v x^2 = u, and there is none otherwise.
        Field448.Square(out Field448 u2, u);
        Field448.Mul(out Field448 u3, u2, u);
        Field448.Square(out Field448 v2, v);
        Field448.Mul(out Field448 v3, v2, v);
        Field448.Mul(out Field448 u5v3, u3, u2);
        Field448.Mul(out u5v3, u5v3, v3);
        Field448.PowPMinus3Over4(out Field448 x, u5v3);
        Field448.Mul(out x, x, u3);
        Field448.Mul(out x, x, v);

        Field448.Square(out Field448 vxx, x);
        Field448.Mul(out vxx, vxx, v);
        if (!Field448.AreEqual(vxx, u))
        {
            return false;
        }

        // Step 4.
        if (Field448.IsZero(x) && sign)
        {
            return false;
        }

        if (Field448.IsNegative(x) != sign)
        {
            Field448.Negate(out x, x);
        }

        point.X = x;
        point.Y = y;
        point.Z = Field448.One;
        return true;
    }

    // Order dividing 4: [4]P is the identity.
    internal static bool HasSmallOrder(in Point p)
    {
        Double(out Point q, p);
        Double(out q, q);
        return IsIdentity(q);
    }

    // q = [k]A + [s]B (A given), by interleaved NAF double-and-add (variable time).
    private static void DoubleScalarMultiply(out Point q, ReadOnlySpan<ulong> k, in Point a, ReadOnlySpan<ulong> s)
    {
        Span<sbyte> nafA = stackalloc sbyte[NafLength];
        Span<sbyte> nafB = stackalloc sbyte[NafLength];
        Naf.Compute(k, PointWindow, nafA);
        Naf.Compute(s, BaseWindow, nafB);

        // Odd multiples A, 3A, ..., 15A.
        Span<Point> tableA = stackalloc Point[1 << (PointWindow - 2)];
        tableA[0] = a;
        Double(out Point a2, a);
        for (int j = 1; j < tableA.Length; j++)
        {
            Add(out tableA[j], tableA[j - 1], a2);
        }

        ReadOnlySpan<Point> tableB = BaseTable.OddMultiples;

        int i = NafLength - 1;
        while (i >= 0 && nafA[i] == 0 && nafB[i] == 0)
        {
            i--;
        }

        q = new Point { X = Field448.Zero, Y = Field448.One, Z = Field448.One };
        for (; i >= 0; i--)
        {
            Double(out q, q);
            int da = nafA[i];
            if (da > 0)
            {
                Add(out q, q, tableA[da >> 1]);
            }
            else if (da < 0)
            {
                Negate(out Point n, tableA[-da >> 1]);
                Add(out q, q, n);
            }

            int db = nafB[i];
            if (db > 0)
            {
                Add(out q, q, tableB[db >> 1]);
            }
            else if (db < 0)
            {
                Negate(out Point n, tableB[-db >> 1]);
                Add(out q, q, n);
            }
        }
    }

    private static bool IsIdentity(in Point p) => Field448.IsZero(p.X) && Field448.AreEqual(p.Y, p.Z);

    private static void Negate(out Point r, in Point p)
    {
        Field448.Negate(out r.X, p.X);
        r.Y = p.Y;
        r.Z = p.Z;
    }

    // Projective addition on x^2 + y^2 = 1 + d x^2 y^2 (Bernstein-Lange 2007, "add-2007-bl"), complete because d
    // is not a square. r may alias p or q.
    private static void Add(out Point r, in Point p, in Point q)
    {
        Field448.Mul(out Field448 a, p.Z, q.Z);
        Field448.Square(out Field448 b, a);
        Field448.Mul(out Field448 c, p.X, q.X);
        Field448.Mul(out Field448 d, p.Y, q.Y);
        Field448.Mul(out Field448 e, c, d);
        Field448.Mul(out e, e, Field448.D);
        Field448.Sub(out Field448 f, b, e);
        Field448.Add(out Field448 g, b, e);
        Field448.Add(out Field448 s1, p.X, p.Y);
        Field448.Add(out Field448 s2, q.X, q.Y);
        Field448.Mul(out Field448 h, s1, s2);
        Field448.Sub(out h, h, c);
        Field448.Sub(out h, h, d);
        Field448.Sub(out Field448 dc, d, c);
        Field448.Mul(out Field448 af, a, f);
        Field448.Mul(out Field448 ag, a, g);
        Field448.Mul(out r.X, af, h);
        Field448.Mul(out r.Y, ag, dc);
        Field448.Mul(out r.Z, f, g);
    }

    // Projective doubling ("dbl-2007-bl", a = 1). r may alias p.
    private static void Double(out Point r, in Point p)
    {
        Field448.Add(out Field448 xy, p.X, p.Y);
        Field448.Square(out Field448 b, xy);
        Field448.Square(out Field448 c, p.X);
        Field448.Square(out Field448 d, p.Y);
        Field448.Add(out Field448 e, c, d);
        Field448.Square(out Field448 h, p.Z);
        Field448.Add(out h, h, h);
        Field448.Sub(out Field448 j, e, h);
        Field448.Sub(out Field448 be, b, e);
        Field448.Sub(out Field448 cd, c, d);
        Field448.Mul(out r.X, be, j);
        Field448.Mul(out r.Y, e, cd);
        Field448.Mul(out r.Z, e, j);
    }

    /// <summary>A point in projective coordinates (X:Y:Z): x = X/Z, y = Y/Z.</summary>
    internal struct Point
    {
        public Field448 X, Y, Z;
    }

    /// <summary>The odd multiples B, 3B, ..., 63B of the base point, computed once.</summary>
    private static class BaseTable
    {
        private static readonly Point[] s_oddMultiples = Build();

        public static ReadOnlySpan<Point> OddMultiples => s_oddMultiples;

        private static Point[] Build()
        {
            // RFC 8032 §5.2: B = (X(P), Y(P)), the 56-bit limbs of the decimal values given there.
            Point b = new()
            {
                X = new Field448(0x26A82BC70CC05E, 0x80E18B00938E26, 0xF72AB66511433B, 0xA3D3A46412AE1A, 0xF1767EA6DE324, 0x36DA9E14657047, 0xED221D15A622BF, 0x4F1970C66BED0D),
                Y = new Field448(0x8795BF230FA14, 0x132C4ED7C8AD98, 0x1CE67C39C4FDBD, 0x5A0C2D73AD3FF, 0xA3984087789C1E, 0xC7624BEA73736C, 0x248876203756C9, 0x693F46716EB6BC),
                Z = Field448.One,
            };
            Debug.Assert(IsOnCurve(b), "B is on the curve");

            var table = new Point[1 << (BaseWindow - 2)];
            table[0] = b;
            Double(out Point b2, b);
            for (int j = 1; j < table.Length; j++)
            {
                Add(out table[j], table[j - 1], b2);
            }

            return table;
        }

        private static bool IsOnCurve(in Point p)
        {
            // x^2 + y^2 = 1 + d x^2 y^2 with Z = 1.
            Field448.Square(out Field448 xx, p.X);
            Field448.Square(out Field448 yy, p.Y);
            Field448.Add(out Field448 left, xx, yy);
            Field448.Mul(out Field448 right, xx, yy);
            Field448.Mul(out right, right, Field448.D);
            Field448.Add(out right, right, Field448.One);
            return Field448.AreEqual(left, right);
        }
    }
}
