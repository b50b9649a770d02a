namespace Pkcs10.Signatures;

/// <summary>
/// Which implementation computes RSA and ECDSA (P-256, P-384, P-521) signature checks. Both give the same answers
/// on every input the tests know of (all Wycheproof RSA and ECDSA vectors, and differential tests with random
/// keys and corruptions), except that only the managed engine reads compressed EC public keys.
/// </summary>
/// <remarks>
/// RSASSA-PKCS1-v1_5, RSASSA-PSS and ECDSA on the three NIST prime curves depend on the choice. ECDSA on other
/// curves and DSA always use the platform (BCL) primitives, and Ed25519 and Ed448 always use managed code, whatever
/// the engine.
/// </remarks>
public enum VerificationEngine
{
    /// <summary>
    /// The default: managed public-key code — RSA by Montgomery arithmetic over 64-bit limbs, ECDSA by Jacobian
    /// point arithmetic with precomputed multiples of the generator — which needs no per-key import into the
    /// platform library and allocates nothing. A compressed EC public key is decompressed.
    /// </summary>
    Managed = 0,

    /// <summary>
    /// The platform library through <see cref="System.Security.Cryptography.RSA"/> and
    /// <see cref="System.Security.Cryptography.ECDsa"/> (for callers who must use a validated platform module), with
    /// the managed code only for what the platform cannot express: SHA-224, SHA-512/224, SHA-512/256, PSS with a
    /// salt length other than the hash length or an MGF1 hash other than the message hash, and RSA keys the
    /// platform refuses. A compressed EC public key cannot be imported, and its signatures are Invalid.
    /// </summary>
    Platform = 1,
}
