namespace Pkcs10.Asn1;

/// <summary>UNIVERSAL tag numbers used by X.509 and PKCS#10 (X.680 §8.4).</summary>
public enum UniversalTagNumber
{
    /// <summary>BOOLEAN.</summary>
    Boolean = 1,
    /// <summary>INTEGER.</summary>
    Integer = 2,
    /// <summary>BIT STRING.</summary>
    BitString = 3,
    /// <summary>OCTET STRING.</summary>
    OctetString = 4,
    /// <summary>NULL.</summary>
    Null = 5,
    /// <summary>OBJECT IDENTIFIER.</summary>
    ObjectIdentifier = 6,
    /// <summary>ENUMERATED.</summary>
    Enumerated = 10,
    /// <summary>UTF8String.</summary>
    Utf8String = 12,
    /// <summary>SEQUENCE and SEQUENCE OF.</summary>
    Sequence = 16,
    /// <summary>SET and SET OF.</summary>
    Set = 17,
    /// <summary>NumericString.</summary>
    NumericString = 18,
    /// <summary>PrintableString.</summary>
    PrintableString = 19,
    /// <summary>TeletexString (T61String).</summary>
    TeletexString = 20,
    /// <summary>VideotexString.</summary>
    VideotexString = 21,
    /// <summary>IA5String.</summary>
    IA5String = 22,
    /// <summary>UTCTime.</summary>
    UtcTime = 23,
    /// <summary>GeneralizedTime.</summary>
    GeneralizedTime = 24,
    /// <summary>GraphicString.</summary>
    GraphicString = 25,
    /// <summary>VisibleString (ISO646String).</summary>
    VisibleString = 26,
    /// <summary>GeneralString.</summary>
    GeneralString = 27,
    /// <summary>UniversalString (UCS-4).</summary>
    UniversalString = 28,
    /// <summary>BMPString (UCS-2).</summary>
    BmpString = 30,
}
