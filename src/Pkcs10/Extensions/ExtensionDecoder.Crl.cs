using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Extensions;

// The CRL and CRL entry extensions (RFC 5280 §5.2 and §5.3) whose syntax lives in this layer. reasonCode is read
// by the Certificates layer, which owns CrlReason.
public static partial class ExtensionDecoder
{
    /// <summary>Decodes an issuingDistributionPoint value (RFC 5280 §5.2.5).</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The issuing distribution point.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed (including an encoded DEFAULT FALSE or an empty sequence).</exception>
    public static IssuingDistributionPoint DecodeIssuingDistributionPoint(ReadOnlyMemory<byte> value) =>
        ReadIssuingDistributionPoint(value.Span, value, 0, DecodeContext.Strict, true)!;

    /// <summary>Decodes a certificateIssuer CRL entry value (RFC 5280 §5.3.3): GeneralNames.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The names in encoded order.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static IReadOnlyList<GeneralName> DecodeCertificateIssuer(ReadOnlyMemory<byte> value) => ReadGeneralNames(value, 0, true)!;

    /// <summary>Decodes a freshestCRL value (RFC 5280 §5.2.6): the same syntax as cRLDistributionPoints.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The distribution points in encoded order.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static IReadOnlyList<DistributionPoint> DecodeFreshestCrl(ReadOnlyMemory<byte> value) =>
        ReadCrlDistributionPoints(value.Span, value, 0, DecodeContext.Strict, true)!;

    internal static IssuingDistributionPoint DecodeIssuingDistributionPoint(ReadOnlyMemory<byte> value, DecodeContext context) =>
        ReadIssuingDistributionPoint(value.Span, value, 0, context, true)!;

    /// <summary>
    /// Validates a CRL extension (RFC 5280 §5.2) and says whether this library understands it. The generic ones
    /// (authorityKeyIdentifier, issuerAltName, authorityInfoAccess) were validated by <see cref="Validate"/> already.
    /// </summary>
    internal static bool ValidateCrlExtension(ReadOnlySpan<byte> oid, ReadOnlySpan<byte> value, int offset, bool critical, int extensionOffset, DecodeContext context)
    {
        if (oid.SequenceEqual(Oids.CrlNumber))
        {
            ReadCrlNumber(value, offset, context, "cRLNumber");
            if (critical)
            {
                // RFC 5280 §5.2.3: "This extension is non-critical."
                context.Deviation(Pkcs10ErrorCode.InvalidExtension, "cRLNumber is a non-critical extension (RFC 5280 §5.2.3)", extensionOffset);
            }

            return true;
        }

        if (oid.SequenceEqual(Oids.DeltaCrlIndicator))
        {
            ReadCrlNumber(value, offset, context, "BaseCRLNumber");
            if (!critical)
            {
                // RFC 5280 §5.2.4: "The delta CRL indicator is a critical CRL extension".
                context.Deviation(Pkcs10ErrorCode.InvalidExtension, "deltaCRLIndicator must be critical (RFC 5280 §5.2.4)", extensionOffset);
            }

            return true;
        }

        if (oid.SequenceEqual(Oids.IssuingDistributionPoint))
        {
            ReadIssuingDistributionPoint(value, default, offset, context, false);
            return true;
        }

        if (oid.SequenceEqual(Oids.FreshestCrl))
        {
            ReadCrlDistributionPoints(value, default, offset, context, false);
            return true;
        }

        return oid.SequenceEqual(Oids.AuthorityKeyIdentifier) || oid.SequenceEqual(Oids.IssuerAltName) || oid.SequenceEqual(Oids.AuthorityInfoAccess);
    }

    /// <summary>Validates a certificateIssuer entry value (GeneralNames).</summary>
    internal static void ValidateCertificateIssuer(ReadOnlySpan<byte> value, int offset) => ValidateGeneralNames(value, offset);

