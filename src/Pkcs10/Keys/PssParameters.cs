using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Keys;

/// <summary>RSASSA-PSS parameters (RFC 4055 §3.1, RFC 8017 Appendix A.2.3), with the DEFAULTs applied.</summary>
/// <remarks>
/// <code>
/// RSASSA-PSS-params ::= SEQUENCE {
///   hashAlgorithm      [0] HashAlgorithm     DEFAULT sha1,
///   maskGenAlgorithm   [1] MaskGenAlgorithm  DEFAULT mgf1SHA1,
///   saltLength         [2] INTEGER           DEFAULT 20,
///   trailerField       [3] TrailerField      DEFAULT trailerFieldBC }
/// </code>
/// </remarks>
public sealed class PssParameters
{
    private PssParameters(HashAlgorithmName? hash, string hashOid, HashAlgorithmName? mgf1Hash, string mgf1HashOid, int saltLength, int trailerField)
    {
        Hash = hash;
        HashOid = hashOid;
        Mgf1Hash = mgf1Hash;
        Mgf1HashOid = mgf1HashOid;
        SaltLength = saltLength;
        TrailerField = trailerField;
    }

    /// <summary>The message hash, or <see langword="null"/> when it is not one this library implements.</summary>
    public HashAlgorithmName? Hash { get; }

    /// <summary>The message hash OID.</summary>
    public string HashOid { get; }

    /// <summary>The MGF1 hash, or <see langword="null"/> when it is not one this library implements.</summary>
    public HashAlgorithmName? Mgf1Hash { get; }

    /// <summary>The MGF1 hash OID.</summary>
    public string Mgf1HashOid { get; }

    /// <summary>The salt length in bytes.</summary>
    public int SaltLength { get; }

    /// <summary>The trailer field (1 means 0xBC, the only value RFC 8017 defines).</summary>
    public int TrailerField { get; }

    internal static PssParameters Read(ReadOnlySpan<byte> encoded, int offset, DecodeContext context)
    {
        var outer = new DerReader(encoded, offset);
        DerReader seq = outer.ReadSequence();
        outer.ThrowIfNotEmpty();

        HashAlgorithmName? hash = HashAlgorithmName.SHA1;
        string hashOid = "1.3.14.3.2.26";
        HashAlgorithmName? mgfHash = HashAlgorithmName.SHA1;
        string mgfHashOid = hashOid;
        int salt = 20;
        int trailer = 1;

        int at = seq.Offset;
        if (seq.TryReadExplicit(0, out DerReader h))
        {
            (hash, hashOid) = ReadHashAlgorithm(ref h);
            h.ThrowIfNotEmpty();
            if (hashOid == "1.3.14.3.2.26")
            {
                context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, "hashAlgorithm sha1 is the DEFAULT and must be omitted (X.690 §11.5)", at);
            }
        }

        at = seq.Offset;
        if (seq.TryReadExplicit(1, out DerReader m))
        {
            DerReader mgf = m.ReadSequence();
            m.ThrowIfNotEmpty();
            int mgfOidOffset = mgf.Offset;
            ReadOnlySpan<byte> mgfOid = mgf.ReadObjectIdentifier();
            if (!mgfOid.SequenceEqual(Oids.Mgf1))
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.UnsupportedAlgorithm, $"mask generation function {ObjectIdentifier.ToDisplay(mgfOid)} is not MGF1", mgfOidOffset);
            }

            (mgfHash, mgfHashOid) = ReadHashAlgorithm(ref mgf);
            mgf.ThrowIfNotEmpty();
            if (mgfHashOid == "1.3.14.3.2.26")
            {
                context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, "maskGenAlgorithm mgf1SHA1 is the DEFAULT and must be omitted (X.690 §11.5)", at);
            }
        }

        at = seq.Offset;
        if (seq.TryReadExplicit(2, out DerReader s))
        {
            long value = s.ReadInt64(out _);
            s.ThrowIfNotEmpty();
            if (value is < 0 or > 65536)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, $"PSS saltLength {value} is out of range", at);
            }

            salt = (int)value;
            if (salt == 20)
            {
                context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, "saltLength 20 is the DEFAULT and must be omitted (X.690 §11.5)", at);
            }
        }

        at = seq.Offset;
        if (seq.TryReadExplicit(3, out DerReader t))
        {
            long value = t.ReadInt64(out _);
            t.ThrowIfNotEmpty();
            if (value != 1)
            {
                // RFC 4055 §3.1: trailerField MUST be 1.
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidAlgorithmParameters, $"PSS trailerField {value} is not 1 (RFC 4055 §3.1)", at);
            }

            trailer = 1;
            context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, "trailerField 1 is the DEFAULT and must be omitted (X.690 §11.5)", at);
        }

        seq.ThrowIfNotEmpty();
        return new PssParameters(hash, hashOid, mgfHash, mgfHashOid, salt, trailer);
    }

    // HashAlgorithm ::= AlgorithmIdentifier; RFC 4055 §2.1: parameters NULL or absent, both accepted.
    private static (HashAlgorithmName? Hash, string Oid) ReadHashAlgorithm(ref DerReader reader)
    {
        DerReader alg = reader.ReadSequence();
        ReadOnlySpan<byte> oid = alg.ReadObjectIdentifier();
        if (alg.HasData)
        {
            alg.ReadNull();
        }

        alg.ThrowIfNotEmpty();
        return (HashAlgorithms.FromOid(oid), ObjectIdentifier.ToDotted(oid));
    }
}
