using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Keys;

/// <summary>
/// A SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) over its DER encoding, validated for its algorithm when decoded:
/// RSA (RFC 8017 RSAPublicKey), RSASSA-PSS (RFC 4055), EC (RFC 5480, named curves), EdDSA (RFC 8410),
/// DSA (RFC 3279) and ML-DSA (recognised by OID).
/// </summary>
/// <remarks>
/// <code>
/// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
/// </code>
/// </remarks>
public sealed class SubjectPublicKeyInfo
{
    // One source buffer and the offsets of every part: one reference store instead of seven slices. A request
    // keeps only the layout and creates this object when the key is first asked for.
    private readonly ReadOnlyMemory<byte> _source;
    private readonly Layout _layout;

    internal SubjectPublicKeyInfo(ReadOnlyMemory<byte> source, in Layout layout)
    {
        _source = source;
        _layout = layout;
    }

    /// <summary>Where each part of a validated SubjectPublicKeyInfo lies in its source buffer, and what it is.</summary>
    internal readonly record struct Layout(int RawStart, int RawLength, int OidStart, int OidLength, int ParamsStart, int ParamsLength,
        int KeyStart, int KeyLength, KeyAlgorithm Algorithm, int KeySize, PssParameters? PssRestrictions,
        int CurveStart = 0, int CurveLength = 0, int ModulusStart = 0, int ModulusLength = 0, int ExponentStart = 0, int ExponentLength = 0);

    /// <summary>The DER encoding of the whole SubjectPublicKeyInfo.</summary>
    public ReadOnlyMemory<byte> RawData => _source.Slice(_layout.RawStart, _layout.RawLength);

    /// <summary>The algorithm OID's content octets.</summary>
    public ReadOnlyMemory<byte> RawAlgorithmOid => _source.Slice(_layout.OidStart, _layout.OidLength);

    /// <summary>The algorithm OID as dotted text.</summary>
    public string AlgorithmOid => ObjectIdentifier.ToDotted(RawAlgorithmOid.Span);

    /// <summary>The DER encoding of the algorithm parameters, or <see langword="null"/> when absent.</summary>
    public ReadOnlyMemory<byte>? RawParameters => _layout.ParamsStart < 0 ? (ReadOnlyMemory<byte>?)null : _source.Slice(_layout.ParamsStart, _layout.ParamsLength);

    /// <summary>The subjectPublicKey BIT STRING's data octets (0 unused bits).</summary>
    public ReadOnlyMemory<byte> PublicKey => _source.Slice(_layout.KeyStart, _layout.KeyLength);

    /// <summary>The kind of key.</summary>
    public KeyAlgorithm Algorithm => _layout.Algorithm;

    /// <summary>The key size in bits: RSA modulus bits, EC field bits, 255/448 for EdDSA, DSA p bits; 0 when unknown.</summary>
    public int KeySize => _layout.KeySize;

    /// <summary>For EC keys, the named curve OID's content octets; empty otherwise.</summary>
    public ReadOnlyMemory<byte> RawCurveOid => _layout.CurveLength == 0 ? default : _source.Slice(_layout.CurveStart, _layout.CurveLength);

    /// <summary>For EC keys, the named curve as dotted text; <see langword="null"/> otherwise.</summary>
    public string? CurveOid => RawCurveOid.IsEmpty ? null : ObjectIdentifier.ToDotted(RawCurveOid.Span);

    /// <summary>For EC keys, the curve name ("P-256", "P-384", "P-521", "secp256k1", ...) or the dotted OID; otherwise <see langword="null"/>.</summary>
    public string? CurveName => RawCurveOid.IsEmpty ? null : EcCurves.GetName(RawCurveOid.Span) ?? CurveOid;

    /// <summary>For EC keys, the encoded point (SEC 1 §2.3.3, uncompressed or compressed).</summary>
    public ReadOnlyMemory<byte> EcPoint => Algorithm == KeyAlgorithm.EC ? PublicKey : default;

    /// <summary>For RSA and RSASSA-PSS keys, the modulus as big-endian unsigned bytes without a sign octet.</summary>
    public ReadOnlyMemory<byte> RsaModulus => _layout.ModulusLength == 0 ? default : _source.Slice(_layout.ModulusStart, _layout.ModulusLength);