    /// <summary>
    /// Reads CRLNumber ::= INTEGER (0..MAX) (RFC 5280 §5.2.3; BaseCRLNumber, §5.2.4, is the same type) and returns
    /// the content octets. "CRL issuers MUST NOT use CRLNumber values longer than 20 octets."
    /// </summary>
    internal static ReadOnlySpan<byte> ReadCrlNumber(ReadOnlySpan<byte> value, int offset, DecodeContext context, string what)
    {
        var reader = new DerReader(value, offset);
        ReadOnlySpan<byte> content = reader.ReadIntegerBytes(out int at);
        reader.ThrowIfNotEmpty();
        if ((content[0] & 0x80) != 0)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.IntegerOutOfRange, $"{what} is negative (INTEGER (0..MAX), RFC 5280 §5.2.3)", at);
        }

        int magnitude = content.Length > 1 && content[0] == 0 ? content.Length - 1 : content.Length;
        if (magnitude > 20)
        {
            context.Deviation(Pkcs10ErrorCode.IntegerOutOfRange, $"{what} has {magnitude} octets, more than 20 (RFC 5280 §5.2.3)", at);
        }

        return content;
    }

    private static IssuingDistributionPoint? ReadIssuingDistributionPoint(ReadOnlySpan<byte> value, ReadOnlyMemory<byte> source, int offset, DecodeContext context, bool materialise)
    {
        DerReader seq = ReadOuterSequence(value, offset, "issuingDistributionPoint", nonEmpty: false);
        if (!seq.HasData)
        {
            // RFC 5280 §5.2.5: "conforming CRL issuers MUST NOT issue CRLs where the DER encoding of the issuing
            // distribution point extension is an empty sequence."
            context.Deviation(Pkcs10ErrorCode.EmptySequence, "issuingDistributionPoint is an empty sequence (RFC 5280 §5.2.5)", offset);
        }

        List<GeneralName>? fullName = null;
        ReadOnlyMemory<byte>? relative = null;
        if (seq.IsNext(0xA0))
        {
            ReadDistributionPointName(ref seq, source, offset, context, materialise, out fullName, out relative);
        }

        bool user = ReadDefaultFalse(ref seq, 1, "onlyContainsUserCerts", context);
        bool ca = ReadDefaultFalse(ref seq, 2, "onlyContainsCACerts", context);
        CrlReasonFlags? reasons = null;
        if (seq.IsNext(0x83))
        {
            reasons = (CrlReasonFlags)seq.ReadNamedBitList(maxBits: 9, Asn1Tag.Context(3));
        }

        bool indirect = ReadDefaultFalse(ref seq, 4, "indirectCRL", context);
        bool attribute = ReadDefaultFalse(ref seq, 5, "onlyContainsAttributeCerts", context);
        seq.ThrowIfNotEmpty();

        // RFC 5280 §5.2.5: "at most one of onlyContainsUserCerts, onlyContainsCACerts, and
        // onlyContainsAttributeCerts may be set to TRUE."
        if ((user ? 1 : 0) + (ca ? 1 : 0) + (attribute ? 1 : 0) > 1)
        {
            context.Deviation(Pkcs10ErrorCode.InvalidExtension, "more than one of onlyContainsUserCerts, onlyContainsCACerts and onlyContainsAttributeCerts is TRUE (RFC 5280 §5.2.5)", offset);
        }

        return materialise ? new IssuingDistributionPoint(fullName, relative, user, ca, reasons, indirect, attribute) : null;
    }

    // [n] IMPLICIT BOOLEAN DEFAULT FALSE: DER omits FALSE (X.690 §11.5).
    private static bool ReadDefaultFalse(ref DerReader seq, int number, string what, DecodeContext context)
    {
        if (!seq.IsNext((byte)(0x80 | number)))
        {
            return false;
        }

        int at = seq.Offset;
        bool value = seq.ReadBoolean(Asn1Tag.Context(number));
        if (!value)
        {
            context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, $"{what} FALSE is the DEFAULT and must be omitted (X.690 §11.5)", at);
        }

        return value;
    }
}
