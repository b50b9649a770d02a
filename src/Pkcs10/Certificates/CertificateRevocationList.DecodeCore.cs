using Pkcs10.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Names;
using Pkcs10.Signatures;

namespace Pkcs10.Certificates;

// The one strict pass over a CertificateList: every field, entry and extension is validated here, so the lazy
// views (entries, extensions) never throw for a CRL that decoded.
public sealed partial class CertificateRevocationList
{
    private static CertificateRevocationList DecodeCore(ReadOnlyMemory<byte> source, CrlDecoderOptions options)
    {
        DecodeContext context = options.AllowDeviations ? new DecodeContext(true) : DecodeContext.Strict;
        ReadOnlySpan<byte> all = source.Span;
        var reader = new DerReader(all, 0, options.MaxDepth);
        DerReader outer = reader.ReadSequence();
        reader.ThrowIfNotEmpty();

        int tbsStart = outer.Offset;
        DerReader tbs = outer.ReadSequence();
        int tbsLength = outer.Offset - tbsStart;

        int version = ReadVersion(ref tbs, context);

        int innerAlgorithmStart = tbs.Offset;
        _ = SignatureAlgorithmIdentifier.ReadLayout(ref tbs, 0, context);
        int innerAlgorithmLength = tbs.Offset - innerAlgorithmStart;

        int issuerStart = tbs.Offset;
        DistinguishedName.Validate(ref tbs, context);
        int issuerLength = tbs.Offset - issuerStart;
        if (issuerLength == 2)
        {
            // RFC 5280 §5.1.2.3: "The issuer field MUST contain a non-empty X.500 distinguished name (DN)."
            context.Deviation(Pkcs10ErrorCode.InvalidName, "the CRL issuer is an empty name (RFC 5280 §5.1.2.3)", issuerStart);
        }

        // RFC 5280 §5.1.2.4 and §5.1.2.5: the same Time rules as certificate validity.
        DateTimeOffset thisUpdate = Certificate.ReadTime(ref tbs, context);
        DateTimeOffset? nextUpdate = null;
        if (tbs.HasData && tbs.PeekIdentifierOctet() is 0x17 or 0x18)
        {
            nextUpdate = Certificate.ReadTime(ref tbs, context);
        }

        int revokedStart = -1, revokedLength = 0, entryCount = 0;
        bool entryExtensions = false, unknownCriticalEntry = false;
        if (tbs.IsNext(0x30))
        {
            int at = tbs.Offset;
            DerReader revoked = tbs.ReadSequence(0x30);
            revokedStart = revoked.Offset;
            revokedLength = tbs.Offset - revokedStart;
            if (!revoked.HasData)
            {
                // RFC 5280 §5.1.2.6: "When there are no revoked certificates, the revoked certificates list MUST be absent."
                context.Deviation(Pkcs10ErrorCode.EmptySequence, "revokedCertificates is present but empty (RFC 5280 §5.1.2.6)", at);
            }

            while (revoked.HasData)
            {
                if (entryCount >= options.MaxEntries)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {options.MaxEntries} revoked certificates", revoked.Offset);
                }

                entryCount++;
                ValidateEntry(ref revoked, all, options, context, ref entryExtensions, ref unknownCriticalEntry);
            }
        }

        ExtensionsLayout extensions = default;
        var facts = new ExtensionFacts(-1, 0, -1, 0, false);
        if (tbs.IsNext(0xA0))
        {
            DerReader explicitExtensions = tbs.ReadExplicit(0);
            int contentAt = explicitExtensions.Offset;
            extensions = ExtensionList.Read(explicitExtensions.RemainingBytes, contentAt, options.MaxDepth, options.MaxItems, context,
                "the crlExtensions field holds no extensions (SEQUENCE SIZE (1..MAX), RFC 5280 §5.1)");
            facts = ScanCrlExtensions(all, extensions, context);
        }

        tbs.ThrowIfNotEmpty();

        if (version == 1 && (extensions.Count > 0 || entryExtensions))
        {
            // RFC 5280 §5.1.2.1: "When extensions are used, as required by this profile, this field MUST be present
            // and MUST specify version 2".
            context.Deviation(Pkcs10ErrorCode.FieldNotAllowedForVersion, "extensions in a v1 CRL (RFC 5280 §5.1.2.1)", tbsStart);
        }

