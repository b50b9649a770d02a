namespace Pkcs10.Extensions;

/// <summary>How a subject key identifier is derived from a public key.</summary>
public enum SubjectKeyIdentifierMethod
{
    /// <summary>RFC 5280 §4.2.1.2 method (1): the 160-bit SHA-1 of the subjectPublicKey BIT STRING's value (what OpenSSL and most CAs use).</summary>
    Sha1 = 0,

    /// <summary>RFC 5280 §4.2.1.2 method (2): the four bits 0100 followed by the low 60 bits of that SHA-1 (8 bytes).</summary>
    ShortSha1,

    /// <summary>RFC 7093 §2 method 1: the leftmost 160 bits of the SHA-256 of the subjectPublicKey BIT STRING's value.</summary>
    Sha256Truncated,

    /// <summary>RFC 7093 §2 method 2: the leftmost 160 bits of the SHA-384 of that value.</summary>
    Sha384Truncated,

    /// <summary>RFC 7093 §2 method 3: the leftmost 160 bits of the SHA-512 of that value.</summary>
    Sha512Truncated,
}
