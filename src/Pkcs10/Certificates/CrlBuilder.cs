using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Internal;
using Pkcs10.Names;
using Pkcs10.Signatures;

namespace Pkcs10.Certificates;

/// <summary>
/// Builds a v2 certificate revocation list (RFC 5280 §5): revoked serial numbers with their dates, reasons and
/// invalidity dates; thisUpdate/nextUpdate; the CRL number and the authority key identifier; signed through a
/// <see cref="Signer"/> and checked before it is returned.
/// </summary>
/// <remarks>
/// <code>
/// CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
/// TBSCertList ::= SEQUENCE { version Version (v2), signature AlgorithmIdentifier, issuer Name, thisUpdate Time,
///   nextUpdate Time, revokedCertificates SEQUENCE OF SEQUENCE { userCertificate CertificateSerialNumber,
///   revocationDate Time, crlEntryExtensions Extensions OPTIONAL } OPTIONAL, crlExtensions [0] Extensions }
/// </code>
/// </remarks>
public sealed class CrlBuilder
{
    private const int MaxSerialOctets = 20;

    // RFC 5280 §5.2.3, §5.3.1, §5.3.2.
    private static ReadOnlySpan<byte> CrlNumberOid => [0x55, 0x1D, 0x14];

    private static ReadOnlySpan<byte> ReasonCodeOid => [0x55, 0x1D, 0x15];

    private static ReadOnlySpan<byte> InvalidityDateOid => [0x55, 0x1D, 0x18];

    private readonly List<(byte[] Serial, DateTimeOffset Date, CrlReason Reason, DateTimeOffset? InvalidityDate)> _entries = [];

    /// <summary>The number of revoked certificates added.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds a revoked certificate.</summary>
    /// <param name="serialNumber">The certificate's serial number as big-endian bytes of a positive integer (1 to 20 octets of magnitude).</param>
    /// <param name="revocationDate">When it was revoked.</param>
    /// <param name="reason">The reason; <see cref="CrlReason.Unspecified"/> omits the reasonCode extension.</param>
    /// <param name="invalidityDate">When the key is known or suspected to have become invalid, if earlier.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The serial is zero, too long or already added, or the reason is removeFromCRL or undefined.</exception>
    public CrlBuilder AddRevoked(ReadOnlySpan<byte> serialNumber, DateTimeOffset revocationDate, CrlReason reason = CrlReason.Unspecified, DateTimeOffset? invalidityDate = null)
    {
        ReadOnlySpan<byte> magnitude = serialNumber.TrimStart((byte)0);
        if (magnitude.IsEmpty || magnitude.Length > MaxSerialOctets)
        {
            throw new ArgumentException("a serial number is a positive integer of at most 20 octets (RFC 5280 §4.1.2.2)", nameof(serialNumber));
        }

        if (reason == CrlReason.RemoveFromCrl || !Enum.IsDefined(reason))
        {
            throw new ArgumentException($"{reason} is not a reason for a full CRL (removeFromCRL is for delta CRLs, RFC 5280 §5.3.1)", nameof(reason));
        }

        foreach ((byte[] serial, _, _, _) in _entries)
        {
            if (serial.AsSpan().SequenceEqual(magnitude))
            {
                throw new ArgumentException($"serial {Convert.ToHexString(magnitude)} was already added", nameof(serialNumber));
            }
        }

        _entries.Add((magnitude.ToArray(), revocationDate, reason, invalidityDate));
        return this;
    }

    /// <summary>Encodes and signs the CRL, and checks its signature with the signer's public key before returning it.</summary>
    /// <param name="issuer">The CA's subject name (the CRL issuer).</param>
    /// <param name="signer">The CA's signer.</param>
    /// <param name="crlNumber">The CRL number: big-endian bytes of a non-negative integer, at most 20 octets, increasing with each CRL.</param>
    /// <param name="thisUpdate">The issue time.</param>
    /// <param name="nextUpdate">When the next CRL will be issued (RFC 5280 §5.1.2.5 requires it).</param>
    /// <param name="authorityKeyIdentifier">The CA's subject key identifier, written as the authorityKeyIdentifier (RFC 5280 §5.2.1 requires it).</param>
    /// <returns>The DER of the CRL.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The CRL number is too long, nextUpdate is not after thisUpdate, or the key identifier is empty.</exception>
    /// <exception cref="CryptographicException">The signature the signer returned does not verify.</exception>
    public byte[] Build(DistinguishedName issuer, Signer signer, ReadOnlySpan<byte> crlNumber, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate,
        ReadOnlySpan<byte> authorityKeyIdentifier)
    {
        byte[] tbs = EncodeTbs(issuer, signer, crlNumber, thisUpdate, nextUpdate, authorityKeyIdentifier);
        return Finish(tbs, signer, signer.Sign(tbs));
    }

