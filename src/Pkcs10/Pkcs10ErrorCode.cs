namespace Pkcs10;

/// <summary>
/// Stable identifiers for every reason Pkcs10 rejects its input. The enum member names are the
/// stable codes (they appear in <c>pkcs10 inspect --json</c> output); numeric values may change.
/// </summary>
public enum Pkcs10ErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    // ---- DER framing (X.690 §8.1, §10.1) ----

    /// <summary>The input ended before a complete tag, length or value was read.</summary>
    Truncated,
    /// <summary>Bytes follow the end of a complete element where none are allowed.</summary>
    TrailingData,
    /// <summary>The indefinite length form (0x80), which DER forbids (X.690 §10.1).</summary>
    IndefiniteLength,
    /// <summary>A length encoded in more octets than needed, or in long form below 128 (X.690 §10.1).</summary>
    NonMinimalLength,
    /// <summary>A length larger than this library supports (over 2^31 - 1).</summary>
    LengthTooLarge,
    /// <summary>A tag number below 31 written in high-tag-number form, or with a leading 0x80 octet.</summary>
    NonMinimalTag,
    /// <summary>A tag number too large to represent.</summary>
    TagTooLarge,
    /// <summary>The element has a different tag than the structure requires here.</summary>
    UnexpectedTag,
    /// <summary>A primitive type was encoded constructed, or a constructed type primitive (X.690 §10.2).</summary>
    InvalidConstructedBit,
    /// <summary>Elements are nested deeper than the configured maximum depth.</summary>
    MaxDepthExceeded,
    /// <summary>More elements than the configured maximum were read.</summary>
    MaxElementsExceeded,
    /// <summary>The input is larger than the configured maximum size.</summary>
    InputTooLarge,

    // ---- primitive values ----

    /// <summary>A BOOLEAN whose content is not exactly one octet 0x00 or 0xFF (X.690 §11.1).</summary>
    InvalidBoolean,
    /// <summary>An INTEGER with no content octets.</summary>
    EmptyInteger,
    /// <summary>An INTEGER with a redundant leading 0x00 or 0xFF octet (X.690 §8.3.2).</summary>
    NonMinimalInteger,
    /// <summary>An INTEGER out of the range this field allows (negative, too large, ...).</summary>
    IntegerOutOfRange,
    /// <summary>A NULL with content octets.</summary>
    InvalidNull,
    /// <summary>A BIT STRING whose unused-bits octet is missing, above 7, non-zero for an empty string, or whose unused bits are not zero (X.690 §11.2).</summary>
    InvalidBitString,
    /// <summary>A named-bit BIT STRING with trailing zero bits (X.690 §11.2.2).</summary>
    NonMinimalNamedBitString,
    /// <summary>An OBJECT IDENTIFIER that is empty, has a non-minimal subidentifier (leading 0x80), ends mid-arc, or has an arc too large to represent.</summary>
    InvalidObjectIdentifier,
    /// <summary>A UTCTime or GeneralizedTime not in the DER form (YYMMDDHHMMSSZ / YYYYMMDDHHMMSSZ, no fraction zeros) or not a real date (X.690 §11.7, §11.8).</summary>
    InvalidTime,
    /// <summary>A character string with a character its type does not allow (PrintableString, IA5String, NumericString, VisibleString).</summary>
    InvalidCharacterString,
    /// <summary>A UTF8String that is not well-formed UTF-8, or a BMPString / UniversalString that is not well-formed UCS-2 / UCS-4.</summary>
    InvalidStringEncoding,
    /// <summary>A SET OF whose elements are not in ascending DER order (X.690 §11.6).</summary>
    SetNotSorted,
    /// <summary>A field equal to its DEFAULT value was encoded explicitly (X.690 §11.5).</summary>
    DefaultValueEncoded,
    /// <summary>A SEQUENCE OF or SET OF declared SIZE(1..MAX) was empty.</summary>
    EmptySequence,

    // ---- PEM (RFC 7468) ----

    /// <summary>No PEM encapsulation boundary was found.</summary>
    PemNoBlock,
    /// <summary>A "-----BEGIN" line was found with no matching "-----END" line.</summary>
    PemMissingEndLine,
    /// <summary>The END label differs from the BEGIN label.</summary>
    PemLabelMismatch,
    /// <summary>The PEM label is not one this operation accepts.</summary>
    PemWrongLabel,
    /// <summary>A PEM boundary line is malformed.</summary>
    PemInvalidBoundary,
    /// <summary>The PEM body is not valid base64 (RFC 4648) or has whitespace where the strict mode forbids it.</summary>
    PemInvalidBase64,

    // ---- structure (RFC 2986, RFC 5280) ----

    /// <summary>CertificationRequestInfo.version is not 0 (v1), or a certificate version is not v1, v2 or v3.</summary>
    UnsupportedVersion,
    /// <summary>An AlgorithmIdentifier's parameters are malformed or not allowed for its algorithm.</summary>
    InvalidAlgorithmParameters,
    /// <summary>A SubjectPublicKeyInfo whose key does not decode for its algorithm.</summary>
    InvalidPublicKey,
    /// <summary>An attribute is malformed: empty value SET, several values where one is allowed, or a value of the wrong type.</summary>
    InvalidAttribute,
    /// <summary>The extensionRequest attribute appears more than once.</summary>
    DuplicateAttribute,
    /// <summary>An extension OID appears more than once in one extension list (RFC 5280 §4.2).</summary>
    DuplicateExtension,
    /// <summary>An extension value does not decode as its type requires.</summary>
    InvalidExtension,
    /// <summary>A Name, RDN or AttributeTypeAndValue is malformed.</summary>
    InvalidName,
    /// <summary>A GeneralName is malformed (bad IP length, bad IA5String, ...).</summary>
    InvalidGeneralName,
    /// <summary>A signature value is malformed for its algorithm (e.g. an ECDSA signature that is not a strict DER Ecdsa-Sig-Value).</summary>
    InvalidSignatureValue,
    /// <summary>The algorithm is not supported by this operation.</summary>
    UnsupportedAlgorithm,
    /// <summary>RFC 4514 string text could not be parsed.</summary>
    InvalidDistinguishedNameText,

    // ---- certificates (RFC 5280) ----

    /// <summary>The signature AlgorithmIdentifier inside the TBSCertificate differs from the outer one (RFC 5280 §4.1.1.2).</summary>
    SignatureAlgorithmMismatch,
    /// <summary>A certificate serial number that is not a positive INTEGER of at most 20 octets (RFC 5280 §4.1.2.2).</summary>
    InvalidSerialNumber,
    /// <summary>A field that the certificate's version does not allow (unique identifiers before v2, extensions before v3; RFC 5280 §4.1.2.8, §4.1.2.9).</summary>
    FieldNotAllowedForVersion,
}
