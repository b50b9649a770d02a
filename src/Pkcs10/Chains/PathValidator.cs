using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Keys;
using Pkcs10.Signatures;

namespace Pkcs10.Chains;

/// <summary>
/// RFC 5280 §6.1 basic path validation over one candidate path whose signatures the builder has already
/// checked: validity, names, policies, basic constraints, key usage, critical extensions, then the leaf's purpose
/// and peer names. Revocation runs per certificate when the policy asks for it.
/// </summary>
internal sealed class PathValidator
{
    private readonly ChainPolicy _policy;
    private readonly SearchState _state;

    public PathValidator(ChainPolicy policy, SearchState state)
    {
        _policy = policy;
        _state = state;
    }

    private PolicyTree? _tree;

    /// <summary>Policy-tree nodes created by the last <see cref="Validate"/>.</summary>
    public int LastPolicyNodes => _tree?.NodesCreated ?? 0;

    /// <summary>The user-constrained policy set of the last valid path.</summary>
    public IReadOnlyList<string>? ValidPolicies { get; private set; }

    /// <summary>Checks that apply to a certificate on its own when it is used as an issuer (pruning before recursion).</summary>
    public ChainError? CheckIssuer(CertificateFacts facts, int depth, bool isAnchor)
    {
        Certificate c = facts.Certificate;
        if (isAnchor && !_policy.EnforceAnchorConstraints)
        {
            return CheckKey(c, depth);
        }

        if (facts.Malformed is { } why)
        {
            return Error(ChainErrorCode.MalformedCertificate, $"{Describe(c)}: {why}", depth, c);
        }

        if (CheckValidity(c, depth) is { } validity)
        {
            return validity;
        }

        if (CheckKey(c, depth) is { } key)
        {
            return key;
        }

        if (!isAnchor)
        {
            // RFC 5280 §6.1.4 (k): a v3 CA must say so; a v1/v2 certificate cannot be known to be a CA.
            if (facts.BasicConstraints is not { CertificateAuthority: true })
            {
                return Error(ChainErrorCode.NotCertificateAuthority,
                    c.Version < 3 ? $"{Describe(c)} is a v{c.Version} certificate and cannot act as a CA" : $"{Describe(c)} has no basicConstraints with cA TRUE",
                    depth, c);
            }

            if (facts.KeyUsage is { } ku && (ku & KeyUsageFlags.KeyCertSign) == 0)
            {
                return Error(ChainErrorCode.KeyUsageNotPermitted, $"{Describe(c)} has keyUsage without keyCertSign", depth, c);
            }

            if (facts.UnknownCritical is { } oid)
            {
                return Error(ChainErrorCode.UnknownCriticalExtension, $"{Describe(c)} has critical extension {oid}, which is not processed", depth, c);
            }
        }
        else
        {
            if (facts.BasicConstraints is { CertificateAuthority: false })
            {
                return Error(ChainErrorCode.NotCertificateAuthority, $"trust anchor {Describe(c)} has basicConstraints cA FALSE", depth, c);
            }

            if (facts.UnknownCritical is { } oid)
            {
                return Error(ChainErrorCode.UnknownCriticalExtension, $"trust anchor {Describe(c)} has critical extension {oid}, which is not processed", depth, c);
            }

            if (ProfileChecks.Check(facts, depth, ProfileChecks.Role.Anchor, _policy) is { } profile)
            {
                return profile;
            }
        }

        return CheckIntermediatePurpose(facts, depth);
    }