    /// <summary>For RSA and RSASSA-PSS keys, the public exponent as big-endian unsigned bytes.</summary>
    public ReadOnlyMemory<byte> RsaExponent => _layout.ExponentLength == 0 ? default : _source.Slice(_layout.ExponentStart, _layout.ExponentLength);

    /// <summary>For RSASSA-PSS keys with parameters, the restrictions they state (RFC 4055 §3.1); otherwise <see langword="null"/>.</summary>
    public PssParameters? PssRestrictions => _layout.PssRestrictions;

    /// <summary>A display name: "RSA", "RSA-PSS", "EC", "Ed25519", "Ed448", "DSA", "ML-DSA-44", "ML-DSA-65", "ML-DSA-87" or "unknown".</summary>
    public string AlgorithmName => Algorithm switch
    {
        KeyAlgorithm.Rsa => "RSA",
        KeyAlgorithm.RsaPss => "RSA-PSS",
        KeyAlgorithm.EC => "EC",
        KeyAlgorithm.Ed25519 => "Ed25519",
        KeyAlgorithm.Ed448 => "Ed448",
        KeyAlgorithm.Dsa => "DSA",
        KeyAlgorithm.MLDsa44 => "ML-DSA-44",
        KeyAlgorithm.MLDsa65 => "ML-DSA-65",
        KeyAlgorithm.MLDsa87 => "ML-DSA-87",
        _ => "unknown",
    };

    /// <summary>The SHA-256 of the whole SubjectPublicKeyInfo DER (the usual SPKI fingerprint, as in RFC 7469 pins).</summary>
    /// <returns>32 bytes.</returns>
    public byte[] GetSha256Fingerprint() => SHA256.HashData(RawData.Span);

    /// <summary>Decodes and validates a SubjectPublicKeyInfo.</summary>
    /// <param name="encoded">Exactly one SubjectPublicKeyInfo in DER.</param>
    /// <returns>The key, over <paramref name="encoded"/> (no copy).</returns>
    /// <exception cref="Pkcs10Exception">The encoding is malformed or the key is invalid for its algorithm.</exception>
    public static SubjectPublicKeyInfo Decode(ReadOnlyMemory<byte> encoded)
    {
        var reader = new DerReader(encoded.Span);
        SubjectPublicKeyInfo spki = Read(ref reader, encoded, 0, DecodeContext.Strict);
        reader.ThrowIfNotEmpty();
        return spki;
    }

    internal static SubjectPublicKeyInfo Read(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset, DecodeContext context) =>
        new(source, ReadLayout(ref reader, sourceOffset, context));

    /// <summary>Validates a SubjectPublicKeyInfo at the reader's position and returns where its parts lie, relative to <paramref name="sourceOffset"/>.</summary>
    internal static Layout ReadLayout(ref DerReader reader, int sourceOffset, DecodeContext context) =>
        TryReadRsaLayout(ref reader, sourceOffset, out Layout layout) ? layout : ReadLayoutGeneral(ref reader, sourceOffset, context);

    // rsaEncryption's AlgorithmIdentifier with its NULL parameters, as every RSA key encodes it (RFC 3279 §2.3.1).
    private static ReadOnlySpan<byte> RsaAlgorithmIdentifier => [0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00];

