using System.Net;
using Pkcs10.Asn1;
using Pkcs10.Internal;
using Pkcs10.Names;

namespace Pkcs10.Extensions;

/// <summary>One GeneralName (RFC 5280 §4.2.1.6).</summary>
/// <remarks>
/// <code>
/// GeneralName ::= CHOICE {
///   otherName [0] OtherName, rfc822Name [1] IA5String, dNSName [2] IA5String, x400Address [3] ORAddress,
///   directoryName [4] Name, ediPartyName [5] EDIPartyName, uniformResourceIdentifier [6] IA5String,
///   iPAddress [7] OCTET STRING, registeredID [8] OBJECT IDENTIFIER }
/// OtherName ::= SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY DEFINED BY type-id }
/// </code>
/// </remarks>
public sealed class GeneralName
{
    private GeneralName(GeneralNameType type, string value, ReadOnlyMemory<byte> rawData, string? otherNameOid, IPAddress? ip, DistinguishedName? directoryName)
    {
        Type = type;
        Value = value;
        RawData = rawData;
        OtherNameTypeOid = otherNameOid;
        IPAddress = ip;
        DirectoryName = directoryName;
    }

    /// <summary>The choice.</summary>
    public GeneralNameType Type { get; }

    /// <summary>
    /// The value as text: the IA5String for email/DNS/URI; canonical IP text (dotted quad, RFC 5952 IPv6);
    /// "OID:" + decoded string or "#" + hex for otherName; RFC 4514 for directoryName; dotted text for registeredID;
    /// "#" + hex of the DER for x400Address and ediPartyName.
    /// </summary>
    public string Value { get; }

    /// <summary>The DER encoding of the GeneralName.</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>For otherName, the type-id as dotted text (1.3.6.1.4.1.311.20.2.3 for a Microsoft UPN).</summary>
    public string? OtherNameTypeOid { get; }

    /// <summary>For iPAddress, the address.</summary>
    public IPAddress? IPAddress { get; }

    /// <summary>For directoryName, the name.</summary>
    public DistinguishedName? DirectoryName { get; }

    /// <summary>The short type name used in JSON output: "dns", "ip", "email", "uri", "otherName", "directoryName", "registeredId", "x400Address", "ediPartyName".</summary>
    public string TypeName => Type switch
    {
        GeneralNameType.DnsName => "dns",
        GeneralNameType.IPAddress => "ip",
        GeneralNameType.Rfc822Name => "email",
        GeneralNameType.Uri => "uri",
        GeneralNameType.OtherName => "otherName",
        GeneralNameType.DirectoryName => "directoryName",
        GeneralNameType.RegisteredId => "registeredId",
        GeneralNameType.X400Address => "x400Address",
        _ => "ediPartyName",
    };

    /// <inheritdoc/>
    public override string ToString() => $"{TypeName}:{Value}";

    /// <summary>
    /// Validates one GeneralName without materialising it when it is one of the common primitive choices
    /// (rfc822Name, dNSName, URI, iPAddress): one header read, the same checks, errors and offsets as
    /// <see cref="Read"/>. Returns <see langword="false"/> without advancing for any other choice.
    /// </summary>
    internal static bool TryValidatePrimitive(ref DerReader reader, bool forNameConstraints = false)
    {
        int start = reader.Offset;
        DerReader fast = reader;
        ReadOnlySpan<byte> primitive = fast.ReadAnyContent(out int identifier, out _, out int primitiveOffset);
        if (identifier is 0x81 or 0x82 or 0x86)
        {
            DerRules.CheckCharacterString(UniversalTagNumber.IA5String, primitive, primitiveOffset);
            reader = fast;
            return true;
        }

        if (identifier == 0x87)
        {
            // RFC 5280 §4.2.1.6: 4 or 16 octets; §4.2.1.10: 8 or 32 (address and mask) in name constraints.
            if (forNameConstraints ? primitive.Length is not (8 or 32) : primitive.Length is not (4 or 16))
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidGeneralName, $"iPAddress of {primitive.Length} octets (4 or 16 expected)", start);
            }

