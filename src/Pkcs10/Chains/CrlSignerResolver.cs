using Pkcs10.Extensions;
using Pkcs10.Names;

namespace Pkcs10.Chains;

/// <summary>
/// Finds the certificate whose key signed a CRL (RFC 5280 §6.3.3 (f)): a certificate named as the CRL's issuer
/// with a valid path to the same trust anchor as the certificate being checked. Certificates already on that
/// path qualify directly (self-issued key rollover); others are validated by a nested search, at most two deep,
/// with the same time, algorithm policy and CRLs but no purpose, name or policy requirements.
/// </summary>
internal sealed class CrlSignerResolver
{
    private const int MaxNesting = 2;
    private readonly ChainBuilder _builder;
    private readonly ChainPolicy _policy;
    private readonly int _depth;
    private ChainPolicy? _signerPolicy;

    public CrlSignerResolver(ChainBuilder builder, ChainPolicy policy, int depth)
    {
        _builder = builder;
        _policy = policy;
        _depth = depth;
    }

    /// <summary>Candidate signers for a CRL issued by <paramref name="crlIssuer"/>, checking certificate <paramref name="depth"/> of <paramref name="path"/>.</summary>
    public IEnumerable<CertificateFacts> Candidates(DistinguishedName crlIssuer, IReadOnlyList<CertificateFacts> path, int depth)
    {
        var seen = new HashSet<CertificateFacts>(ReferenceEqualityComparer.Instance);
        for (int i = depth + 1; i < path.Count; i++)
        {
            if (ChainNames.Equal(path[i].Certificate.Subject, crlIssuer) && seen.Add(path[i]))
            {
                yield return path[i];
            }
        }

        if (_depth >= MaxNesting)
        {
            yield break;
        }

        CertificateFacts anchor = path[^1];
        foreach ((CertificateFacts f, bool isAnchor) in _builder.WithSubject(crlIssuer))
        {
            if (isAnchor || !seen.Add(f))
            {
                continue; // another anchor is not this path's anchor
            }

            if (_builder.ValidatesTo(f, anchor, SignerPolicy, _depth + 1))
            {
                yield return f;
            }
        }
    }

    private ChainPolicy SignerPolicy => _signerPolicy ??= new ChainPolicy
    {
        ValidationTime = _policy.ValidationTime,
        MaximumIntermediates = _policy.MaximumIntermediates,
        Budget = _policy.Budget,
        Crls = _policy.Crls,
        Revocation = _policy.Revocation,
        MinimumRsaKeyBits = _policy.MinimumRsaKeyBits,
        AllowSha1Signatures = _policy.AllowSha1Signatures,
        AllowMd5Signatures = _policy.AllowMd5Signatures,
        AllowDsaKeys = _policy.AllowDsaKeys,
        EnforceAnchorConstraints = _policy.EnforceAnchorConstraints,
        Engine = _policy.Engine,
        RequiredKeyUsage = KeyUsageFlags.CrlSign,
        EnforceRfc5280Profile = _policy.EnforceRfc5280Profile,
        AllowCaLeaf = true,
    };
}
