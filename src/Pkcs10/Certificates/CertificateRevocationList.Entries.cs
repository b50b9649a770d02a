using Pkcs10.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Internal;

namespace Pkcs10.Certificates;

// The revoked-certificate entries: made on first use from the validated list, and indexed by serial number on
// the first lookup so that checking many certificates against one CRL costs one hash lookup each.
public sealed partial class CertificateRevocationList
{
    private static readonly IReadOnlyList<RevokedCertificate> s_noEntries = [];
    private RevokedCertificate[]? _entries;
    private SerialIndex? _index;

    /// <summary>
    /// The revoked certificates in encoded order (empty when the list is absent). Made on first use; each entry's
    /// <see cref="RevokedCertificate.CertificateIssuer"/> carries forward as RFC 5280 §5.3.3 says for indirect CRLs.
    /// </summary>
    public IReadOnlyList<RevokedCertificate> RevokedCertificates => _parts.EntryCount == 0 ? s_noEntries : _entries ??= MaterialiseEntries();

    /// <summary>
    /// The first entry whose serial number is <paramref name="serialNumber"/>, or <see langword="null"/>. Serial
    /// numbers are compared as DER INTEGER content octets, byte for byte (pass <see cref="Certificate.SerialNumber"/>).
    /// </summary>
    /// <param name="serialNumber">The INTEGER content octets.</param>
    /// <returns>The entry, or <see langword="null"/> when the serial is not listed.</returns>
    /// <remarks>
    /// The first call builds a hash index over all entries (O(n)); later calls are O(1). In an indirect CRL the same
    /// serial may be listed for several certificate issuers: use <see cref="FindAllRevoked"/> and check
    /// <see cref="RevokedCertificate.CertificateIssuer"/>.
    /// </remarks>
    public RevokedCertificate? FindRevoked(ReadOnlySpan<byte> serialNumber)
    {
        if (_parts.EntryCount == 0)
        {
            return null;
        }

        int i = Index.First(serialNumber);
        return i < 0 ? null : (_entries ??= MaterialiseEntries())[i];
    }

    /// <summary>All entries whose serial number is <paramref name="serialNumber"/> (content octets, byte for byte), in encoded order.</summary>
    /// <param name="serialNumber">The INTEGER content octets.</param>
    /// <returns>The entries; empty when the serial is not listed.</returns>
    public IReadOnlyList<RevokedCertificate> FindAllRevoked(ReadOnlySpan<byte> serialNumber)
    {
        if (_parts.EntryCount == 0)
        {
            return s_noEntries;
        }

        SerialIndex index = Index;
        int i = index.First(serialNumber);
        if (i < 0)
        {
            return s_noEntries;
        }

        RevokedCertificate[] entries = _entries ??= MaterialiseEntries();
        var found = new List<RevokedCertificate>(1);
        for (; i >= 0; i = index.Next(i))
        {
            found.Add(entries[i]);
        }

        return found;
    }

    // Racing threads may each build an index; both are equal and either wins.
    private SerialIndex Index => _index ??= new SerialIndex(RawData, _parts.RevokedStart, _parts.RevokedLength, _parts.EntryCount);

    private RevokedCertificate[] MaterialiseEntries()
    {
        DecodeContext context = _context.Lenient ? new DecodeContext(true) : DecodeContext.Strict;
        var list = new RevokedCertificate[_parts.EntryCount];
        var seq = new DerReader(RawData.Span.Slice(_parts.RevokedStart, _parts.RevokedLength), _parts.RevokedStart);
        IReadOnlyList<GeneralName>? issuerInEffect = null;
        for (int i = 0; i < list.Length; i++)
        {
            int start = seq.Offset;
            DerReader entry = seq.ReadSequence(0x30);
            ReadOnlySpan<byte> serial = entry.ReadIntegerBytes(out int serialStart);
            DateTimeOffset date = Certificate.ReadTime(ref entry, context);
            CrlReason? reason = null;
            DateTimeOffset? invalidity = null;
            bool hasIssuer = false, unknownCritical = false;
            CertificateExtension[] extensions = [];
            if (entry.HasData)
            {
                DerReader extSeq = entry.ReadSequence(0x30);
                var made = new List<CertificateExtension>(2);
                while (extSeq.HasData)
                {
                    ReadExtension(ref extSeq, out int extOffset, out int oidStart, out ReadOnlySpan<byte> oid, out bool critical, out ReadOnlySpan<byte> value,
                        out int valueOffset);
                    made.Add(new CertificateExtension(RawData, oidStart, oid.Length, critical, value.Length, extOffset, valueOffset));
                    if (oid.SequenceEqual(Oids.ReasonCode))
                    {
                        reason = ReadReasonCode(value, valueOffset);
                    }
                    else if (oid.SequenceEqual(Oids.InvalidityDate))
                    {
                        invalidity = ReadInvalidityDate(value, valueOffset);
                    }
                    else if (oid.SequenceEqual(Oids.CertificateIssuer))
                    {
                        issuerInEffect = ExtensionDecoder.DecodeCertificateIssuer(RawData.Slice(valueOffset, value.Length));
                        hasIssuer = true;
                    }
                    else
                    {
                        unknownCritical |= critical;
                    }
                }

                extensions = [.. made];
            }

            list[i] = new RevokedCertificate(RawData, start, seq.Offset - start, serialStart, serial.Length, date, reason, invalidity, issuerInEffect, hasIssuer,
                extensions, unknownCritical);
        }

        return list;
    }
}
