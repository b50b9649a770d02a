using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Extensions;

// The certificate-path extensions (RFC 5280 §4.2.1.1, .4, .5, .10, .11, .13, .14; §4.2.2.1). Each reader
// validates strictly and, when asked, makes the view from slices of the value; Validate calls it without.
// Offsets are absolute: `offset` is where value[0] lies in the caller's buffer.
public static partial class ExtensionDecoder
{
    /// <summary>Decodes an authorityKeyIdentifier value.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static AuthorityKeyIdentifier DecodeAuthorityKeyIdentifier(ReadOnlyMemory<byte> value) =>
        ReadAuthorityKeyIdentifier(value.Span, value, 0, DecodeContext.Strict, true)!;

    /// <summary>Decodes a nameConstraints value.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The constraints.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static NameConstraints DecodeNameConstraints(ReadOnlyMemory<byte> value) =>
        ReadNameConstraints(value.Span, value, 0, DecodeContext.Strict, true)!;

    /// <summary>Decodes a cRLDistributionPoints value.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The distribution points in encoded order.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static IReadOnlyList<DistributionPoint> DecodeCrlDistributionPoints(ReadOnlyMemory<byte> value) =>
        ReadCrlDistributionPoints(value.Span, value, 0, DecodeContext.Strict, true)!;

    /// <summary>Decodes an authorityInfoAccess value.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The access descriptions in encoded order.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static IReadOnlyList<AccessDescription> DecodeAuthorityInformationAccess(ReadOnlyMemory<byte> value) =>
        ReadAuthorityInformationAccess(value.Span, value, 0, true)!;

    /// <summary>Decodes a certificatePolicies value.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The policies in encoded order.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static IReadOnlyList<PolicyInformation> DecodeCertificatePolicies(ReadOnlyMemory<byte> value) =>
        ReadCertificatePolicies(value.Span, value, 0, DecodeContext.Strict, true)!;

    /// <summary>Decodes a policyMappings value.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The mappings in encoded order.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static IReadOnlyList<PolicyMapping> DecodePolicyMappings(ReadOnlyMemory<byte> value) =>
        ReadPolicyMappings(value.Span, 0, true)!;

    /// <summary>Decodes a policyConstraints value.</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The constraints.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed.</exception>
    public static PolicyConstraints DecodePolicyConstraints(ReadOnlyMemory<byte> value) =>
        ReadPolicyConstraints(value.Span, 0, DecodeContext.Strict);

    /// <summary>Decodes an inhibitAnyPolicy value: SkipCerts ::= INTEGER (0..MAX).</summary>
    /// <param name="value">The extnValue content.</param>
    /// <returns>The skip count.</returns>
    /// <exception cref="Pkcs10Exception">The value is malformed or negative.</exception>
    public static int DecodeInhibitAnyPolicy(ReadOnlyMemory<byte> value) => ReadInhibitAnyPolicy(value.Span, 0);

    internal static AuthorityKeyIdentifier DecodeAuthorityKeyIdentifier(ReadOnlyMemory<byte> value, DecodeContext context) =>
        ReadAuthorityKeyIdentifier(value.Span, value, 0, context, true)!;

    internal static NameConstraints DecodeNameConstraints(ReadOnlyMemory<byte> value, DecodeContext context) =>
        ReadNameConstraints(value.Span, value, 0, context, true)!;

    internal static IReadOnlyList<DistributionPoint> DecodeCrlDistributionPoints(ReadOnlyMemory<byte> value, DecodeContext context) =>
        ReadCrlDistributionPoints(value.Span, value, 0, context, true)!;

    internal static IReadOnlyList<PolicyInformation> DecodeCertificatePolicies(ReadOnlyMemory<byte> value, DecodeContext context) =>
        ReadCertificatePolicies(value.Span, value, 0, context, true)!;

    internal static PolicyConstraints DecodePolicyConstraints(ReadOnlyMemory<byte> value, DecodeContext context) =>
        ReadPolicyConstraints(value.Span, 0, context);

