using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Internal;
using Pkcs10.Keys;

namespace Pkcs10.Signatures;

/// <summary>
/// A signature AlgorithmIdentifier, validated when decoded: the parameters each algorithm allows (NULL for
/// RSASSA-PKCS1-v1_5, RFC 4055 §5; absent for ECDSA, RFC 5758 §3.2, for DSA, RFC 3279 §2.2.2, and for EdDSA,
/// RFC 8410 §3; RSASSA-PSS-params for PSS, RFC 4055 §3.1).
/// </summary>
/// <remarks>
/// <code>
/// AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY DEFINED BY algorithm OPTIONAL }
/// </code>
/// </remarks>
public sealed partial class SignatureAlgorithmIdentifier
{
    // One source buffer and the offsets of its parts; a request keeps only the layout and creates this
    // object when the algorithm is first asked for.
    private readonly ReadOnlyMemory<byte> _source;
    private readonly Layout _layout;

    internal SignatureAlgorithmIdentifier(ReadOnlyMemory<byte> source, in Layout layout)
    {
        _source = source;
        _layout = layout;
    }

    /// <summary>Where each part of a validated AlgorithmIdentifier lies in its source buffer, and what it means.</summary>
    internal readonly record struct Layout(int RawStart, int RawLength, int OidStart, int OidLength, int ParamsStart, int ParamsLength,
        SignatureKind Kind, HashAlgorithmName? Hash, PssParameters? Pss, string? Name);

    /// <summary>The DER encoding of the AlgorithmIdentifier.</summary>
    public ReadOnlyMemory<byte> RawData => _source.Slice(_layout.RawStart, _layout.RawLength);

    /// <summary>The algorithm OID's content octets.</summary>
    public ReadOnlyMemory<byte> RawOid => _source.Slice(_layout.OidStart, _layout.OidLength);

    /// <summary>The algorithm OID as dotted text.</summary>
    public string Oid => ObjectIdentifier.ToDotted(RawOid.Span);

    /// <summary>The DER encoding of the parameters, or <see langword="null"/> when absent.</summary>
    public ReadOnlyMemory<byte>? RawParameters => _layout.ParamsStart < 0 ? (ReadOnlyMemory<byte>?)null : _source.Slice(_layout.ParamsStart, _layout.ParamsLength);

    /// <summary>The signature scheme.</summary>
    public SignatureKind Kind => _layout.Kind;

    /// <summary>The message digest: from the OID, or from the PSS parameters; <see langword="null"/> for EdDSA and unknown algorithms.</summary>
    public HashAlgorithmName? Hash => _layout.Hash;

    /// <summary>The RSASSA-PSS parameters (DEFAULTs applied) when <see cref="Kind"/> is <see cref="SignatureKind.RsaPss"/>.</summary>
    public PssParameters? Pss => _layout.Pss;

    /// <summary>The conventional name: "sha256WithRSAEncryption", "RSASSA-PSS", "ecdsa-with-SHA256", "Ed25519", ... or the dotted OID.</summary>
    public string Name => _layout.Name ?? Oid;

    /// <summary>Whether the digest is MD5 or SHA-1 (or MD2/MD4), which no longer resist collisions.</summary>
    public bool IsWeakHash => Hash == HashAlgorithmName.MD5 || Hash == HashAlgorithmName.SHA1 ||
        RawOid.Span.SequenceEqual(Oids.Md2WithRsa) || RawOid.Span.SequenceEqual(Oids.Md4WithRsa);

    /// <summary>Decodes and validates a signature AlgorithmIdentifier.</summary>
    /// <param name="encoded">Exactly one AlgorithmIdentifier in DER.</param>
    /// <returns>The identifier, over <paramref name="encoded"/> (no copy).</returns>
    /// <exception cref="Pkcs10Exception">The encoding or the parameters are malformed.</exception>
    public static SignatureAlgorithmIdentifier Decode(ReadOnlyMemory<byte> encoded)
    {
        var reader = new DerReader(encoded.Span);
        SignatureAlgorithmIdentifier id = Read(ref reader, encoded, 0, DecodeContext.Strict);
        reader.ThrowIfNotEmpty();
        return id;
    }

