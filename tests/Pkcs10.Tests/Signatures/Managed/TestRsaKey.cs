using System.Formats.Asn1;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Managed;

/// <summary>
/// A test-only RSA key with a private operation (CRT over <see cref="BigInteger"/>), to make
/// signatures the BCL cannot: odd modulus sizes (2047, 2049 bits), 512 and 16384 bits (multi-prime,
/// so generation takes milliseconds), SHA-224, any PSS salt length, and deliberately broken
/// encodings. The library itself has no private-key code.
/// </summary>
internal sealed class TestRsaKey
{
    private readonly BigInteger[] _primes;
    private readonly BigInteger[] _primeExponents;
    private readonly BigInteger[] _crtCoefficients;

    private TestRsaKey(BigInteger[] primes, BigInteger e)
    {
        _primes = primes;
        E = e;
        N = BigInteger.One;
        foreach (BigInteger p in primes)
        {
            N *= p;
        }

        ModulusBits = checked((int)N.GetBitLength());
        _primeExponents = primes.Select(p => ModInverse(e, p - 1)).ToArray();
        _crtCoefficients = primes.Select(p => BigInteger.ModPow(N / p % p, p - 2, p) * (N / p)).ToArray();
    }

    private static readonly Dictionary<int, TestRsaKey> s_samples = [];

    /// <summary>
    /// A cached key of exactly <paramref name="modulusBits"/> bits: fixed primes from
    /// <see cref="TestRsaKeyPrimes"/> for 1024, 2047, 2048, 2049, 3072 and 16384 bits; 16392 bits is the
    /// 16384-bit key times a small prime; other sizes are generated from a fixed seed (fast up to
    /// about 600 bits).
    /// </summary>
    public static TestRsaKey Sample(int modulusBits)
    {
        lock (s_samples)
        {
            if (!s_samples.TryGetValue(modulusBits, out TestRsaKey? key))
            {
                key = Create(modulusBits);
                s_samples.Add(modulusBits, key);
            }

            return key;
        }
    }

    private static TestRsaKey Create(int modulusBits)
    {
        if (TestRsaKeyPrimes.For(modulusBits) is string[] hex)
        {
            return Checked(new TestRsaKey([.. hex.Select(h => BigInteger.Parse("0" + h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))], 65537), modulusBits);
        }

        if (modulusBits == 16392)
        {
            // A tiny prime factor is fine for exercising the size limit: RSA still round-trips.
            BigInteger[] primes = Sample(16384)._primes;
            BigInteger product = Sample(16384).N;
            for (int q = 257; ; q += 2)
            {
                if (s_smallPrimeList.Contains(q) && (product * q).GetBitLength() == 16392)
                {
                    return Checked(new TestRsaKey([.. primes, q], 65537), modulusBits);
                }
            }
        }

        return Generate(modulusBits, 2, seed: modulusBits);
    }

    private static TestRsaKey Checked(TestRsaKey key, int modulusBits)
    {
        Assert.Equal(modulusBits, key.ModulusBits);
        return key;
    }

    public BigInteger N { get; }

    public BigInteger E { get; }

    public int ModulusBits { get; }

    /// <summary>k, the modulus length in octets.</summary>
    public int K => (ModulusBits + 7) / 8;

    public byte[] Modulus => N.ToByteArray(isUnsigned: true, isBigEndian: true);

    public byte[] Exponent => E.ToByteArray(isUnsigned: true, isBigEndian: true);

    public static TestRsaKey FromBcl(RSA rsa)
    {
        RSAParameters p = rsa.ExportParameters(includePrivateParameters: true);
        return new TestRsaKey(
            [new BigInteger(p.P, isUnsigned: true, isBigEndian: true), new BigInteger(p.Q, isUnsigned: true, isBigEndian: true)],
            new BigInteger(p.Exponent, isUnsigned: true, isBigEndian: true));
    }

    /// <summary>The same two-prime key as a BCL <see cref="RSA"/> object (private part included).</summary>
    public RSA ToBcl()
    {
        Assert.Equal(2, _primes.Length);
        BigInteger p = _primes[0], q = _primes[1];
        BigInteger d = ModInverse(E, (p - 1) * (q - 1));
        int half = (K + 1) / 2;
        return RSA.Create(new RSAParameters
        {
            Modulus = Modulus,
            Exponent = Exponent,
            D = Fixed(d, K),
            P = Fixed(p, half),
            Q = Fixed(q, half),
            DP = Fixed(d % (p - 1), half),
            DQ = Fixed(d % (q - 1), half),
            InverseQ = Fixed(BigInteger.ModPow(q, p - 2, p), half),
        });

        static byte[] Fixed(BigInteger value, int length)
        {
            byte[] result = new byte[length];
            int count = value.GetByteCount(isUnsigned: true);
            value.TryWriteBytes(result.AsSpan(length - count), out _, isUnsigned: true, isBigEndian: true);
            return result;
        }
    }