    private static void ValidatePkix(ReadOnlySpan<byte> oid, ReadOnlySpan<byte> value, int offset, DecodeContext context)
    {
        if (oid.SequenceEqual(Oids.AuthorityKeyIdentifier))
        {
            ReadAuthorityKeyIdentifier(value, default, offset, context, false);
        }
        else if (oid.SequenceEqual(Oids.IssuerAltName))
        {
            ValidateGeneralNames(value, offset);
        }
        else if (oid.SequenceEqual(Oids.NameConstraints))
        {
            ReadNameConstraints(value, default, offset, context, false);
        }
        else if (oid.SequenceEqual(Oids.CrlDistributionPoints))
        {
            ReadCrlDistributionPoints(value, default, offset, context, false);
        }
        else if (oid.SequenceEqual(Oids.AuthorityInfoAccess))
        {
            ReadAuthorityInformationAccess(value, default, offset, false);
        }
        else if (oid.SequenceEqual(Oids.CertificatePolicies))
        {
            ReadCertificatePolicies(value, default, offset, context, false);
        }
        else if (oid.SequenceEqual(Oids.PolicyMappings))
        {
            ReadPolicyMappings(value, offset, false);
        }
        else if (oid.SequenceEqual(Oids.PolicyConstraints))
        {
            ReadPolicyConstraints(value, offset, context);
        }
        else if (oid.SequenceEqual(Oids.InhibitAnyPolicy))
        {
            ReadInhibitAnyPolicy(value, offset);
        }
    }