    /// <summary>The asynchronous form of <see cref="Build"/>, for remote signers.</summary>
    /// <param name="issuer">The CA's subject name.</param>
    /// <param name="signer">The CA's signer.</param>
    /// <param name="crlNumber">The CRL number.</param>
    /// <param name="thisUpdate">The issue time.</param>
    /// <param name="nextUpdate">The next update.</param>
    /// <param name="authorityKeyIdentifier">The CA's key identifier (copied before the first await).</param>
    /// <param name="cancellationToken">Cancels the signing.</param>
    /// <returns>The DER of the CRL.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    /// <exception cref="CryptographicException">The signature does not verify.</exception>
    public async ValueTask<byte[]> BuildAsync(DistinguishedName issuer, Signer signer, ReadOnlyMemory<byte> crlNumber, DateTimeOffset thisUpdate,
        DateTimeOffset nextUpdate, ReadOnlyMemory<byte> authorityKeyIdentifier, CancellationToken cancellationToken = default)
    {
        byte[] tbs = EncodeTbs(issuer, signer, crlNumber.Span, thisUpdate, nextUpdate, authorityKeyIdentifier.Span);
        byte[] signature = await signer.SignAsync(tbs, cancellationToken).ConfigureAwait(false);
        return Finish(tbs, signer, signature);
    }

    private byte[] EncodeTbs(DistinguishedName issuer, Signer signer, ReadOnlySpan<byte> crlNumber, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate,
        ReadOnlySpan<byte> authorityKeyIdentifier)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(signer);
        if (crlNumber.TrimStart((byte)0).Length > MaxSerialOctets)
        {
            throw new ArgumentException("the CRL number is at most 20 octets (RFC 5280 §5.2.3)", nameof(crlNumber));
        }

        if (nextUpdate <= thisUpdate)
        {
            throw new ArgumentException("nextUpdate must be after thisUpdate", nameof(nextUpdate));
        }

        if (authorityKeyIdentifier.IsEmpty)
        {
            throw new ArgumentException("a CRL carries the CA's key identifier (RFC 5280 §5.2.1)", nameof(authorityKeyIdentifier));
        }

        using var writer = new DerWriter(256 + (_entries.Count * 48));
        using (writer.PushSequence())
        {
            writer.WriteInteger(1); // v2
            writer.WriteEncodedValue(signer.SignatureAlgorithm.RawData.Span);
            writer.WriteEncodedValue(issuer.RawData.Span);
            WriteTime(writer, thisUpdate);
            WriteTime(writer, nextUpdate);

            // RFC 5280 §5.1.2.6: when nothing is revoked the list MUST be absent.
            if (_entries.Count > 0)
            {
                using (writer.PushSequence())
                {
                    foreach ((byte[] serial, DateTimeOffset date, CrlReason reason, DateTimeOffset? invalidity) in _entries)
                    {
                        WriteEntry(writer, serial, date, reason, invalidity);
                    }
                }
            }

            using (writer.PushExplicit(0))
            using (writer.PushSequence())
            {
                // authorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING }
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Oids.AuthorityKeyIdentifier);
                    using (writer.PushOctetString())
                    using (writer.PushSequence())
                    {
                        writer.WriteOctetString(authorityKeyIdentifier, Asn1Tag.Context(0, isConstructed: false));
                    }
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CrlNumberOid);
                    using (writer.PushOctetString())
                    {
                        writer.WriteIntegerUnsigned(crlNumber.IsEmpty ? [0] : crlNumber);
                    }
                }
            }
        }

        return writer.Encode();
    }

    private static void WriteEntry(DerWriter writer, byte[] serial, DateTimeOffset date, CrlReason reason, DateTimeOffset? invalidity)
    {
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(serial);
            WriteTime(writer, date);
            if (reason == CrlReason.Unspecified && invalidity is null)
            {
                return;
            }

            using (writer.PushSequence())
            {
                if (reason != CrlReason.Unspecified)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(ReasonCodeOid);
                        using (writer.PushOctetString())
                        {
                            writer.WriteTlv(Asn1Tag.FromIdentifier(0x0A), [(byte)reason]); // ENUMERATED
                        }
                    }
                }

                if (invalidity is DateTimeOffset when)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(InvalidityDateOid);
                        using (writer.PushOctetString())
                        {
                            // RFC 5280 §5.3.2: invalidityDate is always a GeneralizedTime.
                            writer.WriteGeneralizedTime(when);
                        }
                    }
                }
            }
        }
    }

    // RFC 5280 §5.1.2.4: UTCTime through 2049, GeneralizedTime from 2050.
    private static void WriteTime(DerWriter writer, DateTimeOffset time)
    {
        if (time.UtcDateTime.Year < 2050)
        {
            writer.WriteUtcTime(time);
        }
        else
        {
            writer.WriteGeneralizedTime(time);
        }
    }

    private static byte[] Finish(byte[] tbs, Signer signer, byte[] signature)
    {
        if (SignatureVerifier.Verify(signer.SignatureAlgorithm, signer.PublicKey, tbs, signature) != SignatureStatus.Valid)
        {
            throw new CryptographicException($"the {signer.SignatureAlgorithm.Name} signature of the CRL does not verify with the signer's public key");
        }

        using var writer = new DerWriter(tbs.Length + signature.Length + 32);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(tbs);
            writer.WriteEncodedValue(signer.SignatureAlgorithm.RawData.Span);
            writer.WriteBitString(signature);
        }

        return writer.Encode();
    }
}