    /// <summary>Validates the whole path (leaf first, trust anchor last). Returns <see langword="null"/> when it is valid.</summary>
    public ChainError? Validate(IReadOnlyList<CertificateFacts> path)
    {
        ValidPolicies = null;
        _tree = null;
        int n = path.Count - 1;
        CertificateFacts anchor = path[n];
        if (n > 0 && CheckIssuer(anchor, n, isAnchor: true) is { } anchorError)
        {
            return anchorError;
        }

        // §6.1.2 initialisation.
        int explicitPolicy = _policy.RequireExplicitPolicy ? 0 : n + 1;
        int inhibitAny = _policy.InhibitAnyPolicy ? 0 : n + 1;
        int policyMapping = _policy.InhibitPolicyMapping ? 0 : n + 1;
        int maxPathLength = n;
        var constraints = new List<(NameConstraints Constraints, CertificateFacts From)>();
        if (_policy.EnforceAnchorConstraints)
        {
            if (anchor.BasicConstraints?.PathLengthConstraint is int anchorLimit && anchorLimit < maxPathLength)
            {
                // The anchor's limit counts the intermediates below it, as for any CA (§6.1.4 (m)).
                maxPathLength = anchorLimit;
            }

            if (anchor.NameConstraints is { } anchorNc)
            {
                constraints.Add((anchorNc, anchor));
            }
        }

        var tree = _tree = new PolicyTree(_policy.Budget.MaxPolicyNodes);
        for (int k = n - 1; k >= 0; k--)
        {
            CertificateFacts facts = path[k];
            Certificate c = facts.Certificate;
            int i = n - k; // RFC 5280's 1-based index from the anchor
            bool leaf = k == 0;

            if (facts.Malformed is { } why)
            {
                return Error(ChainErrorCode.MalformedCertificate, $"{Describe(c)}: {why}", k, c);
            }

            if (ProfileChecks.Check(facts, k, leaf ? ProfileChecks.Role.Leaf : ProfileChecks.Role.Intermediate, _policy) is { } profile)
            {
                return profile;
            }

            // (a)(1) the signature was checked while building; the algorithm policy applies here.
            if (CheckSignatureAlgorithm(c, k) is { } alg)
            {
                return alg;
            }

            if (CheckValidity(c, k) is { } validity)
            {
                return validity;
            }

            if (CheckKey(c, k) is { } key)
            {
                return key;
            }

            if (_state.CheckRevocation(path, k) is { } revoked)
            {
                return revoked;
            }

            // (b), (c): names against every constraint above, except for self-issued intermediates.
            if (leaf || !facts.SelfIssued)
            {
                foreach ((NameConstraints nc, CertificateFacts from) in constraints)
                {
                    if (_state.CheckNameConstraints(facts, nc, leaf) is { } violation)
                    {
                        return Error(ChainErrorCode.NameConstraintViolation, $"{Describe(c)}: {violation} (constraints of {Describe(from.Certificate)})", k, c);
                    }
                }
            }

            // (d)-(f): certificate policies.
            if (!tree.IsNull)
            {
                if (facts.Policies is { } policies)
                {
                    tree.ProcessPolicies(i, policies, inhibitAny > 0 || (!leaf && facts.SelfIssued));
                }
                else
                {
                    tree.SetNull();
                }
            }

            if (tree.Exhausted)
            {
                return Error(ChainErrorCode.BudgetExceeded, $"the policy tree grew past {_policy.Budget.MaxPolicyNodes} nodes", k, c);
            }

            if (explicitPolicy <= 0 && tree.IsNull)
            {
                return Error(ChainErrorCode.PolicyViolation, $"no valid certificate policy at {Describe(c)} while an explicit policy is required", k, c);
            }

            if (leaf)
            {
                break;
            }

            // §6.1.4 preparation for the next certificate.
            if (facts.PolicyMappings is { } mappings)
            {
                foreach (PolicyMapping m in mappings)
                {
                    if (m.IssuerDomainPolicy == ChainPolicy.AnyPolicy || m.SubjectDomainPolicy == ChainPolicy.AnyPolicy)
                    {
                        return Error(ChainErrorCode.PolicyViolation, $"{Describe(c)} maps anyPolicy, which RFC 5280 §6.1.4 (a) forbids", k, c);
                    }
                }

                tree.ApplyMappings(i, mappings, policyMapping > 0, inhibitAny > 0);
                if (tree.Exhausted)
                {
                    return Error(ChainErrorCode.BudgetExceeded, $"the policy tree grew past {_policy.Budget.MaxPolicyNodes} nodes", k, c);
                }
            }

            if (facts.NameConstraints is { } own)
            {
                constraints.Add((own, facts));
            }

            if (!facts.SelfIssued)
            {
                explicitPolicy = Math.Max(0, explicitPolicy - 1);
                policyMapping = Math.Max(0, policyMapping - 1);
                inhibitAny = Math.Max(0, inhibitAny - 1);
            }

            if (facts.PolicyConstraints is { } pc)
            {
                if (pc.RequireExplicitPolicy is int r && r < explicitPolicy)
                {
                    explicitPolicy = r;
                }

                if (pc.InhibitPolicyMapping is int m && m < policyMapping)
                {
                    policyMapping = m;
                }
            }

            if (facts.InhibitAnyPolicy is int skip && skip < inhibitAny)
            {
                inhibitAny = skip;
            }

            if (CheckIssuer(facts, k, isAnchor: false) is { } issuerError)
            {
                return issuerError;
            }

            if (!facts.SelfIssued)
            {
                if (maxPathLength <= 0)
                {
                    return Error(ChainErrorCode.PathLengthExceeded, $"{Describe(c)} exceeds the pathLenConstraint of a CA above it", k, c);
                }

                maxPathLength--;
            }

            if (facts.BasicConstraints?.PathLengthConstraint is int limit && limit < maxPathLength)
            {
                maxPathLength = limit;
            }
        }

        return WrapUp(path[0], n, explicitPolicy, tree);
    }

