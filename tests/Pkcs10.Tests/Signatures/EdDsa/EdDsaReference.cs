using System.Numerics;
using System.Security.Cryptography;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>
/// A test-only, straightforward <see cref="BigInteger"/> implementation of RFC 8032 Ed25519 and Ed448 (§5.1, §5.2,
/// in the manner of the §6 reference code): key generation, signing (with an optional context for Ed448) and a
/// configurable verifier, plus the point arithmetic the edge-case tests need to craft keys and signatures.
/// Independent of the library's managed engines: affine-free projective formulas ("add-2008-bbjlp", used for
/// doubling too), <see cref="BigInteger.ModPow"/> for inversions and square roots. Never constant-time; never for
/// real keys.
/// </summary>
internal sealed class EdDsaReference
{
    public static readonly EdDsaReference Ed25519 = CreateEd25519();

    public static readonly EdDsaReference Ed448 = CreateEd448();

    private EdDsaReference(string name, BigInteger p, BigInteger a, BigInteger d, BigInteger l, int cofactor, int encodedLength, int bits)
    {
        Name = name;
        P = p;
        A = a;
        D = d;
        L = l;
        Cofactor = cofactor;
        EncodedLength = encodedLength;
        Bits = bits;
        Identity = new RefPoint(0, 1, 1);
    }

    public string Name { get; }

    public BigInteger P { get; }

    public BigInteger A { get; }

    public BigInteger D { get; }

    public BigInteger L { get; }

    public int Cofactor { get; }

    public int EncodedLength { get; }

    public int SignatureLength => 2 * EncodedLength;

    /// <summary>b of RFC 8032 §5: 256 or 456; the secret scalar has bit b-2 set (c = log2 cofactor low bits clear).</summary>
    public int Bits { get; }

    public RefPoint Identity { get; }

    public RefPoint B { get; private set; } = null!;

    private bool Is448 => EncodedLength == 57;

    private static EdDsaReference CreateEd25519()
    {
        BigInteger p = BigInteger.Pow(2, 255) - 19;
        BigInteger d = Mod(-121665 * BigInteger.ModPow(121666, p - 2, p), p);
        BigInteger l = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
        var curve = new EdDsaReference("Ed25519", p, p - 1, d, l, 8, 32, 256);
        BigInteger y = Mod(4 * BigInteger.ModPow(5, p - 2, p), p);
        curve.B = new RefPoint(curve.RecoverX(y, false)!.Value, y, 1);
        return curve;
    }

    private static EdDsaReference CreateEd448()
    {
        BigInteger p = BigInteger.Pow(2, 448) - BigInteger.Pow(2, 224) - 1;
        BigInteger l = BigInteger.Pow(2, 446) - BigInteger.Parse("13818066809895115352007386748515426880336692474882178609894547503885", System.Globalization.CultureInfo.InvariantCulture);
        var curve = new EdDsaReference("Ed448", p, 1, p - 39081, l, 4, 57, 456);

        // RFC 8032 §5.2: B = (X(P), Y(P)).
        curve.B = new RefPoint(
            BigInteger.Parse("224580040295924300187604334099896036246789641632564134246125461686950415467406032909029192869357953282578032075146446173674602635247710", System.Globalization.CultureInfo.InvariantCulture),
            BigInteger.Parse("298819210078481492676017930443930673437544040154080242095928241372331506189835876003536878655418784733982303233503462500531545062832660", System.Globalization.CultureInfo.InvariantCulture),
            1);
        return curve;
    }

    public static BigInteger Mod(BigInteger x, BigInteger m)
    {
        BigInteger r = x % m;
        return r.Sign < 0 ? r + m : r;
    }

    // ---- points ----

    public RefPoint Add(RefPoint p, RefPoint q)
    {
        BigInteger a = p.Z * q.Z % P;
        BigInteger b = a * a % P;
        BigInteger c = p.X * q.X % P;
        BigInteger d = p.Y * q.Y % P;
        BigInteger e = D * c % P * d % P;
        BigInteger f = Mod(b - e, P);
        BigInteger g = (b + e) % P;
        BigInteger x3 = a * f % P * Mod(((p.X + p.Y) * (q.X + q.Y)) - c - d, P) % P;
        BigInteger y3 = a * g % P * Mod(d - (A * c), P) % P;
        return new RefPoint(x3, y3, f * g % P);
    }

    public RefPoint Negate(RefPoint p) => new(Mod(-p.X, P), p.Y, p.Z);