    /// <summary>Generates a key whose modulus has exactly <paramref name="modulusBits"/> bits, from a fixed seed.</summary>
    public static TestRsaKey Generate(int modulusBits, int primeCount, int seed, long exponent = 65537) =>
        Generate(modulusBits, primeCount, seed, (BigInteger)exponent);

    /// <summary>Generates a key with an arbitrary odd public exponent.</summary>
    public static TestRsaKey Generate(int modulusBits, int primeCount, int seed, BigInteger exponent)
    {
        var rng = new Random(seed);
        BigInteger e = exponent;
        Assert.False(e.IsEven);
        int primeBits = modulusBits / primeCount;
        var primes = new List<BigInteger>();
        BigInteger product = BigInteger.One;
        while (primes.Count < primeCount - 1)
        {
            BigInteger low = BigInteger.One << (primeBits - 1);
            BigInteger p = RandomPrime(rng, low, (low << 1) - 1, e);
            if (!primes.Contains(p))
            {
                primes.Add(p);
                product *= p;
            }
        }

        // The last prime lands the product in [2^(bits-1), 2^bits).
        BigInteger lo = ((BigInteger.One << (modulusBits - 1)) + product - 1) / product;
        BigInteger hi = ((BigInteger.One << modulusBits) - 1) / product;
        BigInteger last;
        do
        {
            last = RandomPrime(rng, lo, hi, e);
        }
        while (primes.Contains(last));

        primes.Add(last);
        var key = new TestRsaKey([.. primes], e);
        Assert.Equal(modulusBits, key.ModulusBits);
        return key;
    }

    /// <summary>The RSA private operation on an encoded message of k octets (or fewer): m^d mod n, as k octets.</summary>
    public byte[] RawSign(ReadOnlySpan<byte> encodedMessage)
    {
        var m = new BigInteger(encodedMessage, isUnsigned: true, isBigEndian: true);
        Assert.True(m < N, "the encoded message must be below n to be signed");
        BigInteger s = BigInteger.Zero;
        for (int i = 0; i < _primes.Length; i++)
        {
            BigInteger p = _primes[i];
            s += BigInteger.ModPow(m % p, _primeExponents[i], p) * _crtCoefficients[i];
        }

        s %= N;
        Assert.Equal(m, BigInteger.ModPow(s, E, N));
        byte[] result = new byte[K];
        int length = s.GetByteCount(isUnsigned: true);
        s.TryWriteBytes(result.AsSpan(K - length), out _, isUnsigned: true, isBigEndian: true);
        return result;
    }

    public byte[] SignPkcs1(HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> hash) =>
        RawSign(EncodePkcs1(hashAlgorithm, hash, K));

    public byte[] SignPss(HashAlgorithmName hashAlgorithm, HashAlgorithmName mgf1Hash, ReadOnlySpan<byte> mHash, ReadOnlySpan<byte> salt) =>
        RawSign(EncodePss(hashAlgorithm, mgf1Hash, mHash, salt, ModulusBits - 1));

    /// <summary>The largest PSS salt for this key and digest: emLen - hLen - 2.</summary>
    public int MaxSaltLength(HashAlgorithmName hashAlgorithm) => ((ModulusBits - 1 + 7) / 8) - Digest.GetHashSize(hashAlgorithm) - 2;

    public static string DigestOid(HashAlgorithmName hashAlgorithm) => hashAlgorithm.Name switch
    {
        "MD5" => "1.2.840.113549.2.5",
        "SHA1" => "1.3.14.3.2.26",
        "SHA224" => "2.16.840.1.101.3.4.2.4",
        "SHA256" => "2.16.840.1.101.3.4.2.1",
        "SHA384" => "2.16.840.1.101.3.4.2.2",
        "SHA512" => "2.16.840.1.101.3.4.2.3",
        "SHA512/224" => "2.16.840.1.101.3.4.2.5",
        "SHA512/256" => "2.16.840.1.101.3.4.2.6",
        "SHA3-256" => "2.16.840.1.101.3.4.2.8",
        "SHA3-384" => "2.16.840.1.101.3.4.2.9",
        "SHA3-512" => "2.16.840.1.101.3.4.2.10",
        _ => throw new ArgumentOutOfRangeException(nameof(hashAlgorithm), hashAlgorithm.Name, "no OID"),
    };