            reader = fast;
            return true;
        }

        return false;
    }

    /// <summary>Reads one GeneralName, validating it; returns the object only when <paramref name="materialise"/> is set.</summary>
    internal static GeneralName? Read(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset, bool materialise, bool forNameConstraints = false)
    {
        int start = reader.Offset;

        Asn1Tag tag = reader.PeekTag();
        if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue > 8)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidGeneralName, $"{tag} is not a GeneralName choice", start);
        }

        var type = (GeneralNameType)tag.TagValue;
        string? value = null;
        string? otherOid = null;
        IPAddress? ip = null;
        DistinguishedName? dn = null;
        switch (type)
        {
            case GeneralNameType.Rfc822Name:
            case GeneralNameType.DnsName:
            case GeneralNameType.Uri:
            {
                ReadOnlySpan<byte> text = reader.ReadCharacterString(UniversalTagNumber.IA5String, Asn1Tag.Context(tag.TagValue));
                if (materialise)
                {
                    value = System.Text.Encoding.ASCII.GetString(text);
                }

                break;
            }

            case GeneralNameType.IPAddress:
            {
                ReadOnlySpan<byte> address = reader.ReadOctetString(Asn1Tag.Context(7));

                // RFC 5280 §4.2.1.6: 4 or 16 octets; §4.2.1.10: 8 or 32 (address and mask) in name constraints.
                bool ok = forNameConstraints ? address.Length is 8 or 32 : address.Length is 4 or 16;
                if (!ok)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.InvalidGeneralName, $"iPAddress of {address.Length} octets (4 or 16 expected)", start);
                }

                if (materialise && !forNameConstraints)
                {
                    ip = new IPAddress(address);
                    value = ip.ToString();
                }
                else if (materialise)
                {
                    value = "#" + Convert.ToHexStringLower(address);
                }

                break;
            }

            case GeneralNameType.RegisteredId:
            {
                ReadOnlySpan<byte> oid = reader.ReadObjectIdentifier(Asn1Tag.Context(8));
                if (materialise)
                {
                    value = ObjectIdentifier.ToDotted(oid);
                }

                break;
            }

            case GeneralNameType.OtherName:
            {
                DerReader seq = reader.ReadSequence(Asn1Tag.Context(0, isConstructed: true));
                ReadOnlySpan<byte> oid = seq.ReadObjectIdentifier();
                DerReader inner = seq.ReadExplicit(0);
                Asn1Tag innerTag = inner.PeekTag();
                ReadOnlySpan<byte> valueBytes;
                string? decoded = null;
                if (innerTag.TagClass == TagClass.Universal && !innerTag.IsConstructed && DerString.IsCharacterStringType((UniversalTagNumber)innerTag.TagValue))
                {
                    ReadOnlySpan<byte> content = inner.ReadCharacterString(out UniversalTagNumber st);
                    if (materialise)
                    {
                        decoded = DerString.Decode(st, content);
                    }
                }
                else
                {
                    valueBytes = inner.ReadEncodedValue();
                    if (materialise)
                    {
                        decoded = "#" + Convert.ToHexStringLower(valueBytes);
                    }
                }

                inner.ThrowIfNotEmpty();
                seq.ThrowIfNotEmpty();
                if (materialise)
                {
                    otherOid = ObjectIdentifier.ToDotted(oid);
                    value = otherOid + ":" + decoded;
                }

                break;
            }

            case GeneralNameType.DirectoryName:
            {
                // [4] is EXPLICIT because Name is a CHOICE (X.680 §31.2.7).
                DerReader inner = reader.ReadExplicit(4);
                int nameStart = inner.Offset;
                DerReader probe = inner;
                int nameLength = probe.PeekEncodedValue().Length;
                DistinguishedName.Validate(ref inner, DecodeContext.Strict);
                inner.ThrowIfNotEmpty();
                if (materialise)
                {
                    dn = DistinguishedName.Decode(source.Slice(nameStart - sourceOffset, nameLength));
                    value = dn.ToString();
                }

                break;
            }

            default:
            {
                // x400Address [3] and ediPartyName [5]: IMPLICIT SEQUENCEs kept raw.
                ReadOnlySpan<byte> raw = reader.ReadSequence(Asn1Tag.Context(tag.TagValue, isConstructed: true)).RemainingBytes;
                _ = raw;
                if (materialise)
                {
                    value = "#" + Convert.ToHexStringLower(source.Span.Slice(start - sourceOffset, reader.Offset - start));
                }

                break;
            }
        }

        return materialise
            ? new GeneralName(type, value!, source.Slice(start - sourceOffset, reader.Offset - start), otherOid, ip, dn)
            : null;
    }
}