    internal static SignatureAlgorithmIdentifier Read(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset, DecodeContext context) =>
        new(source, ReadLayout(ref reader, sourceOffset, context));

    /// <summary>Validates an AlgorithmIdentifier at the reader's position and returns where its parts lie, relative to <paramref name="sourceOffset"/>.</summary>
    internal static Layout ReadLayout(ref DerReader reader, int sourceOffset, DecodeContext context) =>
        TryReadCommonLayout(ref reader, sourceOffset, out Layout layout) ? layout : ReadLayoutGeneral(ref reader, sourceOffset, context);

    /// <summary>
    /// The complete encodings of the six most common algorithms (sha256/384/512WithRSAEncryption with NULL
    /// parameters, ecdsa-with-SHA256/384/512 without), matched byte for byte; anything else returns
    /// <see langword="false"/> without moving, for the general path.
    /// </summary>
    private static bool TryReadCommonLayout(ref DerReader reader, int sourceOffset, out Layout layout)
    {
        ReadOnlySpan<byte> d = reader.RemainingBytes;
        if (reader.CanNest(1) && d.Length >= 12 && d[0] == 0x30)
        {
            if (d.Length >= 15 && d[1] == 0x0D && d[2] == 0x06 && d[3] == 0x09 && d[13] == 0x05 && d[14] == 0x00 &&
                d.Slice(4, 8).SequenceEqual(Oids.Sha256WithRsa[..8]) && d[12] is 0x0B or 0x0C or 0x0D)
            {
                int start = reader.Offset - sourceOffset;
                (SignatureKind kind, HashAlgorithmName? hash, string? name) = Classify(d.Slice(4, 9));
                layout = new Layout(start, 15, start + 4, 9, start + 13, 2, kind, hash, null, name);
                reader.Skip(15);
                return true;
            }

            if (d[1] == 0x0A && d[2] == 0x06 && d[3] == 0x08 && d.Slice(4, 7).SequenceEqual(Oids.EcdsaWithSha256[..7]) && d[11] is 0x02 or 0x03 or 0x04)
            {
                int start = reader.Offset - sourceOffset;
                (SignatureKind kind, HashAlgorithmName? hash, string? name) = Classify(d.Slice(4, 8));
                layout = new Layout(start, 12, start + 4, 8, -1, 0, kind, hash, null, name);
                reader.Skip(12);
                return true;
            }
        }

        layout = default;
        return false;
    }

    /// <summary>The element-by-element path for every algorithm: the reference that <see cref="TryReadCommonLayout"/> must agree with.</summary>
    internal static Layout ReadLayoutGeneral(ref DerReader reader, int sourceOffset, DecodeContext context)
    {
        int start = reader.Offset;
        DerReader alg = reader.ReadSequence();
        int rawLength = reader.Offset - start;
        int oidOffset = alg.Offset;
        ReadOnlySpan<byte> oid = alg.ReadObjectIdentifier();
        int oidStart = alg.Offset - oid.Length - sourceOffset;
        int paramsOffset = alg.Offset;
        bool hasParameters = alg.HasData;
        ReadOnlySpan<byte> parameters = hasParameters ? alg.ReadEncodedValue() : default;
        alg.ThrowIfNotEmpty();
        int paramsStart = hasParameters ? paramsOffset - sourceOffset : -1;

        (SignatureKind kind, HashAlgorithmName? hash, string? name) = Classify(oid);
        PssParameters? pss = null;
        switch (kind)
        {
            case SignatureKind.RsaPkcs1:
                // RFC 4055 §5 / RFC 8017 A.2.4: parameters MUST be NULL. Absent is a common deviation.
                if (!hasParameters || parameters.Length != 2 || parameters[0] != 0x05 || parameters[1] != 0x00)
                {
                    CheckRsaPkcs1Parameters(hasParameters, name, oidOffset, paramsOffset, context);
                }

                break;
            case SignatureKind.RsaPss:
                // RFC 4055 §3.1: in a signature AlgorithmIdentifier the parameters MUST be present.
                pss = ReadPss(hasParameters, parameters, oidOffset, paramsOffset, context);
                hash = pss.Hash;
                break;
            case SignatureKind.Ecdsa:
            case SignatureKind.Dsa:
            case SignatureKind.Ed25519:
            case SignatureKind.Ed448:
            case SignatureKind.MLDsa:
                // RFC 5758 §3.1-3.2, RFC 3279 §2.2.2, RFC 8410 §3: parameters MUST be absent.
                if (hasParameters)
                {
                    ParametersPresent(kind, parameters, name, paramsOffset, context);
                }

                break;
            default:
                break;
        }

        return new Layout(start - sourceOffset, rawLength, oidStart, oid.Length, paramsStart, parameters.Length, kind, hash, pss, name);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckRsaPkcs1Parameters(bool hasParameters, string? name, int oidOffset, int paramsOffset, DecodeContext context)
    {
        if (!hasParameters)
        {
            context.Deviation(Pkcs10ErrorCode.InvalidAlgorithmParameters, $"{name} parameters must be NULL, found absent (RFC 4055 §5)", oidOffset);
        }
        else
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, $"{name} parameters must be NULL (RFC 4055 §5)", paramsOffset);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static PssParameters ReadPss(bool hasParameters, ReadOnlySpan<byte> parameters, int oidOffset, int paramsOffset, DecodeContext context)
    {
        if (!hasParameters)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, "RSASSA-PSS signature parameters must be present (RFC 4055 §3.1)", oidOffset);
        }

