namespace Pkcs10.Signatures;

/// <summary>
/// Which implementation computes RSA signature checks. Both give the same answers on every input the tests
/// know of (all Wycheproof RSA vectors and a differential test with random keys and corruptions).
/// </summary>
/// <remarks>
/// Only RSASSA-PKCS1-v1_5 and RSASSA-PSS depend on the choice today. ECDSA and DSA always use the platform
/// (BCL) primitives, and Ed25519 and Ed448 always use managed code, whatever the engine.
/// </remarks>
public enum VerificationEngine
{
    /// <summary>
    /// The default: managed RSA public-key code (Montgomery arithmetic over 64-bit limbs), which needs no
    /// per-key import into the platform library and allocates nothing.
    /// </summary>
    Managed = 0,

    /// <summary>
    /// The platform library through <see cref="System.Security.Cryptography.RSA"/> (for callers who must use a
    /// validated platform module), with the managed code only for what the platform cannot express: SHA-224,
    /// SHA-512/224, SHA-512/256, PSS with a salt length other than the hash length or an MGF1 hash other than
    /// the message hash, and keys the platform refuses.
    /// </summary>
    Platform = 1,
}
