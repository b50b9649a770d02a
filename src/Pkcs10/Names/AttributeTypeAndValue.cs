using Pkcs10.Asn1;

namespace Pkcs10.Names;

/// <summary>One AttributeTypeAndValue of a distinguished name (RFC 5280 §4.1.2.4).</summary>
/// <remarks>
/// <code>
/// AttributeTypeAndValue ::= SEQUENCE { type AttributeType, value AttributeValue }
/// AttributeType ::= OBJECT IDENTIFIER
/// AttributeValue ::= ANY -- DEFINED BY AttributeType
/// </code>
/// </remarks>
public sealed class AttributeTypeAndValue
{
    internal AttributeTypeAndValue(ReadOnlyMemory<byte> type, ReadOnlyMemory<byte> rawValue, UniversalTagNumber? stringType, string? value)
    {
        RawType = type;
        RawValue = rawValue;
        StringType = stringType;
        Value = value;
    }

    /// <summary>The attribute type OID's content octets.</summary>
    public ReadOnlyMemory<byte> RawType { get; }

    /// <summary>The attribute type as dotted text.</summary>
    public string Oid => ObjectIdentifier.ToDotted(RawType.Span);

    /// <summary>The short name from RFC 4514 and common practice ("CN", "O", ...), or <see langword="null"/>.</summary>
    public string? ShortName => NameAttributeTypes.GetShortName(RawType.Span);

    /// <summary>The whole DER encoding of the value (tag, length and content).</summary>
    public ReadOnlyMemory<byte> RawValue { get; }

    /// <summary>The string type when the value is a character string, else <see langword="null"/>.</summary>
    public UniversalTagNumber? StringType { get; }

    /// <summary>The decoded text when the value is a character string, else <see langword="null"/>.</summary>
    public string? Value { get; }

    /// <summary>The text for display: the decoded string, or "#" and the hex of the value's DER (RFC 4514 §2.4).</summary>
    public string DisplayValue => Value ?? "#" + Convert.ToHexStringLower(RawValue.Span);

    /// <inheritdoc/>
    public override string ToString() => $"{ShortName ?? Oid}={DisplayValue}";
}