    public RefPoint Multiply(BigInteger k, RefPoint p)
    {
        if (k.Sign < 0)
        {
            return Multiply(-k, Negate(p));
        }

        RefPoint q = Identity;
        while (k > 0)
        {
            if (!k.IsEven)
            {
                q = Add(q, p);
            }

            p = Add(p, p);
            k >>= 1;
        }

        return q;
    }

    public bool AreEqual(RefPoint p, RefPoint q) =>
        Mod((p.X * q.Z) - (q.X * p.Z), P).IsZero && Mod((p.Y * q.Z) - (q.Y * p.Z), P).IsZero;

    public bool HasSmallOrder(RefPoint p) => AreEqual(Multiply(Cofactor, p), Identity);

    public bool IsOnCurve(RefPoint p)
    {
        (BigInteger x, BigInteger y) = Affine(p);
        return Mod((A * x * x) + (y * y) - 1 - (D * x * x % P * y * y), P).IsZero;
    }

    public (BigInteger X, BigInteger Y) Affine(RefPoint p)
    {
        BigInteger zInverse = BigInteger.ModPow(p.Z, P - 2, P);
        return (p.X * zInverse % P, p.Y * zInverse % P);
    }

    /// <summary>RFC 8032 §5.1.2 / §5.2.2: y little-endian with the low bit of x in the top bit.</summary>
    public byte[] Encode(RefPoint p)
    {
        (BigInteger x, BigInteger y) = Affine(p);
        byte[] encoded = new byte[EncodedLength];
        y.TryWriteBytes(encoded, out _, isUnsigned: true, isBigEndian: false);
        if (!x.IsEven)
        {
            encoded[^1] |= 0x80;
        }

        return encoded;
    }

    /// <summary>RFC 8032 §5.1.3 / §5.2.3, strictly; with <paramref name="lenient"/>, y is reduced mod p and x = 0 with the sign bit is allowed.</summary>
    public RefPoint? Decode(ReadOnlySpan<byte> encoded, bool lenient = false)
    {
        if (encoded.Length != EncodedLength)
        {
            return null;
        }

        byte[] copy = encoded.ToArray();
        bool sign = (copy[^1] & 0x80) != 0;
        copy[^1] &= 0x7F;
        BigInteger y = new(copy, isUnsigned: true, isBigEndian: false);
        if (y >= P)
        {
            if (!lenient)
            {
                return null;
            }

            y = Mod(y, P);
        }

        BigInteger? x = RecoverX(y, sign, lenient);
        return x is null ? null : new RefPoint(x.Value, y, 1);
    }

    private BigInteger? RecoverX(BigInteger y, bool sign, bool lenient = false)
    {
        BigInteger u = Mod((y * y) - 1, P);
        BigInteger v = Mod((D * y * y) - A, P);
        BigInteger x2 = u * BigInteger.ModPow(v, P - 2, P) % P;
        if (x2.IsZero)
        {
            return sign && !lenient ? null : BigInteger.Zero;
        }

        BigInteger x;
        if (Is448)
        {
            // p = 3 mod 4.
            x = BigInteger.ModPow(x2, (P + 1) / 4, P);
        }
        else
        {
            // p = 5 mod 8 (RFC 8032 §5.1.3).
            x = BigInteger.ModPow(x2, (P + 3) / 8, P);
            if (!Mod((x * x) - x2, P).IsZero)
            {
                x = x * BigInteger.ModPow(2, (P - 1) / 4, P) % P;
            }
        }

        if (!Mod((x * x) - x2, P).IsZero)
        {
            return null;
        }

        if (x.IsEven == sign)
        {
            x = P - x;
        }

        return x;
    }

    /// <summary>The canonical encodings of the points of small order (8 for Ed25519, 4 for Ed448).</summary>
    public IReadOnlyList<byte[]> SmallOrderEncodings()
    {
        RefPoint generator = Is448
            ? new RefPoint(1, 0, 1)                                                                          // (1, 0) has order 4
            : Decode(Convert.FromHexString("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"))!;  // order 8
        var list = new List<byte[]>();
        RefPoint t = Identity;
        for (int i = 0; i < Cofactor; i++)
        {
            list.Add(Encode(t));
            t = Add(t, generator);
        }

        return list;
    }

    /// <summary>A point of order exactly <see cref="Cofactor"/>.</summary>
    public RefPoint TorsionGenerator() => Decode(SmallOrderEncodings()[1])!;