    /// <summary>DigestInfo built independently of the library, with System.Formats.Asn1.</summary>
    public static byte[] EncodeDigestInfo(HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> hash, bool includeNull = true)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(DigestOid(hashAlgorithm));
                if (includeNull)
                {
                    writer.WriteNull();
                }
            }

            writer.WriteOctetString(hash);
        }

        return writer.Encode();
    }

    /// <summary>RFC 8017 §9.2 EMSA-PKCS1-v1_5-ENCODE, emLen = k.</summary>
    public static byte[] EncodePkcs1(HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> hash, int k, bool includeNull = true)
    {
        byte[] t = EncodeDigestInfo(hashAlgorithm, hash, includeNull);
        byte[] em = new byte[k];
        em[1] = 0x01;
        em.AsSpan(2, k - t.Length - 3).Fill(0xff);
        t.CopyTo(em, k - t.Length);
        return em;
    }

    /// <summary>RFC 8017 §9.1.1 EMSA-PSS-ENCODE with an explicit salt; emLen = ceil(emBits / 8).</summary>
    public static byte[] EncodePss(HashAlgorithmName hashAlgorithm, HashAlgorithmName mgf1Hash, ReadOnlySpan<byte> mHash, ReadOnlySpan<byte> salt, int emBits, Action<byte[]>? tamperDb = null)
    {
        int emLen = (emBits + 7) / 8;
        int hLen = mHash.Length;
        Assert.True(emLen >= hLen + salt.Length + 2, "encoding error");
        byte[] mPrime = [.. new byte[8], .. mHash, .. salt];
        byte[] h = Hash(hashAlgorithm, mPrime);
        byte[] db = new byte[emLen - hLen - 1];
        db[emLen - salt.Length - hLen - 2] = 0x01;
        salt.CopyTo(db.AsSpan(db.Length - salt.Length));
        tamperDb?.Invoke(db);
        byte[] mask = Mgf1(mgf1Hash, h, db.Length);
        for (int i = 0; i < db.Length; i++)
        {
            db[i] ^= mask[i];
        }

        db[0] &= (byte)(0xff >> ((8 * emLen) - emBits));
        return [.. db, .. h, 0xbc];
    }

    public static byte[] Mgf1(HashAlgorithmName hashAlgorithm, byte[] seed, int length)
    {
        var output = new List<byte>();
        for (uint counter = 0; output.Count < length; counter++)
        {
            byte[] c = [(byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter];
            output.AddRange(Hash(hashAlgorithm, [.. seed, .. c]));
        }

        return [.. output.Take(length)];
    }

    public static byte[] Hash(HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> data)
    {
        byte[] hash = new byte[Digest.GetHashSize(hashAlgorithm)];
        Assert.Equal(hash.Length, Digest.HashData(hashAlgorithm, data, hash));
        return hash;
    }

    private static BigInteger RandomPrime(Random rng, BigInteger low, BigInteger high, BigInteger e)
    {
        BigInteger range = high - low + 1;
        byte[] bytes = new byte[range.GetByteCount(isUnsigned: true) + 8];
        while (true)
        {
            rng.NextBytes(bytes);
            BigInteger candidate = low + (new BigInteger(bytes, isUnsigned: true) % range);
            if (candidate.IsEven)
            {
                candidate += candidate + 1 <= high ? 1 : -1;
            }

            if (BigInteger.GreatestCommonDivisor(candidate - 1, e).IsOne && IsProbablePrime(candidate, rng))
            {
                return candidate;
            }
        }
    }

    private static readonly int[] s_smallPrimeList = [.. Enumerable.Range(3, 1997).Where(n => Enumerable.Range(2, (int)Math.Sqrt(n) - 1).All(d => n % d != 0))];

    // The product of the odd primes below 2000: one GCD does the trial division.
    private static readonly BigInteger s_smallPrimorial = s_smallPrimeList.Aggregate(BigInteger.One, (product, p) => product * p);

    private static bool IsProbablePrime(BigInteger n, Random rng)
    {
        if (!BigInteger.GreatestCommonDivisor(n, s_smallPrimorial).IsOne)
        {
            return false; // the candidates are far above 2000, so a small factor means composite
        }

        BigInteger d = n - 1;
        int s = 0;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        byte[] bytes = new byte[n.GetByteCount(isUnsigned: true)];
        for (int round = 0; round < 12; round++)
        {
            rng.NextBytes(bytes);
            BigInteger a = 2 + (new BigInteger(bytes, isUnsigned: true) % (n - 3));
            BigInteger x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == n - 1)
            {
                continue;
            }

            bool composite = true;
            for (int i = 1; i < s && composite; i++)
            {
                x = BigInteger.ModPow(x, 2, n);
                composite = x != n - 1;
            }

            if (composite)
            {
                return false;
            }
        }

        return true;
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger oldR = a % m, r = m, oldS = 1, s = 0;
        while (!r.IsZero)
        {
            BigInteger q = oldR / r;
            (oldR, r) = (r, oldR - (q * r));
            (oldS, s) = (s, oldS - (q * s));
        }

        Assert.True(oldR.IsOne, "not invertible");
        return ((oldS % m) + m) % m;
    }
}