    // Reads the content of a GeneralNames SEQUENCE (already entered): SIZE (1..MAX).
    private static List<GeneralName>? ReadGeneralNamesContent(ref DerReader seq, ReadOnlyMemory<byte> source, int offset, bool materialise, int start, string what)
    {
        if (!seq.HasData)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.EmptySequence, $"{what} must hold at least one name (GeneralNames SIZE (1..MAX))", start);
        }

        List<GeneralName>? names = materialise ? [] : null;
        int count = 0;
        while (seq.HasData)
        {
            if (++count > MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} GeneralNames", seq.Offset);
            }

            GeneralName? name = GeneralName.Read(ref seq, source, offset, materialise);
            names?.Add(name!);
        }

        return names;
    }

    private static DerReader ReadOuterSequence(ReadOnlySpan<byte> value, int offset, string what, bool nonEmpty)
    {
        var reader = new DerReader(value, offset);
        int start = reader.Offset;
        DerReader seq = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (nonEmpty && !seq.HasData)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.EmptySequence, $"{what} must not be empty (SEQUENCE SIZE (1..MAX))", start);
        }

        return seq;
    }

    private static AuthorityKeyIdentifier? ReadAuthorityKeyIdentifier(ReadOnlySpan<byte> value, ReadOnlyMemory<byte> source, int offset, DecodeContext context, bool materialise)
    {
        DerReader seq = ReadOuterSequence(value, offset, "authorityKeyIdentifier", nonEmpty: false);
        int start = offset;
        ReadOnlyMemory<byte>? keyId = null, serial = null;
        List<GeneralName>? issuer = null;
        bool hasIssuer = false, hasSerial = false;
        if (seq.IsNext(0x80))
        {
            ReadOnlySpan<byte> id = seq.ReadOctetString(out int at, Asn1Tag.Context(0));
            keyId = materialise ? source.Slice(at - offset, id.Length) : null;
        }

        if (seq.IsNext(0xA1))
        {
            int at = seq.Offset;
            DerReader names = seq.ReadSequence(0xA1);
            issuer = ReadGeneralNamesContent(ref names, source, offset, materialise, at, "authorityCertIssuer");
            hasIssuer = true;
        }

        if (seq.IsNext(0x82))
        {
            ReadOnlySpan<byte> n = seq.ReadIntegerBytes(out int at, Asn1Tag.Context(2));
            serial = materialise ? source.Slice(at - offset, n.Length) : null;
            hasSerial = true;
        }

        seq.ThrowIfNotEmpty();

        // RFC 5280 §4.2.1.1 (and X.509 §9.2.2.1): authorityCertIssuer and authorityCertSerialNumber come together.
        if (hasIssuer != hasSerial)
        {
            context.Deviation(Pkcs10ErrorCode.InvalidExtension, "authorityCertIssuer and authorityCertSerialNumber must be both present or both absent (X.509 §9.2.2.1)", start);
        }

        return materialise ? new AuthorityKeyIdentifier(keyId, issuer, serial) : null;
    }

    private static NameConstraints? ReadNameConstraints(ReadOnlySpan<byte> value, ReadOnlyMemory<byte> source, int offset, DecodeContext context, bool materialise)
    {
        DerReader seq = ReadOuterSequence(value, offset, "nameConstraints", nonEmpty: false);
        List<GeneralSubtree>? permitted = null, excluded = null;
        bool any = false;
        if (seq.IsNext(0xA0))
        {
            permitted = ReadSubtrees(ref seq, 0xA0, source, offset, context, materialise);
            any = true;
        }

        if (seq.IsNext(0xA1))
        {
            excluded = ReadSubtrees(ref seq, 0xA1, source, offset, context, materialise);
            any = true;
        }

        seq.ThrowIfNotEmpty();
        if (!any)
        {
            // RFC 5280 §4.2.1.10: "Conforming CAs MUST NOT issue certificates where name constraints is an empty sequence."
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidExtension, "nameConstraints must hold permittedSubtrees or excludedSubtrees (RFC 5280 §4.2.1.10)", offset);
        }

        return materialise ? new NameConstraints(permitted, excluded) : null;
    }

    private static List<GeneralSubtree>? ReadSubtrees(ref DerReader outer, byte identifier, ReadOnlyMemory<byte> source, int offset, DecodeContext context, bool materialise)
    {
        int start = outer.Offset;
        DerReader seq = outer.ReadSequence(identifier);
        if (!seq.HasData)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.EmptySequence, "GeneralSubtrees must hold at least one subtree (SIZE (1..MAX))", start);
        }

        List<GeneralSubtree>? list = materialise ? [] : null;
        int count = 0;
        while (seq.HasData)
        {
            if (++count > MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} GeneralSubtrees", seq.Offset);
            }

            DerReader subtree = seq.ReadSequence(0x30);
            GeneralName? name = GeneralName.Read(ref subtree, source, offset, materialise, forNameConstraints: true);
            long minimum = 0;
            long? maximum = null;
            if (subtree.IsNext(0x80))
            {
                int at = subtree.Offset;
                minimum = subtree.ReadInt64(out _, Asn1Tag.Context(0));
                if (minimum == 0)
                {
                    context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, "minimum 0 is the DEFAULT and must be omitted (X.690 §11.5)", at);
                }
                else
                {
                    // RFC 5280 §4.2.1.10: "the minimum MUST be zero".
                    context.Deviation(Pkcs10ErrorCode.InvalidExtension, $"GeneralSubtree minimum {minimum} (RFC 5280 §4.2.1.10: MUST be zero)", at);
                }

                if (minimum < 0)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.IntegerOutOfRange, "BaseDistance is INTEGER (0..MAX)", at);
                }
            }

            if (subtree.IsNext(0x81))
            {
                int at = subtree.Offset;
                maximum = subtree.ReadInt64(out _, Asn1Tag.Context(1));

                // RFC 5280 §4.2.1.10: "maximum MUST be absent".
                context.Deviation(Pkcs10ErrorCode.InvalidExtension, "GeneralSubtree maximum must be absent (RFC 5280 §4.2.1.10)", at);
                if (maximum < 0)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.IntegerOutOfRange, "BaseDistance is INTEGER (0..MAX)", at);
                }
            }

            subtree.ThrowIfNotEmpty();
            list?.Add(new GeneralSubtree(name!, minimum, maximum));
        }

        return list;
    }

    private static List<DistributionPoint>? ReadCrlDistributionPoints(ReadOnlySpan<byte> value, ReadOnlyMemory<byte> source, int offset, DecodeContext context, bool materialise)
    {
        DerReader seq = ReadOuterSequence(value, offset, "cRLDistributionPoints", nonEmpty: true);
        List<DistributionPoint>? list = materialise ? [] : null;
        int count = 0;
        while (seq.HasData)
        {
            int pointOffset = seq.Offset;
            if (++count > MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} distribution points", pointOffset);
            }

            DerReader point = seq.ReadSequence(0x30);
            List<GeneralName>? fullName = null, crlIssuer = null;
            ReadOnlyMemory<byte>? relative = null;
            CrlReasonFlags? reasons = null;
            bool hasName = false, hasIssuer = false;
            if (point.IsNext(0xA0))
            {
                ReadDistributionPointName(ref point, source, offset, context, materialise, out fullName, out relative);
                hasName = true;
            }

            if (point.IsNext(0x81))
            {
                ulong bits = point.ReadNamedBitList(maxBits: 9, Asn1Tag.Context(1));
                reasons = (CrlReasonFlags)bits;
            }

            if (point.IsNext(0xA2))
            {
                int at = point.Offset;
                DerReader names = point.ReadSequence(0xA2);
                crlIssuer = ReadGeneralNamesContent(ref names, source, offset, materialise, at, "cRLIssuer");
                hasIssuer = true;
            }

            point.ThrowIfNotEmpty();

            // RFC 5280 §4.2.1.13: "either distributionPoint or cRLIssuer MUST be present".
            if (!hasName && !hasIssuer)
            {
                context.Deviation(Pkcs10ErrorCode.InvalidExtension, "a DistributionPoint must hold distributionPoint or cRLIssuer (RFC 5280 §4.2.1.13)", pointOffset);
            }

            list?.Add(new DistributionPoint(fullName, relative, reasons, crlIssuer));
        }

        return list;
    }

    // distributionPoint [0] DistributionPointName (RFC 5280 §4.2.1.13), shared with issuingDistributionPoint (§5.2.5):
    // DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
    private static void ReadDistributionPointName(ref DerReader point, ReadOnlyMemory<byte> source, int offset, DecodeContext context, bool materialise,
        out List<GeneralName>? fullName, out ReadOnlyMemory<byte>? relative)
    {
        fullName = null;
        relative = null;

        // [0] is EXPLICIT because DistributionPointName is a CHOICE (X.680 §31.2.7).
        DerReader name = point.ReadExplicit(0);
        int at = name.Offset;
        if (name.IsNext(0xA0))
        {
            DerReader names = name.ReadSequence(0xA0);
            fullName = ReadGeneralNamesContent(ref names, source, offset, materialise, at, "fullName");
        }
        else
        {
            // nameRelativeToCRLIssuer [1] RelativeDistinguishedName: a SET OF AttributeTypeAndValue, sorted.
            DerReader probe = name;
            int length = probe.PeekEncodedValue().Length;
            DerReader rdn = context.ReadSetOf(ref name, 0xA1);
            if (!rdn.HasData)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidName, "an RDN must hold at least one attribute (SET SIZE (1..MAX))", at);
            }

            while (rdn.HasData)
            {
                DerReader atv = rdn.ReadSequence(0x30);
                atv.ReadObjectIdentifier();
                atv.ReadEncodedValue();
                atv.ThrowIfNotEmpty();
            }

            relative = materialise ? source.Slice(at - offset, length) : null;
        }

        name.ThrowIfNotEmpty();
    }

    private static List<AccessDescription>? ReadAuthorityInformationAccess(ReadOnlySpan<byte> value, ReadOnlyMemory<byte> source, int offset, bool materialise)
    {
        DerReader seq = ReadOuterSequence(value, offset, "authorityInfoAccess", nonEmpty: true);
        List<AccessDescription>? list = materialise ? [] : null;
        int count = 0;
        while (seq.HasData)
        {
            if (++count > MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} access descriptions", seq.Offset);
            }

            DerReader description = seq.ReadSequence(0x30);
            ReadOnlySpan<byte> method = description.ReadObjectIdentifier();
            GeneralName? location = GeneralName.Read(ref description, source, offset, materialise);
            description.ThrowIfNotEmpty();
            list?.Add(new AccessDescription(ObjectIdentifier.ToDotted(method), location!));
        }

        return list;
    }

    private static List<PolicyInformation>? ReadCertificatePolicies(ReadOnlySpan<byte> value, ReadOnlyMemory<byte> source, int offset, DecodeContext context, bool materialise)
    {
        DerReader seq = ReadOuterSequence(value, offset, "certificatePolicies", nonEmpty: true);
        List<PolicyInformation>? list = materialise ? [] : null;
        const int StackPolicies = 16;
        Span<Range> seen = stackalloc Range[StackPolicies];
        int count = 0;
        while (seq.HasData)
        {
            int policyOffset = seq.Offset;
            if (count >= MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} policies", policyOffset);
            }

            DerReader policy = seq.ReadSequence(0x30);
            ReadOnlySpan<byte> id = policy.ReadObjectIdentifier();
            int idStart = policy.Offset - id.Length - offset;

            // RFC 5280 §4.2.1.4: "A certificate policy OID MUST NOT appear more than once".
            for (int i = 0; i < count; i++)
            {
                if (value[seen[i]].SequenceEqual(id))
                {
                    context.Deviation(Pkcs10ErrorCode.InvalidExtension, $"policy {ObjectIdentifier.ToDotted(id)} appears more than once (RFC 5280 §4.2.1.4)", policyOffset);
                }
            }

            if (count == seen.Length)
            {
                Range[] grown = new Range[seen.Length * 2];
                seen.CopyTo(grown);
                seen = grown;
            }

            seen[count++] = new Range(idStart, idStart + id.Length);

            List<PolicyQualifier>? qualifiers = materialise ? [] : null;
            if (policy.HasData)
            {
                int qualifiersOffset = policy.Offset;
                DerReader qs = policy.ReadSequence(0x30);
                if (!qs.HasData)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.EmptySequence, "policyQualifiers must not be empty (SEQUENCE SIZE (1..MAX))", qualifiersOffset);
                }

                while (qs.HasData)
                {
                    DerReader q = qs.ReadSequence(0x30);
                    ReadOnlySpan<byte> qid = q.ReadObjectIdentifier();
                    PolicyQualifier? qualifier = ReadQualifier(ref q, qid, source, offset, materialise);
                    q.ThrowIfNotEmpty();
                    qualifiers?.Add(qualifier!);
                }
            }

            policy.ThrowIfNotEmpty();
            list?.Add(new PolicyInformation(ObjectIdentifier.ToDotted(id), qualifiers!));
        }

        return list;
    }

    private static PolicyQualifier? ReadQualifier(ref DerReader q, ReadOnlySpan<byte> qid, ReadOnlyMemory<byte> source, int offset, bool materialise)
    {
        int at = q.Offset;
        string? cps = null, organization = null, text = null;
        if (qid.SequenceEqual(Oids.CpsQualifier))
        {
            // CPSuri ::= IA5String
            ReadOnlySpan<byte> uri = q.ReadCharacterString(UniversalTagNumber.IA5String);
            cps = materialise ? System.Text.Encoding.ASCII.GetString(uri) : null;
        }
        else if (qid.SequenceEqual(Oids.UserNoticeQualifier))
        {
            DerReader notice = q.ReadSequence(0x30);
            if (notice.IsNext(0x30))
            {
                DerReader reference = notice.ReadSequence(0x30);
                organization = ReadDisplayText(ref reference, materialise);
                DerReader numbers = reference.ReadSequence(0x30);
                while (numbers.HasData)
                {
                    numbers.ReadIntegerBytes();
                }

                reference.ThrowIfNotEmpty();
            }

            if (notice.HasData)
            {
                text = ReadDisplayText(ref notice, materialise);
            }

            notice.ThrowIfNotEmpty();
        }
        else
        {
            // Any other qualifier: kept raw, framing validated.
            q.ReadEncodedValue();
        }

        return materialise
            ? new PolicyQualifier(ObjectIdentifier.ToDotted(qid), source.Slice(at - offset, q.Offset - at), cps, organization, text)
            : null;
    }

    // DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String } (RFC 5280 §4.2.1.4). The
    // SIZE (1..200) bound is not enforced: CAs exceed it and RFC 5280 says only that they SHOULD NOT.
    private static string? ReadDisplayText(ref DerReader reader, bool materialise)
    {
        int at = reader.Offset;
        Asn1Tag tag = reader.PeekTag();
        if (tag.TagClass != TagClass.Universal || tag.IsConstructed ||
            (UniversalTagNumber)tag.TagValue is not (UniversalTagNumber.IA5String or UniversalTagNumber.VisibleString or UniversalTagNumber.BmpString or UniversalTagNumber.Utf8String))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidExtension, $"{tag} is not a DisplayText (RFC 5280 §4.2.1.4)", at);
        }

        ReadOnlySpan<byte> content = reader.ReadCharacterString(out UniversalTagNumber type);
        return materialise ? DerString.Decode(type, content) : null;
    }

    private static List<PolicyMapping>? ReadPolicyMappings(ReadOnlySpan<byte> value, int offset, bool materialise)
    {
        DerReader seq = ReadOuterSequence(value, offset, "policyMappings", nonEmpty: true);
        List<PolicyMapping>? list = materialise ? [] : null;
        int count = 0;
        while (seq.HasData)
        {
            if (++count > MaxEntries)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {MaxEntries} policy mappings", seq.Offset);
            }

            DerReader mapping = seq.ReadSequence(0x30);
            ReadOnlySpan<byte> issuerPolicy = mapping.ReadObjectIdentifier();
            ReadOnlySpan<byte> subjectPolicy = mapping.ReadObjectIdentifier();
            mapping.ThrowIfNotEmpty();
            list?.Add(new PolicyMapping(ObjectIdentifier.ToDotted(issuerPolicy), ObjectIdentifier.ToDotted(subjectPolicy)));
        }

        return list;
    }

    private static PolicyConstraints ReadPolicyConstraints(ReadOnlySpan<byte> value, int offset, DecodeContext context)
    {
        DerReader seq = ReadOuterSequence(value, offset, "policyConstraints", nonEmpty: false);
        int? require = null, inhibit = null;
        if (seq.IsNext(0x80))
        {
            require = ReadSkipCerts(ref seq, 0);
        }

        if (seq.IsNext(0x81))
        {
            inhibit = ReadSkipCerts(ref seq, 1);
        }

        seq.ThrowIfNotEmpty();
        if (require is null && inhibit is null)
        {
            // RFC 5280 §4.2.1.11: "Conforming CAs MUST NOT issue certificates where policy constraints is an empty sequence."
            context.Deviation(Pkcs10ErrorCode.InvalidExtension, "policyConstraints must not be an empty sequence (RFC 5280 §4.2.1.11)", offset);
        }

        return new PolicyConstraints(require, inhibit);
    }

    private static int ReadInhibitAnyPolicy(ReadOnlySpan<byte> value, int offset)
    {
        var reader = new DerReader(value, offset);
        int at = reader.Offset;
        long n = reader.ReadInt64(out _);
        reader.ThrowIfNotEmpty();
        return CheckSkipCerts(n, at);
    }

    private static int ReadSkipCerts(ref DerReader reader, int number)
    {
        int at = reader.Offset;
        return CheckSkipCerts(reader.ReadInt64(out _, Asn1Tag.Context(number)), at);
    }

    private static int CheckSkipCerts(long n, int at)
    {
        if (n is < 0 or > int.MaxValue)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.IntegerOutOfRange, $"SkipCerts {n} is out of range (0..MAX)", at);
        }

        return (int)n;
    }
}
