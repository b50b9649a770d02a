namespace Pkcs10.Keys;

/// <summary>The kind of public key in a SubjectPublicKeyInfo.</summary>
public enum KeyAlgorithm
{
    /// <summary>An algorithm this library does not know.</summary>
    Unknown = 0,
    /// <summary>rsaEncryption (1.2.840.113549.1.1.1).</summary>
    Rsa,
    /// <summary>id-RSASSA-PSS (1.2.840.113549.1.1.10), an RSA key restricted to PSS (RFC 4055 §1.2).</summary>
    RsaPss,
    /// <summary>id-ecPublicKey (1.2.840.10045.2.1), RFC 5480.</summary>
    EC,
    /// <summary>id-Ed25519 (1.3.101.112), RFC 8410.</summary>
    Ed25519,
    /// <summary>id-Ed448 (1.3.101.113), RFC 8410.</summary>
    Ed448,
    /// <summary>id-dsa (1.2.840.10040.4.1), RFC 3279.</summary>
    Dsa,
    /// <summary>ML-DSA-44 (2.16.840.1.101.3.4.3.17), FIPS 204; recognised, not verified.</summary>
    MLDsa44,
    /// <summary>ML-DSA-65 (2.16.840.1.101.3.4.3.18), FIPS 204; recognised, not verified.</summary>
    MLDsa65,
    /// <summary>ML-DSA-87 (2.16.840.1.101.3.4.3.19), FIPS 204; recognised, not verified.</summary>
    MLDsa87,
}
