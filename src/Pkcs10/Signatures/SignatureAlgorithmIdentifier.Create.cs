using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Signatures;

public sealed partial class SignatureAlgorithmIdentifier
{
    /// <summary>
    /// The AlgorithmIdentifier for a signature scheme and digest, encoded as the RFCs require: NULL parameters
    /// for RSASSA-PKCS1-v1_5 (RFC 4055 §5), absent for ECDSA (RFC 5758 §3.2), DSA (RFC 5758 §3.1) and EdDSA
    /// (RFC 8410 §3), and for RSASSA-PSS the parameters of <see cref="CreateRsaPss"/> with a salt as long as the hash.
    /// </summary>
    /// <param name="kind">The scheme.</param>
    /// <param name="hash">The digest: SHA-256, SHA-384 or SHA-512 (SHA-224 too for PKCS#1, ECDSA and DSA); ignored for EdDSA.</param>
    /// <returns>The decoded identifier over its own DER.</returns>
    /// <exception cref="ArgumentException">The combination has no identifier here (MD5 and SHA-1 are never produced).</exception>
    public static SignatureAlgorithmIdentifier Create(SignatureKind kind, HashAlgorithmName hash = default)
    {
        ReadOnlySpan<byte> oid = kind switch
        {
            SignatureKind.RsaPkcs1 => HashSwitch(hash, Oids.Sha224WithRsa, Oids.Sha256WithRsa, Oids.Sha384WithRsa, Oids.Sha512WithRsa),
            SignatureKind.Ecdsa => HashSwitch(hash, Oids.EcdsaWithSha224, Oids.EcdsaWithSha256, Oids.EcdsaWithSha384, Oids.EcdsaWithSha512),
            SignatureKind.Dsa => HashSwitch(hash, Oids.DsaWithSha224, Oids.DsaWithSha256, Oids.DsaWithSha384, Oids.DsaWithSha512),
            SignatureKind.Ed25519 => Oids.Ed25519,
            SignatureKind.Ed448 => Oids.Ed448,
            SignatureKind.RsaPss => default,
            _ => default,
        };

        if (kind == SignatureKind.RsaPss)
        {
            return CreateRsaPss(hash);
        }

        if (oid.IsEmpty)
        {
            throw new ArgumentException($"no signature algorithm for {kind} with {(hash.Name ?? "no hash")}", nameof(hash));
        }

        using var writer = new DerWriter(32);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (kind == SignatureKind.RsaPkcs1)
            {
                writer.WriteNull();
            }
        }

        return Decode(writer.Encode());
    }

    /// <summary>
    /// The id-RSASSA-PSS AlgorithmIdentifier with explicit RSASSA-PSS-params (RFC 4055 §3.1): the hash, MGF1 with
    /// the same hash, and the salt length; each hash AlgorithmIdentifier with NULL parameters, as RFC 4055 §2.1
    /// lists them, and the trailer field left at its DEFAULT. This is what OpenSSL and .NET produce.
    /// </summary>
    /// <param name="hash">SHA-256, SHA-384 or SHA-512.</param>
    /// <param name="saltLength">The salt length in bytes; the hash length when <see langword="null"/>.</param>
    /// <returns>The decoded identifier over its own DER.</returns>
    /// <exception cref="ArgumentException">The hash is not SHA-256, SHA-384 or SHA-512.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="saltLength"/> is negative.</exception>
    public static SignatureAlgorithmIdentifier CreateRsaPss(HashAlgorithmName hash, int? saltLength = null)
    {
        ReadOnlySpan<byte> hashOid = HashSwitch(hash, default, Oids.Sha256, Oids.Sha384, Oids.Sha512);
        if (hashOid.IsEmpty)
        {
            throw new ArgumentException($"RSASSA-PSS is produced with SHA-256, SHA-384 or SHA-512, not {hash.Name ?? "no hash"}", nameof(hash));
        }

        int salt = saltLength ?? hash.Name switch { "SHA256" => 32, "SHA384" => 48, _ => 64 };
        ArgumentOutOfRangeException.ThrowIfNegative(salt, nameof(saltLength));

        using var writer = new DerWriter(80);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Oids.RsaPss);
            using (writer.PushSequence())
            {
                using (writer.PushExplicit(0))
                {
                    WriteHashIdentifier(writer, hashOid);
                }

                using (writer.PushExplicit(1))
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Oids.Mgf1);
                    WriteHashIdentifier(writer, hashOid);
                }

                // RFC 4055 §3.1: saltLength DEFAULT 20 is omitted in DER.
                if (salt != 20)
                {
                    using (writer.PushExplicit(2))
                    {
                        writer.WriteInteger(salt);
                    }
                }
            }
        }

        return Decode(writer.Encode());
    }

    private static void WriteHashIdentifier(DerWriter writer, ReadOnlySpan<byte> hashOid)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(hashOid);
            writer.WriteNull();
        }
    }

    private static ReadOnlySpan<byte> HashSwitch(HashAlgorithmName hash, ReadOnlySpan<byte> sha224, ReadOnlySpan<byte> sha256, ReadOnlySpan<byte> sha384, ReadOnlySpan<byte> sha512) =>
        hash.Name switch
        {
            "SHA224" => sha224,
            "SHA256" => sha256,
            "SHA384" => sha384,
            "SHA512" => sha512,
            _ => default,
        };
}
