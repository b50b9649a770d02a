namespace Pkcs10.Signatures;

/// <summary>
/// Decides whether a cryptographically valid signature is acceptable. The default refuses MD5 and SHA-1,
/// whose collision resistance is broken (RFC 6151, SHAttered 2017).
/// </summary>
public sealed class VerificationPolicy
{
    /// <summary>The default policy: MD5 and SHA-1 refused.</summary>
    public static VerificationPolicy Default { get; } = new();

    /// <summary>A policy that accepts SHA-1 (but not MD5).</summary>
    public static VerificationPolicy AllowSha1Policy { get; } = new() { AllowSha1 = true };

    /// <summary>Whether signatures with SHA-1 digests are acceptable.</summary>
    public bool AllowSha1 { get; init; }

    /// <summary>Whether signatures with MD5 digests are acceptable.</summary>
    public bool AllowMd5 { get; init; }

    /// <summary>
    /// The implementation that checks RSA and ECDSA (P-256, P-384, P-521) signatures: <see cref="VerificationEngine.Managed"/> (the default) or
    /// <see cref="VerificationEngine.Platform"/> for callers who must use the platform's cryptographic module.
    /// </summary>
    public VerificationEngine Engine { get; init; }

    /// <summary>Whether a valid signature under <paramref name="algorithm"/> is acceptable.</summary>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <returns><see langword="true"/> when the policy allows its digest.</returns>
    public bool Allows(SignatureAlgorithmIdentifier algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (algorithm.Hash == System.Security.Cryptography.HashAlgorithmName.SHA1)
        {
            return AllowSha1;
        }

        if (algorithm.Hash == System.Security.Cryptography.HashAlgorithmName.MD5)
        {
            return AllowMd5;
        }

        return !algorithm.IsWeakHash;
    }
}
