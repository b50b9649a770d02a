namespace Pkcs10.Asn1;

/// <summary>The class of an ASN.1 tag (X.690 §8.1.2.2), with values equal to the two high bits of the identifier octet.</summary>
public enum TagClass
{
    /// <summary>UNIVERSAL.</summary>
    Universal = 0x00,
    /// <summary>APPLICATION.</summary>
    Application = 0x40,
    /// <summary>Context-specific (<c>[n]</c>).</summary>
    ContextSpecific = 0x80,
    /// <summary>PRIVATE.</summary>
    Private = 0xC0,
}