    // ---- hashing and scalars ----

    public byte[] Hash(params byte[][] parts)
    {
        byte[] all = parts.SelectMany(x => x).ToArray();
        return Is448 ? Shake256.HashData(all, 114) : SHA512.HashData(all);
    }

    public static byte[] Dom4(byte[] context) => [.. "SigEd448"u8, 0, (byte)context.Length, .. context];

    public BigInteger HashToScalar(params byte[][] parts) => Mod(new BigInteger(Hash(parts), isUnsigned: true, isBigEndian: false), L);

    public byte[] EncodeScalar(BigInteger s)
    {
        byte[] encoded = new byte[EncodedLength];
        s.TryWriteBytes(encoded, out _, isUnsigned: true, isBigEndian: false);
        return encoded;
    }

    public BigInteger SecretScalar(byte[] secretKey, out byte[] prefix)
    {
        byte[] h = Hash(secretKey);
        byte[] s = h[..EncodedLength];
        prefix = h[EncodedLength..];
        if (Is448)
        {
            // RFC 8032 §5.2.5: clear the two low bits and the last octet, set the top bit of the second-to-last octet.
            s[0] &= 0xFC;
            s[56] = 0;
            s[55] |= 0x80;
        }
        else
        {
            // §5.1.5: clear the three low bits and bit 255, set bit 254.
            s[0] &= 0xF8;
            s[31] &= 0x7F;
            s[31] |= 0x40;
        }

        return new BigInteger(s, isUnsigned: true, isBigEndian: false);
    }

    public byte[] PublicKey(byte[] secretKey) => Encode(Multiply(SecretScalar(secretKey, out _), B));

    /// <summary>RFC 8032 §5.1.6 / §5.2.6 (Ed448 with <paramref name="context"/>, empty for pure Ed448).</summary>
    public byte[] Sign(byte[] secretKey, byte[] message, byte[]? context = null)
    {
        BigInteger s = SecretScalar(secretKey, out byte[] prefix);
        byte[] a = Encode(Multiply(s, B));
        byte[] dom = Is448 ? Dom4(context ?? []) : [];
        BigInteger r = HashToScalar(dom, prefix, message);
        byte[] encodedR = Encode(Multiply(r, B));
        BigInteger k = HashToScalar(dom, encodedR, a, message);
        return [.. encodedR, .. EncodeScalar(Mod(r + (k * s), L))];
    }

    /// <summary>
    /// Signs with an explicit secret scalar, nonce and R encoding (any bytes; the hash covers them as given), and
    /// the public key encoding to hash. For crafting torsion, small-order and non-canonical cases.
    /// </summary>
    public byte[] SignRaw(BigInteger secretScalar, byte[] encodedA, BigInteger nonce, byte[] encodedR, byte[] message)
    {
        byte[] dom = Is448 ? Dom4([]) : [];
        BigInteger k = HashToScalar(dom, encodedR, encodedA, message);
        return [.. encodedR, .. EncodeScalar(Mod(nonce + (k * secretScalar), L))];
    }

    /// <summary>A verifier with switchable rules, to state what the library's rules accept and what others would.</summary>
    public bool Verify(byte[] publicKey, byte[] message, byte[] signature, bool cofactored = true, bool rejectSmallOrderKey = true, bool lenientDecoding = false)
    {
        if (publicKey.Length != EncodedLength || signature.Length != SignatureLength)
        {
            return false;
        }

        RefPoint? a = Decode(publicKey, lenientDecoding);
        RefPoint? r = Decode(signature.AsSpan(0, EncodedLength), lenientDecoding);
        BigInteger s = new(signature.AsSpan(EncodedLength), isUnsigned: true, isBigEndian: false);
        if (a is null || r is null || s >= L || (rejectSmallOrderKey && HasSmallOrder(a)))
        {
            return false;
        }

        byte[] dom = Is448 ? Dom4([]) : [];
        BigInteger k = HashToScalar(dom, signature[..EncodedLength], publicKey, message);
        RefPoint left = Multiply(s, B);
        RefPoint right = Add(r, Multiply(k, a));
        return cofactored
            ? AreEqual(Multiply(Cofactor, left), Multiply(Cofactor, right))
            : AreEqual(left, right);
    }
}

/// <summary>A point in projective coordinates, x = X/Z, y = Y/Z.</summary>
internal sealed record RefPoint(BigInteger X, BigInteger Y, BigInteger Z);
