namespace Pkcs10.Signatures;

/// <summary>The signature scheme of a signature AlgorithmIdentifier.</summary>
public enum SignatureKind
{
    /// <summary>An algorithm this library does not know.</summary>
    Unknown = 0,
    /// <summary>RSASSA-PKCS1-v1_5 (RFC 8017 §8.2).</summary>
    RsaPkcs1,
    /// <summary>RSASSA-PSS (RFC 8017 §8.1, RFC 4055).</summary>
    RsaPss,
    /// <summary>ECDSA (RFC 5758 §3.2, RFC 3279 §2.2.3).</summary>
    Ecdsa,
    /// <summary>DSA (RFC 3279 §2.2.2, RFC 5758 §3.1).</summary>
    Dsa,
    /// <summary>Ed25519 (RFC 8410).</summary>
    Ed25519,
    /// <summary>Ed448 (RFC 8410).</summary>
    Ed448,
    /// <summary>ML-DSA (FIPS 204); recognised, not verified.</summary>
    MLDsa,
}
