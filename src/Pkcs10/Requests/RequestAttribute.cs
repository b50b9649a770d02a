using Pkcs10.Asn1;

namespace Pkcs10.Requests;

/// <summary>One attribute of a CertificationRequestInfo (RFC 2986 §4.1), with its values kept as DER.</summary>
/// <remarks>
/// <code>
/// Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET SIZE(1..MAX) OF ANY DEFINED BY type }
/// </code>
/// </remarks>
public sealed class RequestAttribute
{
    internal RequestAttribute(ReadOnlyMemory<byte> rawType, ReadOnlyMemory<byte>[] values, int offset)
    {
        RawType = rawType;
        Values = values;
        Offset = offset;
    }

    /// <summary>The type OID's content octets.</summary>
    public ReadOnlyMemory<byte> RawType { get; }

    /// <summary>The type as dotted text.</summary>
    public string Oid => ObjectIdentifier.ToDotted(RawType.Span);

    /// <summary>Each value's whole DER encoding, in encoded order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Values { get; }

    /// <summary>The byte offset of the Attribute in the request's DER.</summary>
    public int Offset { get; }

    /// <summary>Formats a value for display: the decoded text of a character string, else "#" and hex of its DER.</summary>
    /// <param name="index">The value index.</param>
    /// <returns>The text.</returns>
    public string GetDisplayValue(int index)
    {
        ReadOnlySpan<byte> encoded = Values[index].Span;
        var reader = new DerReader(encoded);
        Asn1Tag tag = reader.PeekTag();
        if (tag.TagClass == TagClass.Universal && !tag.IsConstructed && DerString.IsCharacterStringType((UniversalTagNumber)tag.TagValue))
        {
            try
            {
                return DerString.Decode((UniversalTagNumber)tag.TagValue, reader.ReadCharacterString((UniversalTagNumber)tag.TagValue));
            }
            catch (Pkcs10Exception)
            {
                // fall through to hex (lenient decoding may keep malformed values)
            }
        }

        return "#" + Convert.ToHexStringLower(encoded);
    }
}
