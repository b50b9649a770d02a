using Pkcs10.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Names;

namespace Pkcs10.Issuance;

/// <summary>DER for the parts of a certificate only the issuer writes.</summary>
internal static class IssuanceEncoder
{
    // RFC 5280 §4.2.2.1: id-ad-ocsp and id-ad-caIssuers.
    private static ReadOnlySpan<byte> OcspAccessMethod => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01];

    private static ReadOnlySpan<byte> CaIssuersAccessMethod => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];

    /// <summary>RFC 5280 §4.1.2.5: UTCTime for 1950 through 2049, GeneralizedTime otherwise.</summary>
    public static void WriteTime(DerWriter writer, DateTimeOffset time)
    {
        int year = time.UtcDateTime.Year;
        if (year is >= 1950 and < 2050)
        {
            writer.WriteUtcTime(time);
        }
        else
        {
            writer.WriteGeneralizedTime(time);
        }
    }

    /// <summary><c>AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] KeyIdentifier OPTIONAL, ... }</c> with only the key identifier.</summary>
    public static byte[] EncodeAuthorityKeyIdentifier(ReadOnlySpan<byte> keyIdentifier)
    {
        using var writer = new DerWriter(keyIdentifier.Length + 8);
        using (writer.PushSequence())
        {
            writer.WriteOctetString(keyIdentifier, Asn1Tag.Context(0));
        }

        return writer.Encode();
    }

    /// <summary>One DistributionPoint whose distributionPoint is <c>[0] fullName [0] GeneralNames</c> of URIs (RFC 5280 §4.2.1.13).</summary>
    public static byte[] EncodeCrlDistributionPoints(IReadOnlyList<byte[]> uris)
    {
        using var writer = new DerWriter(64);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence(Asn1Tag.Context(0, isConstructed: true)))
        using (writer.PushSequence(Asn1Tag.Context(0, isConstructed: true)))
        {
            foreach (byte[] uri in uris)
            {
                writer.WriteEncodedValue(uri);
            }
        }

        return writer.Encode();
    }

    /// <summary><c>AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription</c>: OCSP entries, then caIssuers.</summary>
    public static byte[] EncodeAuthorityInformationAccess(IReadOnlyList<byte[]> ocsp, IReadOnlyList<byte[]> caIssuers)
    {
        using var writer = new DerWriter(64);
        using (writer.PushSequence())
        {
            foreach (byte[] uri in ocsp)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(OcspAccessMethod);
                    writer.WriteEncodedValue(uri);
                }
            }

            foreach (byte[] uri in caIssuers)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CaIssuersAccessMethod);
                    writer.WriteEncodedValue(uri);
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>A uniformResourceIdentifier GeneralName, checked like <see cref="GeneralNamesBuilder.AddUri(string)"/>.</summary>
    public static byte[] EncodeUri(string uri, string paramName)
    {
        if (!UriSyntax.TryNormalize(uri, out string? normalized, out string? error))
        {
            throw new ArgumentException($"'{uri}' is not a valid URI for a certificate: {error}.", paramName);
        }

        using var writer = new DerWriter(normalized.Length + 4);
        writer.WriteTlv(Asn1Tag.Context((int)GeneralNameType.Uri), System.Text.Encoding.ASCII.GetBytes(normalized));
        return writer.Encode();
    }

    /// <summary>GeneralNames from already-encoded GeneralName elements.</summary>
    public static byte[] EncodeGeneralNames(IEnumerable<GeneralName> names)
    {
        using var writer = new DerWriter(128);
        using (writer.PushSequence())
        {
            foreach (GeneralName name in names)
            {
                writer.WriteEncodedValue(name.RawData.Span);
            }
        }

        return writer.Encode();
    }

    /// <summary>A Name holding, in order, the attributes of <paramref name="name"/> whose types are listed (raw values kept byte for byte).</summary>
    public static DistinguishedName KeepAttributes(DistinguishedName name, IReadOnlyList<string> types, List<AttributeTypeAndValue> dropped)
    {
        using var writer = new DerWriter(name.RawData.Length + 8);
        using (writer.PushSequence())
        {
            foreach (RelativeDistinguishedName rdn in name.Rdns)
            {
                List<AttributeTypeAndValue> kept = [];
                foreach (AttributeTypeAndValue attribute in rdn.Attributes)
                {
                    (types.Contains(attribute.Oid, StringComparer.Ordinal) ? kept : dropped).Add(attribute);
                }

                if (kept.Count == 0)
                {
                    continue;
                }

                using (writer.PushSetOf())
                {
                    foreach (AttributeTypeAndValue attribute in kept)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(attribute.RawType.Span);
                            writer.WriteEncodedValue(attribute.RawValue.Span);
                        }
                    }
                }
            }
        }

        return DistinguishedName.Decode(writer.Encode());
    }
}