    /// <summary>
    /// The usual RSA key of 2048 bits or more, matched in one pass: every header with a two-octet long-form
    /// length, the exact rsaEncryption AlgorithmIdentifier, 0 unused bits, a minimal positive modulus and a
    /// minimal positive exponent with a short-form length. Anything else (including every error) returns
    /// <see langword="false"/> without moving, and the general path reads and reports it as always.
    /// </summary>
    private static bool TryReadRsaLayout(ref DerReader reader, int sourceOffset, out Layout layout)
    {
        layout = default;
        ReadOnlySpan<byte> d = reader.RemainingBytes;

        // SEQUENCE { AlgorithmIdentifier, BIT STRING } is two levels below the reader, as the general path would read it.
        if (d.Length < 38 || !reader.CanNest(2) || d[0] != 0x30 || d[1] != 0x82 || !d.Slice(4, 15).SequenceEqual(RsaAlgorithmIdentifier) ||
            d[19] != 0x03 || d[20] != 0x82 || d[23] != 0x00 || d[24] != 0x30 || d[25] != 0x82 || d[28] != 0x02 || d[29] != 0x82)
        {
            return false;
        }

        int spkiLength = (d[2] << 8) | d[3];
        int bitStringLength = (d[21] << 8) | d[22];
        int keyLength = (d[26] << 8) | d[27];
        int modulusLength = (d[30] << 8) | d[31];

        // Lengths minimal (two octets only from 256), nested exactly, with room after the modulus for the exponent's header and one octet.
        if (spkiLength < 0x100 || spkiLength > d.Length - 4 || bitStringLength != spkiLength - 19 || keyLength != bitStringLength - 5 ||
            keyLength < 0x100 || modulusLength < 0x100 || modulusLength > keyLength - 7)
        {
            return false;
        }

        // X.690 §8.3.2: a minimal INTEGER; the modulus must also be positive (so, with 256+ octets, non-zero).
        int m = 32;
        if (d[m] == 0 ? d[m + 1] < 0x80 : d[m] >= 0x80)
        {
            return false;
        }

        int e = m + modulusLength;
        int exponentLength = d[e + 1];
        if (d[e] != 0x02 || exponentLength != keyLength - 4 - modulusLength - 2)
        {
            return false;
        }

        // Same for the exponent (short form, 1..127 octets): minimal, positive, non-zero.
        byte e0 = d[e + 2];
        if (e0 >= 0x80 || (e0 == 0 && (exponentLength == 1 || d[e + 3] < 0x80)))
        {
            return false;
        }

        int rawStart = reader.Offset - sourceOffset;
        int modulusSkip = d[m] == 0 ? 1 : 0;
        int exponentSkip = e0 == 0 ? 1 : 0;
        layout = new Layout(rawStart, spkiLength + 4, rawStart + 8, 9, rawStart + 17, 2, rawStart + 24, bitStringLength - 1,
            KeyAlgorithm.Rsa, BitLength(d.Slice(m + modulusSkip, modulusLength - modulusSkip)), null,
            ModulusStart: rawStart + m + modulusSkip, ModulusLength: modulusLength - modulusSkip,
            ExponentStart: rawStart + e + 2 + exponentSkip, ExponentLength: exponentLength - exponentSkip);
        reader.Skip(spkiLength + 4);
        return true;
    }

