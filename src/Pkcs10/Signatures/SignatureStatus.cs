namespace Pkcs10.Signatures;

/// <summary>The outcome of a cryptographic signature check (a fact, not a policy decision).</summary>
public enum SignatureStatus
{
    /// <summary>The signature is not valid for exactly these bytes and this key, or the key and algorithm do not fit together.</summary>
    Invalid = 0,
    /// <summary>The signature is cryptographically valid for exactly these bytes under this key.</summary>
    Valid,
    /// <summary>The algorithm cannot be computed here (ML-DSA, SHA-3 on a platform without it, unknown OIDs).</summary>
    Unsupported,
}
