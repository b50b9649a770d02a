namespace Pkcs10.Asn1;

public ref partial struct DerReader
{
    /// <summary>Reads an OBJECT IDENTIFIER and returns its content octets (validated, X.690 §8.19).</summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.ObjectIdentifier"/> when <see langword="null"/>.</param>
    /// <returns>The content octets, a slice of the input; compare them with the encoded OID constants.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed.</exception>
    public ReadOnlySpan<byte> ReadObjectIdentifier(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = tag is null ? ReadContent(0x06, out int contentOffset) : ReadContent(tag.GetValueOrDefault(), out contentOffset);
        DerRules.CheckObjectIdentifier(content, contentOffset);
        return content;
    }
}
