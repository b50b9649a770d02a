using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Keys;

namespace Pkcs10.Extensions;

/// <summary>
/// DER encoders for the extnValue of the extensions this library understands: the inverse of
/// <see cref="ExtensionDecoder"/>, each producing canonical DER (DEFAULT values omitted, named bit lists trimmed).
/// </summary>
public static class ExtensionEncoder
{
    /// <summary>Encodes a keyUsage value: a named-bit BIT STRING without trailing zero bits (X.690 §11.2.2).</summary>
    /// <param name="usage">The bits; at least one must be set (RFC 5280 §4.2.1.3).</param>
    /// <returns>The extnValue content.</returns>
    /// <exception cref="ArgumentException">No bit, or an undefined bit, is set.</exception>
    public static byte[] EncodeKeyUsage(KeyUsageFlags usage)
    {
        if (usage == KeyUsageFlags.None || ((int)usage & ~0x1FF) != 0)
        {
            throw new ArgumentException("keyUsage needs at least one of the nine bits RFC 5280 §4.2.1.3 defines, and no others", nameof(usage));
        }

        using var writer = new DerWriter(8);
        writer.WriteNamedBitList((ulong)usage);
        return writer.Encode();
    }

    /// <summary>Encodes an extKeyUsage value: <c>SEQUENCE SIZE (1..MAX) OF KeyPurposeId</c>, in the order given.</summary>
    /// <param name="purposes">Dotted OIDs or the names <see cref="KeyPurposes.TryResolve"/> knows.</param>
    /// <returns>The extnValue content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="purposes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The list is empty, repeats a purpose, or holds something that is not a purpose.</exception>
    public static byte[] EncodeExtendedKeyUsage(IEnumerable<string> purposes)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var writer = new DerWriter(64);
        using (writer.PushSequence())
        {
            foreach (string purpose in purposes)
            {
                if (!KeyPurposes.TryResolve(purpose, out string? oid))
                {
                    throw new ArgumentException($"'{purpose}' is neither a known key purpose name nor a dotted OID", nameof(purposes));
                }

                if (!seen.Add(oid))
                {
                    throw new ArgumentException($"key purpose {oid} is listed twice", nameof(purposes));
                }

                writer.WriteObjectIdentifier(oid);
            }
        }

        if (seen.Count == 0)
        {
            throw new ArgumentException("extKeyUsage needs at least one purpose (SIZE (1..MAX))", nameof(purposes));
        }

        return writer.Encode();
    }

    /// <summary>Encodes a basicConstraints value, omitting cA when FALSE (its DEFAULT).</summary>
    /// <param name="constraints">The constraints; a path length only with cA TRUE (RFC 5280 §4.2.1.9).</param>
    /// <returns>The extnValue content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="constraints"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A path length is given without cA, or is negative.</exception>
    public static byte[] EncodeBasicConstraints(BasicConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        if (constraints.PathLengthConstraint is int length && (!constraints.CertificateAuthority || length < 0))
        {
            throw new ArgumentException("pathLenConstraint must be non-negative and is meaningful only when cA is TRUE (RFC 5280 §4.2.1.9)", nameof(constraints));
        }

        using var writer = new DerWriter(16);
        using (writer.PushSequence())
        {
            if (constraints.CertificateAuthority)
            {
                writer.WriteBoolean(true);
            }

            if (constraints.PathLengthConstraint is int pathLength)
            {
                writer.WriteInteger(pathLength);
            }
        }

        return writer.Encode();
    }

    /// <summary>Encodes a subjectKeyIdentifier value: <c>KeyIdentifier ::= OCTET STRING</c>.</summary>
    /// <param name="keyIdentifier">The identifier.</param>
    /// <returns>The extnValue content.</returns>
    /// <exception cref="ArgumentException">The identifier is empty.</exception>
    public static byte[] EncodeSubjectKeyIdentifier(ReadOnlySpan<byte> keyIdentifier)
    {
        if (keyIdentifier.IsEmpty)
        {
            throw new ArgumentException("a key identifier cannot be empty", nameof(keyIdentifier));
        }

        using var writer = new DerWriter(keyIdentifier.Length + 4);
        writer.WriteOctetString(keyIdentifier);
        return writer.Encode();
    }

    /// <summary>Derives a key identifier from a public key by one of the RFC 5280 or RFC 7093 methods.</summary>
    /// <param name="publicKey">The key.</param>
    /// <param name="method">The method; RFC 5280's SHA-1 method (1) by default.</param>
    /// <returns>The identifier (20 bytes, or 8 for <see cref="SubjectKeyIdentifierMethod.ShortSha1"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not defined.</exception>
    public static byte[] ComputeSubjectKeyIdentifier(SubjectPublicKeyInfo publicKey, SubjectKeyIdentifierMethod method = SubjectKeyIdentifierMethod.Sha1)
    {
        ArgumentNullException.ThrowIfNull(publicKey);

        // Every method hashes "the value of the BIT STRING subjectPublicKey (excluding the tag, length, and number of unused bits)".
        ReadOnlySpan<byte> key = publicKey.PublicKey.Span;
        switch (method)
        {
            case SubjectKeyIdentifierMethod.Sha1:
#pragma warning disable CA5350 // RFC 5280 §4.2.1.2 names SHA-1 for this identifier; it is not a security property.
                return SHA1.HashData(key);
            case SubjectKeyIdentifierMethod.ShortSha1:
                byte[] sha1 = SHA1.HashData(key);
#pragma warning restore CA5350
                byte[] id = sha1[^8..];
                id[0] = (byte)(0x40 | (id[0] & 0x0F));
                return id;
            case SubjectKeyIdentifierMethod.Sha256Truncated:
                return SHA256.HashData(key)[..20];
            case SubjectKeyIdentifierMethod.Sha384Truncated:
                return SHA384.HashData(key)[..20];
            case SubjectKeyIdentifierMethod.Sha512Truncated:
                return SHA512.HashData(key)[..20];
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method");
        }
    }
}