    /// <summary>The element-by-element path for every key: the reference that <see cref="TryReadRsaLayout"/> must agree with.</summary>
    internal static Layout ReadLayoutGeneral(ref DerReader reader, int sourceOffset, DecodeContext context)
    {
        int start = reader.Offset;
        DerReader spki = reader.ReadSequence();
        int rawLength = reader.Offset - start;
        DerReader alg = spki.ReadSequence();
        int oidOffset = alg.Offset;
        ReadOnlySpan<byte> oid = alg.ReadObjectIdentifier();
        int oidContentStart = alg.Offset - oid.Length - sourceOffset;
        int paramsOffset = alg.Offset;
        ReadOnlySpan<byte> parameters = alg.HasData ? alg.ReadEncodedValue() : default;
        bool hasParameters = paramsOffset != alg.Offset;
        alg.ThrowIfNotEmpty();

        int keyOffset = spki.Offset;
        ReadOnlySpan<byte> key = spki.ReadBitString(out int unused);
        spki.ThrowIfNotEmpty();
        if (unused != 0)
        {
            ThrowUnusedBits(keyOffset);
        }

        int keyStart = spki.Offset - key.Length - sourceOffset;
        int paramsStart = hasParameters ? paramsOffset - sourceOffset : -1;
        int rawStart = start - sourceOffset;

        if (oid.SequenceEqual(Oids.RsaEncryption))
        {
            // RFC 3279 §2.3.1: parameters MUST be NULL.
            if (!hasParameters)
            {
                RsaParametersAbsent(context, oidOffset);
            }
            else if (!parameters.SequenceEqual((ReadOnlySpan<byte>)[0x05, 0x00]))
            {
                ThrowRsaParametersNotNull(paramsOffset);
            }

            ReadRsaKey(key, keyStart + sourceOffset, out int modulusAt, out int modulusLength, out int exponentAt, out int exponentLength, out int bits);
            return new Layout(rawStart, rawLength, oidContentStart, oid.Length, paramsStart, parameters.Length, keyStart, key.Length,
                KeyAlgorithm.Rsa, bits, null, 0, 0, keyStart + modulusAt, modulusLength, keyStart + exponentAt, exponentLength);
        }

        if (oid.SequenceEqual(Oids.EcPublicKey))
        {
            if (!hasParameters)
            {
                ThrowEcNoParameters(oidOffset);
            }

            var p = new DerReader(parameters, paramsOffset);
            if (!p.IsNext((byte)0x06))
            {
                ThrowEcExplicit(paramsOffset);
            }

            ReadOnlySpan<byte> curveOid = p.ReadObjectIdentifier();
            int fieldBits = EcCurves.GetFieldBits(curveOid);
            CheckEcPoint(key, fieldBits, keyOffset);
            return new Layout(rawStart, rawLength, oidContentStart, oid.Length, paramsStart, parameters.Length, keyStart, key.Length,
                KeyAlgorithm.EC, fieldBits, null, paramsStart + (parameters.Length - curveOid.Length), curveOid.Length);
        }

        return ReadOther(oid, parameters, hasParameters, key, keyOffset, keyStart, sourceOffset, paramsOffset, context,
            rawStart, rawLength, oidContentStart, paramsStart);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Layout ReadOther(ReadOnlySpan<byte> oid, ReadOnlySpan<byte> parameters, bool hasParameters,
        ReadOnlySpan<byte> key, int keyOffset, int keyStart, int sourceOffset, int paramsOffset, DecodeContext context,
        int rawStart, int rawLength, int oidContentStart, int paramsStart)
    {
        KeyAlgorithm algorithm = KeyAlgorithm.Unknown;
        int keySize = 0;
        PssParameters? pss = null;
        if (oid.SequenceEqual(Oids.RsaPss))
        {
            // RFC 4055 §3.1: parameters absent (no restriction) or RSASSA-PSS-params (restrictions).
            if (hasParameters)
            {
                pss = PssParameters.Read(parameters, paramsOffset, context);
            }

            ReadRsaKey(key, keyStart + sourceOffset, out int modulusAt, out int modulusLength, out int exponentAt, out int exponentLength, out int bits);
            return new Layout(rawStart, rawLength, oidContentStart, oid.Length, paramsStart, parameters.Length, keyStart, key.Length,
                KeyAlgorithm.RsaPss, bits, pss, 0, 0, keyStart + modulusAt, modulusLength, keyStart + exponentAt, exponentLength);
        }
        else if (oid.SequenceEqual(Oids.Ed25519) || oid.SequenceEqual(Oids.Ed448))
        {
            bool is25519 = oid.SequenceEqual(Oids.Ed25519);
            algorithm = is25519 ? KeyAlgorithm.Ed25519 : KeyAlgorithm.Ed448;
            keySize = is25519 ? 255 : 448;

            // RFC 8410 §3: parameters MUST be absent.
            if (hasParameters)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, "EdDSA key parameters must be absent (RFC 8410 §3)", paramsOffset);
            }

            int expected = is25519 ? 32 : 57;
            if (key.Length != expected)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidPublicKey, $"{(is25519 ? "Ed25519" : "Ed448")} public key must be {expected} bytes, found {key.Length}", keyOffset);
            }
        }
        else if (oid.SequenceEqual(Oids.DsaKey))
        {
            algorithm = KeyAlgorithm.Dsa;
            if (hasParameters)
            {
                var p = new DerReader(parameters, paramsOffset);
                DerReader dss = p.ReadSequence();
                ReadOnlySpan<byte> prime = dss.ReadUnsignedIntegerBytes();
                dss.ReadUnsignedIntegerBytes();
                dss.ReadUnsignedIntegerBytes();
                dss.ThrowIfNotEmpty();
                keySize = BitLength(prime);
            }

            var y = new DerReader(key, keyStart + sourceOffset);
            y.ReadUnsignedIntegerBytes();
            y.ThrowIfNotEmpty();
        }
        else if (oid.SequenceEqual(Oids.MlDsa44) || oid.SequenceEqual(Oids.MlDsa65) || oid.SequenceEqual(Oids.MlDsa87))
        {
            algorithm = oid.SequenceEqual(Oids.MlDsa44) ? KeyAlgorithm.MLDsa44 : oid.SequenceEqual(Oids.MlDsa65) ? KeyAlgorithm.MLDsa65 : KeyAlgorithm.MLDsa87;
            int expected = algorithm switch { KeyAlgorithm.MLDsa44 => 1312, KeyAlgorithm.MLDsa65 => 1952, _ => 2592 };
            if (hasParameters)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, "ML-DSA key parameters must be absent", paramsOffset);
            }

            if (key.Length != expected)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidPublicKey, $"ML-DSA public key must be {expected} bytes, found {key.Length}", keyOffset);
            }
        }

        return new Layout(rawStart, rawLength, oidContentStart, oid.Length, paramsStart, parameters.Length, keyStart, key.Length,
            algorithm, keySize, pss);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowUnusedBits(int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.InvalidPublicKey, "subjectPublicKey must have 0 unused bits", offset);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowRsaParametersNotNull(int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, "rsaEncryption parameters must be NULL (RFC 3279 §2.3.1)", offset);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowEcNoParameters(int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, "id-ecPublicKey needs ECParameters (RFC 5480 §2.1.1)", offset);

    // RFC 5480 §2.1.1: specifiedCurve and implicitCurve MUST NOT be used.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowEcExplicit(int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, "EC parameters must be a namedCurve OID; explicit curve parameters are not allowed (RFC 5480 §2.1.1)", offset);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void RsaParametersAbsent(DecodeContext context, int offset) =>
        context.Deviation(Pkcs10ErrorCode.InvalidAlgorithmParameters, "rsaEncryption parameters must be NULL, found absent (RFC 3279 §2.3.1)", offset);

    private static void ReadRsaKey(ReadOnlySpan<byte> keySpan, int keyOffset, out int modulusAt, out int modulusLength, out int exponentAt, out int exponentLength, out int bits)
    {
        // RFC 8017 Appendix A.1.1: RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
        var r = new DerReader(keySpan, keyOffset);
        DerReader seq = r.ReadSequence();
        int nOffset = seq.Offset;
        ReadOnlySpan<byte> n = seq.ReadUnsignedIntegerBytes();
        int eOffset = seq.Offset;
        ReadOnlySpan<byte> e = seq.ReadUnsignedIntegerBytes();
        seq.ThrowIfNotEmpty();
        r.ThrowIfNotEmpty();
        if (n.Length == 1 && n[0] == 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidPublicKey, "RSA modulus is zero", nOffset);
        }

        if (e.Length == 1 && e[0] == 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidPublicKey, "RSA exponent is zero", eOffset);
        }

        modulusAt = Spans.OffsetOf(keySpan, n);
        modulusLength = n.Length;
        exponentAt = Spans.OffsetOf(keySpan, e);
        exponentLength = e.Length;
        bits = BitLength(n);
    }

    private static void CheckEcPoint(ReadOnlySpan<byte> point, int fieldBits, int offset)
    {
        if (point.IsEmpty)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidPublicKey, "EC public key is empty", offset);
        }

        if (fieldBits == 0)
        {
            return; // unknown curve: the point format cannot be checked.
        }

        int fieldBytes = (fieldBits + 7) / 8;
        bool ok = point[0] switch
        {
            0x04 => point.Length == 1 + (2 * fieldBytes),
            0x02 or 0x03 => point.Length == 1 + fieldBytes,
            _ => false,
        };
        if (!ok)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidPublicKey, $"EC point is not a {fieldBits}-bit SEC 1 encoding (form 0x{point[0]:X2}, {point.Length} bytes)", offset);
        }
    }

    internal static int BitLength(ReadOnlySpan<byte> unsignedBigEndian)
    {
        int i = 0;
        while (i < unsignedBigEndian.Length - 1 && unsignedBigEndian[i] == 0)
        {
            i++;
        }

        if (i >= unsignedBigEndian.Length)
        {
            return 0;
        }

        return ((unsignedBigEndian.Length - i - 1) * 8) + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)unsignedBigEndian[i]));
    }
}