        return PssParameters.Read(parameters, paramsOffset, context);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ParametersPresent(SignatureKind kind, ReadOnlySpan<byte> parameters, string? name, int paramsOffset, DecodeContext context)
    {
        bool isNull = parameters.SequenceEqual((ReadOnlySpan<byte>)[0x05, 0x00]);
        if (isNull && kind is SignatureKind.Ecdsa or SignatureKind.Dsa)
        {
            context.Deviation(Pkcs10ErrorCode.InvalidAlgorithmParameters, $"{name} parameters must be absent, found NULL (RFC 5758 §3)", paramsOffset);
        }
        else
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, $"{name} parameters must be absent", paramsOffset);
        }
    }

    private static (SignatureKind Kind, HashAlgorithmName? Hash, string? Name) Classify(ReadOnlySpan<byte> oid)
    {
        // Fast dispatch for the common algorithms on the shared arc prefix and the last octet; everything
        // else (and anything not matched here) goes through the full list below.
        if (oid.Length == 9 && oid[..8].SequenceEqual(Oids.Sha256WithRsa[..8]))
        {
            switch (oid[8])
            {
                case 0x0B: return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA256, "sha256WithRSAEncryption");
                case 0x0C: return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA384, "sha384WithRSAEncryption");
                case 0x0D: return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA512, "sha512WithRSAEncryption");
                default: break;
            }
        }
        else if (oid.Length == 8 && oid[..7].SequenceEqual(Oids.EcdsaWithSha256[..7]))
        {
            switch (oid[7])
            {
                case 0x02: return (SignatureKind.Ecdsa, HashAlgorithmName.SHA256, "ecdsa-with-SHA256");
                case 0x03: return (SignatureKind.Ecdsa, HashAlgorithmName.SHA384, "ecdsa-with-SHA384");
                case 0x04: return (SignatureKind.Ecdsa, HashAlgorithmName.SHA512, "ecdsa-with-SHA512");
                default: break;
            }
        }

        return ClassifySlow(oid);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (SignatureKind Kind, HashAlgorithmName? Hash, string? Name) ClassifySlow(ReadOnlySpan<byte> oid)
    {
        if (oid.SequenceEqual(Oids.Sha256WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA256, "sha256WithRSAEncryption"); }
        if (oid.SequenceEqual(Oids.Sha384WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA384, "sha384WithRSAEncryption"); }
        if (oid.SequenceEqual(Oids.Sha512WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA512, "sha512WithRSAEncryption"); }
        if (oid.SequenceEqual(Oids.Sha224WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithms.Sha224, "sha224WithRSAEncryption"); }
        if (oid.SequenceEqual(Oids.Sha1WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA1, "sha1WithRSAEncryption"); }
        if (oid.SequenceEqual(Oids.Md5WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithmName.MD5, "md5WithRSAEncryption"); }
        if (oid.SequenceEqual(Oids.Sha3_256WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA3_256, "id-rsassa-pkcs1-v1_5-with-sha3-256"); }
        if (oid.SequenceEqual(Oids.Sha3_384WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA3_384, "id-rsassa-pkcs1-v1_5-with-sha3-384"); }
        if (oid.SequenceEqual(Oids.Sha3_512WithRsa)) { return (SignatureKind.RsaPkcs1, HashAlgorithmName.SHA3_512, "id-rsassa-pkcs1-v1_5-with-sha3-512"); }
        if (oid.SequenceEqual(Oids.RsaPss)) { return (SignatureKind.RsaPss, null, "RSASSA-PSS"); }
        if (oid.SequenceEqual(Oids.EcdsaWithSha256)) { return (SignatureKind.Ecdsa, HashAlgorithmName.SHA256, "ecdsa-with-SHA256"); }
        if (oid.SequenceEqual(Oids.EcdsaWithSha384)) { return (SignatureKind.Ecdsa, HashAlgorithmName.SHA384, "ecdsa-with-SHA384"); }
        if (oid.SequenceEqual(Oids.EcdsaWithSha512)) { return (SignatureKind.Ecdsa, HashAlgorithmName.SHA512, "ecdsa-with-SHA512"); }
        if (oid.SequenceEqual(Oids.EcdsaWithSha224)) { return (SignatureKind.Ecdsa, HashAlgorithms.Sha224, "ecdsa-with-SHA224"); }
        if (oid.SequenceEqual(Oids.EcdsaWithSha1)) { return (SignatureKind.Ecdsa, HashAlgorithmName.SHA1, "ecdsa-with-SHA1"); }
        if (oid.SequenceEqual(Oids.EcdsaWithSha3_256)) { return (SignatureKind.Ecdsa, HashAlgorithmName.SHA3_256, "id-ecdsa-with-sha3-256"); }
        if (oid.SequenceEqual(Oids.EcdsaWithSha3_384)) { return (SignatureKind.Ecdsa, HashAlgorithmName.SHA3_384, "id-ecdsa-with-sha3-384"); }
        if (oid.SequenceEqual(Oids.EcdsaWithSha3_512)) { return (SignatureKind.Ecdsa, HashAlgorithmName.SHA3_512, "id-ecdsa-with-sha3-512"); }
        if (oid.SequenceEqual(Oids.DsaWithSha256)) { return (SignatureKind.Dsa, HashAlgorithmName.SHA256, "dsa-with-sha256"); }
        if (oid.SequenceEqual(Oids.DsaWithSha1)) { return (SignatureKind.Dsa, HashAlgorithmName.SHA1, "dsa-with-sha1"); }
        if (oid.SequenceEqual(Oids.DsaWithSha224)) { return (SignatureKind.Dsa, HashAlgorithms.Sha224, "dsa-with-sha224"); }
        if (oid.SequenceEqual(Oids.DsaWithSha384)) { return (SignatureKind.Dsa, HashAlgorithmName.SHA384, "id-dsa-with-sha384"); }
        if (oid.SequenceEqual(Oids.DsaWithSha512)) { return (SignatureKind.Dsa, HashAlgorithmName.SHA512, "id-dsa-with-sha512"); }
        if (oid.SequenceEqual(Oids.Ed25519)) { return (SignatureKind.Ed25519, null, "Ed25519"); }
        if (oid.SequenceEqual(Oids.Ed448)) { return (SignatureKind.Ed448, null, "Ed448"); }
        if (oid.SequenceEqual(Oids.MlDsa44)) { return (SignatureKind.MLDsa, null, "ML-DSA-44"); }
        if (oid.SequenceEqual(Oids.MlDsa65)) { return (SignatureKind.MLDsa, null, "ML-DSA-65"); }
        if (oid.SequenceEqual(Oids.MlDsa87)) { return (SignatureKind.MLDsa, null, "ML-DSA-87"); }
        if (oid.SequenceEqual(Oids.Md2WithRsa)) { return (SignatureKind.Unknown, null, "md2WithRSAEncryption"); }
        if (oid.SequenceEqual(Oids.Md4WithRsa)) { return (SignatureKind.Unknown, null, "md4WithRSAEncryption"); }
        return (SignatureKind.Unknown, null, null);
    }
}