        int outerAlgorithmStart = outer.Offset;
        SignatureAlgorithmIdentifier.Layout algorithm = SignatureAlgorithmIdentifier.ReadLayout(ref outer, 0, context);
        int outerAlgorithmLength = outer.Offset - outerAlgorithmStart;

        // RFC 5280 §5.1.1.2: signatureAlgorithm "MUST contain the same algorithm identifier as the signature field in
        // the sequence tbsCertList". Byte for byte, and never relaxed (algorithm substitution).
        if (!all.Slice(outerAlgorithmStart, outerAlgorithmLength).SequenceEqual(all.Slice(innerAlgorithmStart, innerAlgorithmLength)))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.SignatureAlgorithmMismatch,
                "signatureAlgorithm differs from the TBSCertList's signature field (RFC 5280 §5.1.1.2)", outerAlgorithmStart);
        }

        ReadOnlySpan<byte> signature = outer.ReadBitString(out int unused);
        int signatureStart = outer.Offset - signature.Length;
        outer.ThrowIfNotEmpty();

        var parts = new Parts(tbsStart, tbsLength, issuerStart, issuerLength, revokedStart, revokedLength, entryCount, extensions,
            facts.CrlNumberStart, facts.CrlNumberLength, facts.BaseStart, facts.BaseLength, signatureStart, signature.Length);
        return new CertificateRevocationList(source, parts, version, thisUpdate, nextUpdate, algorithm, unused, facts.UnknownCritical, unknownCriticalEntry, context);
    }

    // version Version OPTIONAL -- if present, MUST be v2 (RFC 5280 §5.1.2.1). Untagged, unlike a certificate's.
    private static int ReadVersion(ref DerReader tbs, DecodeContext context)
    {
        if (!tbs.IsNext(0x02))
        {
            return 1;
        }

        long value = tbs.ReadInt64(out int valueAt);
        if (value == 1)
        {
            return 2;
        }

        if (value == 0)
        {
            // Not a DEFAULT, but v1 is expressed by omitting the field.
            context.Deviation(Pkcs10ErrorCode.UnsupportedVersion, "an explicit version v1 (0): a v1 CRL omits the field (RFC 5280 §5.1.2.1)", valueAt);
            return 1;
        }

        return ThrowHelper.Throw<int>(Pkcs10ErrorCode.UnsupportedVersion, $"CRL version {value} is not v2 (1) (RFC 5280 §5.1.2.1)", valueAt);
    }

    private static void ValidateEntry(ref DerReader revoked, ReadOnlySpan<byte> all, CrlDecoderOptions options, DecodeContext context,
        ref bool entryExtensions, ref bool unknownCritical)
    {
        DerReader entry = revoked.ReadSequence(0x30);
        // userCertificate: any minimal INTEGER. Unlike a certificate's serial (RFC 5280 §4.1.2.2), negative, zero and
        // over-long values are not even findings here: refusing the CRL would make such certificates unrevocable,
        // and the entry only has to equal the certificate's serial byte for byte (PKITS 4.4.17 lists a negative one).
        _ = entry.ReadIntegerBytes(out _);
        _ = Certificate.ReadTime(ref entry, context);
        if (entry.HasData)
        {
            int at = entry.Offset;
            ReadOnlySpan<byte> encoded = entry.ReadEncodedValue();
            ExtensionsLayout layout = ExtensionList.Read(encoded, at, options.MaxDepth, options.MaxItems, context,
                "crlEntryExtensions holds no extensions (SEQUENCE SIZE (1..MAX), RFC 5280 §5.1)");
            if (layout.Count > 0)
            {
                entryExtensions = true;
                unknownCritical |= ScanEntryExtensions(all, layout, context);
            }
        }

        entry.ThrowIfNotEmpty();
    }

    private readonly record struct ExtensionFacts(int CrlNumberStart, int CrlNumberLength, int BaseStart, int BaseLength, bool UnknownCritical);

    // The second look at the crlExtensions (ExtensionList.Read checked framing, duplicates and the certificate
    // extensions): the CRL-only values, the numbers' offsets, and whether a critical one is unknown.
    private static ExtensionFacts ScanCrlExtensions(ReadOnlySpan<byte> all, in ExtensionsLayout layout, DecodeContext context)
    {
        var facts = new ExtensionFacts(-1, 0, -1, 0, false);
        var seq = new DerReader(all.Slice(layout.Start, layout.Length), layout.Start);
        while (seq.HasData)
        {
            ReadExtension(ref seq, out int extOffset, out ReadOnlySpan<byte> oid, out bool critical, out ReadOnlySpan<byte> value, out int valueOffset);
            if (!ExtensionDecoder.ValidateCrlExtension(oid, value, valueOffset, critical, extOffset, context))
            {
                facts = facts with { UnknownCritical = facts.UnknownCritical | critical };
                continue;
            }

            if (oid.SequenceEqual(Oids.CrlNumber) || oid.SequenceEqual(Oids.DeltaCrlIndicator))
            {
                ReadOnlySpan<byte> number = ExtensionDecoder.ReadCrlNumber(value, valueOffset, new DecodeContext(true), "CRL number");
                int start = valueOffset + (value.Length - number.Length);
                facts = oid.SequenceEqual(Oids.CrlNumber)
                    ? facts with { CrlNumberStart = start, CrlNumberLength = number.Length }
                    : facts with { BaseStart = start, BaseLength = number.Length };
            }
        }

        return facts;
    }

    // Validates reasonCode, invalidityDate and certificateIssuer; returns whether a critical extension is unknown.
    private static bool ScanEntryExtensions(ReadOnlySpan<byte> all, in ExtensionsLayout layout, DecodeContext context)
    {
        bool unknownCritical = false;
        var seq = new DerReader(all.Slice(layout.Start, layout.Length), layout.Start);
        while (seq.HasData)
        {
            ReadExtension(ref seq, out _, out ReadOnlySpan<byte> oid, out bool critical, out ReadOnlySpan<byte> value, out int valueOffset);
            if (oid.SequenceEqual(Oids.ReasonCode))
            {
                ReadReasonCode(value, valueOffset);
            }
            else if (oid.SequenceEqual(Oids.InvalidityDate))
            {
                ReadInvalidityDate(value, valueOffset);
            }
            else if (oid.SequenceEqual(Oids.CertificateIssuer))
            {
                ExtensionDecoder.ValidateCertificateIssuer(value, valueOffset);
            }
            else
            {
                unknownCritical |= critical;
            }
        }

        return unknownCritical;
    }

    // Re-reads one Extension that ExtensionList.Read validated.
    private static void ReadExtension(ref DerReader seq, out int extOffset, out ReadOnlySpan<byte> oid, out bool critical, out ReadOnlySpan<byte> value, out int valueOffset)
        => ReadExtension(ref seq, out extOffset, out _, out oid, out critical, out value, out valueOffset);

    private static void ReadExtension(ref DerReader seq, out int extOffset, out int oidStart, out ReadOnlySpan<byte> oid, out bool critical,
        out ReadOnlySpan<byte> value, out int valueOffset)
    {
        extOffset = seq.Offset;
        DerReader ext = seq.ReadSequence(0x30);
        oid = ext.ReadObjectIdentifier();
        oidStart = ext.Offset - oid.Length;

        // Any non-zero octet: lenient decoding may have accepted a BER TRUE.
        critical = ext.PeekIdentifierOctet() == 0x01 && ext.ReadContent(0x01, out _)[0] != 0;
        value = ext.ReadOctetString(out valueOffset);
    }

    // CRLReason ::= ENUMERATED { unspecified (0), keyCompromise (1), cACompromise (2), affiliationChanged (3),
    // superseded (4), cessationOfOperation (5), certificateHold (6), -- value 7 is not used -- removeFromCRL (8),
    // privilegeWithdrawn (9), aACompromise (10) } (RFC 5280 §5.3.1).
    internal static CrlReason ReadReasonCode(ReadOnlySpan<byte> value, int offset)
    {
        var reader = new DerReader(value, offset);
        ReadOnlySpan<byte> content = reader.ReadContent(0x0A, out int at);
        DerRules.CheckInteger(content, at);
        reader.ThrowIfNotEmpty();
        if (content.Length != 1 || content[0] is 7 or > 10)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidExtension, $"reasonCode 0x{Convert.ToHexString(content)} is not a CRLReason (RFC 5280 §5.3.1)", at);
        }

        return (CrlReason)content[0];
    }

    // InvalidityDate ::= GeneralizedTime (RFC 5280 §5.3.2).
    internal static DateTimeOffset ReadInvalidityDate(ReadOnlySpan<byte> value, int offset)
    {
        var reader = new DerReader(value, offset);
        DateTimeOffset time = reader.ReadGeneralizedTime();
        reader.ThrowIfNotEmpty();
        return time;
    }
}