    // §6.1.5 and the leaf's purpose, key usage and names.
    private ChainError? WrapUp(CertificateFacts leafFacts, int n, int explicitPolicy, PolicyTree tree)
    {
        Certificate leaf = leafFacts.Certificate;
        if (n == 0)
        {
            // The leaf is itself a trust anchor: nothing was processed above.
            if (leafFacts.Malformed is { } why)
            {
                return Error(ChainErrorCode.MalformedCertificate, $"{Describe(leaf)}: {why}", 0, leaf);
            }

            if (CheckValidity(leaf, 0) is { } validity)
            {
                return validity;
            }

            if (ProfileChecks.Check(leafFacts, 0, ProfileChecks.Role.Leaf, _policy) is { } profile)
            {
                return profile;
            }
        }

        if (explicitPolicy > 0)
        {
            explicitPolicy--;
        }

        if (leafFacts.PolicyConstraints?.RequireExplicitPolicy == 0)
        {
            explicitPolicy = 0;
        }

        IReadOnlyList<string>? valid = n == 0 ? [ChainPolicy.AnyPolicy] : tree.Intersect(n, _policy.InitialPolicies);
        if (explicitPolicy <= 0 && valid is null)
        {
            return Error(ChainErrorCode.PolicyViolation, "the path is valid for none of the acceptable certificate policies", 0, leaf);
        }

        if (leafFacts.UnknownCritical is { } oid)
        {
            return Error(ChainErrorCode.UnknownCriticalExtension, $"{Describe(leaf)} has critical extension {oid}, which is not processed", 0, leaf);
        }

        if (_policy.RequiredPurposes.Count > 0 && leafFacts.ExtendedKeyUsage is { } eku)
        {
            foreach (string purpose in _policy.RequiredPurposes)
            {
                if (!eku.Contains(purpose) && !eku.Contains(KeyPurposes.Any))
                {
                    return Error(ChainErrorCode.ExtendedKeyUsageNotPermitted, $"{Describe(leaf)} has extendedKeyUsage without {purpose}", 0, leaf);
                }
            }
        }

        if (_policy.RequiredKeyUsage != KeyUsageFlags.None && leafFacts.KeyUsage is { } ku && (ku & _policy.RequiredKeyUsage) != _policy.RequiredKeyUsage)
        {
            return Error(ChainErrorCode.KeyUsageMissing, $"{Describe(leaf)} has keyUsage {ku}, without {_policy.RequiredKeyUsage & ~ku}", 0, leaf);
        }

        foreach (PeerName name in _policy.PeerNames)
        {
            if (!ChainNames.Matches(leafFacts, name))
            {
                return Error(ChainErrorCode.PeerNameMismatch, $"{Describe(leaf)} is not valid for {name}", 0, leaf);
            }
        }

        ValidPolicies = valid ?? [];
        return null;
    }

    private ChainError? CheckIntermediatePurpose(CertificateFacts facts, int depth)
    {
        if (!_policy.RequirePurposesOnIntermediates || facts.ExtendedKeyUsage is not { } eku)
        {
            return null;
        }

        foreach (string purpose in _policy.RequiredPurposes)
        {
            if (!eku.Contains(purpose) && !eku.Contains(KeyPurposes.Any))
            {
                return Error(ChainErrorCode.ExtendedKeyUsageNotPermitted,
                    $"{Describe(facts.Certificate)} restricts extendedKeyUsage and does not allow {purpose}", depth, facts.Certificate);
            }
        }

        return null;
    }

    private ChainError? CheckValidity(Certificate c, int depth)
    {
        // Certificate times have whole seconds and the interval is inclusive (RFC 5280 §4.1.2.5), so the
        // validation time is compared at that granularity: 00:00:00.005 is still within a notAfter of 00:00:00.
        DateTimeOffset t = _policy.ValidationTime;
        t = t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));
        if (t < c.NotBefore)
        {
            return Error(ChainErrorCode.NotYetValid, $"{Describe(c)} is not valid before {c.NotBefore:u}", depth, c);
        }

        return t > c.NotAfter ? Error(ChainErrorCode.Expired, $"{Describe(c)} expired at {c.NotAfter:u}", depth, c) : null;
    }

    private ChainError? CheckKey(Certificate c, int depth)
    {
        SubjectPublicKeyInfo key = c.PublicKey;
        if (key.Algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss && key.KeySize < _policy.MinimumRsaKeyBits)
        {
            return Error(ChainErrorCode.WeakKey, $"{Describe(c)} has a {key.KeySize}-bit RSA key; the policy requires {_policy.MinimumRsaKeyBits}", depth, c);
        }

        return key.Algorithm == KeyAlgorithm.Dsa && !_policy.AllowDsaKeys
            ? Error(ChainErrorCode.WeakKey, $"{Describe(c)} has a DSA key, which the policy refuses", depth, c)
            : null;
    }

    private ChainError? CheckSignatureAlgorithm(Certificate c, int depth)
    {
        SignatureAlgorithmIdentifier alg = c.SignatureAlgorithm;
        bool refused = (alg.Hash == System.Security.Cryptography.HashAlgorithmName.SHA1 && !_policy.AllowSha1Signatures) ||
            (alg.Hash == System.Security.Cryptography.HashAlgorithmName.MD5 && !_policy.AllowMd5Signatures);
        return refused ? Error(ChainErrorCode.WeakSignatureAlgorithm, $"{Describe(c)} is signed with {alg.Name}, which the policy refuses", depth, c) : null;
    }

    internal static ChainError Error(ChainErrorCode code, string message, int depth, Certificate? c) => new(code, message, depth, c);

    internal static string Describe(Certificate c)
    {
        string subject = c.Subject.IsEmpty ? "(empty subject)" : c.Subject.ToString();
        return $"'{subject}' (serial {c.SerialNumberHex})";
    }
}
