using Pkcs10.Internal;

namespace Pkcs10.Asn1;

public ref partial struct DerReader
{
    /// <summary>
    /// Reads a character string of any of the directory string types and checks its characters or encoding:
    /// PrintableString, IA5String, NumericString and VisibleString character sets; well-formed UTF-8,
    /// UCS-2 (BMPString) and UCS-4 (UniversalString). TeletexString, VideotexString, GraphicString and
    /// GeneralString are accepted as octets.
    /// </summary>
    /// <param name="type">The universal type that was read.</param>
    /// <returns>The content octets, a slice of the input; decode with <see cref="DerString.Decode"/>.</returns>
    /// <exception cref="Pkcs10Exception">The next element is not a character string or is malformed.</exception>
    public ReadOnlySpan<byte> ReadCharacterString(out UniversalTagNumber type)
    {
        int start = Offset;
        Asn1Tag tag = PeekTag();
        if (tag.TagClass != TagClass.Universal || !DerString.IsCharacterStringType((UniversalTagNumber)tag.TagValue))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.UnexpectedTag, $"expected a character string, found {tag}", start);
        }

        type = (UniversalTagNumber)tag.TagValue;
        return ReadCharacterString(type);
    }

    /// <summary>Reads a character string of one type and checks its characters or encoding.</summary>
    /// <param name="type">The required universal type.</param>
    /// <param name="tag">An implicit tag to use instead of the universal one.</param>
    /// <returns>The content octets, a slice of the input.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or has another tag.</exception>
    public ReadOnlySpan<byte> ReadCharacterString(UniversalTagNumber type, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadContent(tag ?? new Asn1Tag(type), out int contentOffset);
        DerRules.CheckCharacterString(type, content, contentOffset);
        return content;
    }
}
