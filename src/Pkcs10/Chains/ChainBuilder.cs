using System.Collections.Concurrent;
using Pkcs10.Certificates;
using Pkcs10.Signatures;

namespace Pkcs10.Chains;

/// <summary>
/// Builds and validates certification paths (RFC 4158 path building, RFC 5280 §6.1 validation) from a leaf
/// through a pool of untrusted intermediates to one of a set of trust anchors. Deterministic and managed: the
/// result depends only on the inputs, never on the platform's certificate store or the clock.
/// </summary>
/// <remarks>
/// <para>
/// Candidate issuers are the certificates whose subject equals the issuer name (RFC 5280 §7.1 comparison);
/// trust anchors are tried before intermediates, and within each group those whose subjectKeyIdentifier equals
/// the authorityKeyIdentifier come first (a hint: a mismatch does not exclude a candidate). The search is
/// depth-first with backtracking, refuses to repeat a certificate (same subject and key) on a path, stops at
/// <see cref="ChainPolicy.MaximumIntermediates"/>, and counts its work against <see cref="ChainPolicy.Budget"/>.
/// </para>
/// <para>
/// A builder is immutable and thread-safe. It remembers the decoded extensions of its anchors and intermediates
/// and the result of each signature check between them, so repeated builds do not redo that work; an anchor's
/// own signature is never checked.
/// </para>
/// </remarks>
public sealed class ChainBuilder
{
    private readonly CertificateFacts[] _anchors;
    private readonly CertificateFacts[] _pool;
    private readonly Dictionary<string, List<CertificateFacts>> _anchorsBySubject;
    private readonly Dictionary<string, List<CertificateFacts>> _poolBySubject;
    private readonly ConcurrentDictionary<(Certificate Subject, Certificate Issuer, VerificationEngine Engine), SignatureStatus> _signatures = new();

    /// <summary>Creates a builder over trust anchors and a pool of intermediates.</summary>
    /// <param name="trustAnchors">The trusted certificates: roots, or any certificate the caller trusts as a starting point.</param>
    /// <param name="intermediates">Untrusted certificates that may complete a path, in any order; may contain irrelevant ones.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trustAnchors"/> is <see langword="null"/>.</exception>
    public ChainBuilder(IEnumerable<Certificate> trustAnchors, IEnumerable<Certificate>? intermediates = null)
    {
        ArgumentNullException.ThrowIfNull(trustAnchors);
        _anchors = Distinct(trustAnchors);
        _pool = Distinct(intermediates ?? []);
        _anchorsBySubject = Index(_anchors);
        _poolBySubject = Index(_pool);
    }

    /// <summary>The trust anchors, without duplicates.</summary>
    public IReadOnlyList<Certificate> TrustAnchors => Array.ConvertAll(_anchors, f => f.Certificate);

    /// <summary>The intermediates, without duplicates.</summary>
    public IReadOnlyList<Certificate> Intermediates => Array.ConvertAll(_pool, f => f.Certificate);

    /// <summary>Finds a valid path from <paramref name="leaf"/> to a trust anchor under <paramref name="policy"/>.</summary>
    /// <param name="leaf">The end-entity certificate (or any certificate to validate).</param>
    /// <param name="policy">What the path must satisfy, with the validation time.</param>
    /// <returns>The first valid path, or the ranked reasons every attempt failed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ChainResult Build(Certificate leaf, ChainPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(policy);
        return BuildCore(FactsFor(leaf), policy, requiredAnchor: null, crlDepth: 0);
    }

    // `requiredAnchor` restricts the search to one anchor (a CRL signer's path must end at the anchor of the
    // path whose revocation it decides, RFC 5280 §6.3.3 (f)); `crlDepth` counts such nested searches.
    private ChainResult BuildCore(CertificateFacts leafFacts, ChainPolicy policy, CertificateFacts? requiredAnchor, int crlDepth)
    {
        var state = new SearchState(policy, new CrlSignerResolver(this, policy, crlDepth)) { RequiredAnchor = requiredAnchor };
        var validator = new PathValidator(policy, state);
        Certificate leaf = leafFacts.Certificate;
        var path = new List<CertificateFacts> { leafFacts };

        bool found;
        if (Array.Find(_anchors, a => a.Certificate.RawData.Span.SequenceEqual(leaf.RawData.Span)) is { } self &&
            (requiredAnchor is null || ReferenceEquals(self, requiredAnchor)))
        {
            // The leaf itself is trusted: the path is the leaf alone.
            found = Complete(path, validator, state);
        }
        else
        {
            found = Search(path, 0, policy, validator, state);
        }

        var work = new ChainWork(state.SignatureChecks, state.CandidateVisits, state.NameComparisons, state.PolicyNodes);
        if (found)
        {
            return new ChainResult(path.ConvertAll(f => f.Certificate), [], state.Attempts, work, validator.ValidPolicies);
        }

        return new ChainResult([], Rank(state), state.Attempts, work, null);
    }

    /// <summary>Certificates named <paramref name="subject"/> among the anchors and intermediates.</summary>
    internal IEnumerable<(CertificateFacts Facts, bool Anchor)> WithSubject(Names.DistinguishedName subject)
    {
        string key = ChainNames.Key(subject);
        foreach ((Dictionary<string, List<CertificateFacts>> index, bool anchor) in new[] { (_anchorsBySubject, true), (_poolBySubject, false) })
        {
            if (index.TryGetValue(key, out List<CertificateFacts>? list))
            {
                foreach (CertificateFacts f in list)
                {
                    if (ChainNames.Equal(f.Certificate.Subject, subject))
                    {
                        yield return (f, anchor);
                    }
                }
            }
        }
    }

    /// <summary>Whether <paramref name="signer"/> has a valid path to <paramref name="anchor"/> under <paramref name="policy"/>.</summary>
    internal bool ValidatesTo(CertificateFacts signer, CertificateFacts anchor, ChainPolicy policy, int crlDepth) =>
        BuildCore(signer, policy, anchor, crlDepth).IsValid;

    // Depth-first search from the last certificate of `path`. `logicalIntermediates` counts the non-self-issued
    // intermediates already on the path.
    private bool Search(List<CertificateFacts> path, int logicalIntermediates, ChainPolicy policy, PathValidator validator, SearchState state)
    {
        CertificateFacts current = path[^1];
        int depth = path.Count;
        List<(CertificateFacts Facts, bool Anchor)> candidates = Candidates(current, state.RequiredAnchor);
        if (candidates.Count == 0)
        {
            Fail(state, path, ChainErrorCode.NoIssuerFound,
                $"no trust anchor or intermediate has the subject '{current.Certificate.Issuer}' that issued {PathValidator.Describe(current.Certificate)}",
                depth - 1, current.Certificate, reachedAnchor: false);
            return false;
        }

        foreach ((CertificateFacts candidate, bool isAnchor) in candidates)
        {
            if (++state.CandidateVisits > policy.Budget.MaxCandidateVisits)
            {
                state.BudgetError ??= PathValidator.Error(ChainErrorCode.BudgetExceeded,
                    $"the search considered {policy.Budget.MaxCandidateVisits} candidate issuers without finding a valid path", depth, candidate.Certificate);
                return false;
            }

            Certificate c = candidate.Certificate;
            // The attempted path is only materialised when the candidate is rejected.
            List<CertificateFacts> Tried() => [.. path, candidate];
            if (OnPath(path, candidate))
            {
                Fail(state, Tried(), ChainErrorCode.Cycle, $"{PathValidator.Describe(c)} is already on the path", depth, c, false);
                continue;
            }

            bool selfIssued = candidate.SelfIssued;
            int logical = logicalIntermediates + (isAnchor || selfIssued ? 0 : 1);
            if (!isAnchor && (logical > policy.MaximumIntermediates || depth > 2 * policy.MaximumIntermediates + 2))
            {
                Fail(state, Tried(), ChainErrorCode.DepthExceeded,
                    $"a path through {PathValidator.Describe(c)} has more than {policy.MaximumIntermediates} intermediates", depth, c, false);
                continue;
            }

            if (validator.CheckIssuer(candidate, depth, isAnchor) is { } local)
            {
                state.Attempts.Add(new PathAttempt(Tried().ConvertAll(f => f.Certificate), local, isAnchor));
                continue;
            }

            SignatureStatus status = CheckSignature(current, c, policy, state);
            if (state.BudgetError is not null)
            {
                return false;
            }

            if (status != SignatureStatus.Valid)
            {
                Fail(state, Tried(), status == SignatureStatus.Unsupported ? ChainErrorCode.SignatureUnsupported : ChainErrorCode.SignatureInvalid,
                    $"the key of {PathValidator.Describe(c)} does not verify the signature of {PathValidator.Describe(current.Certificate)}" +
                    (status == SignatureStatus.Unsupported ? $" ({current.Certificate.SignatureAlgorithm.Name} with a {c.PublicKey.AlgorithmName} key is not supported)" : ""),
                    depth - 1, current.Certificate, isAnchor);
                continue;
            }

            path.Add(candidate);
            if (isAnchor ? Complete(path, validator, state) : Search(path, logical, policy, validator, state))
            {
                return true;
            }

            path.RemoveAt(path.Count - 1);
            if (state.BudgetError is not null)
            {
                return false;
            }
        }

        return false;
    }

    private static bool Complete(List<CertificateFacts> path, PathValidator validator, SearchState state)
    {
        ChainError? error = validator.Validate(path);
        state.PolicyNodes += validator.LastPolicyNodes;
        if (error is null)
        {
            return true;
        }

        if (error.Code == ChainErrorCode.BudgetExceeded)
        {
            state.BudgetError ??= error;
        }

        state.Attempts.Add(new PathAttempt(path.ConvertAll(f => f.Certificate), error, true));
        return false;
    }

    private SignatureStatus CheckSignature(CertificateFacts subjectFacts, Certificate issuer, ChainPolicy policy, SearchState state)
    {
        Certificate subject = subjectFacts.Certificate;
        var key = (subject, issuer, policy.Engine);
        if (_signatures.TryGetValue(key, out SignatureStatus cached))
        {
            return cached;
        }

        if (++state.SignatureChecks > policy.Budget.MaxSignatureChecks)
        {
            state.BudgetError ??= PathValidator.Error(ChainErrorCode.BudgetExceeded,
                $"the search used its budget of {policy.Budget.MaxSignatureChecks} signature checks", 0, subject);
            return SignatureStatus.Invalid;
        }

        SignatureStatus status = subject.SignatureUnusedBits != 0
            ? SignatureStatus.Invalid
            : SignatureVerifier.Verify(subject.SignatureAlgorithm, issuer.PublicKey, subject.RawTbs.Span, subject.Signature.Span, policy.Engine);

        // Only edges between the builder's own certificates are remembered; leaves come and go.
        if (subjectFacts.Pooled)
        {
            _signatures.TryAdd(key, status);
        }

        return status;
    }

    private List<(CertificateFacts, bool)> Candidates(CertificateFacts current, CertificateFacts? requiredAnchor)
    {
        var result = new List<(CertificateFacts, bool)>();
        string key = current.IssuerKey;
        Add(result, _anchorsBySubject, key, current, anchor: true);
        if (requiredAnchor is not null)
        {
            result.RemoveAll(x => !ReferenceEquals(x.Item1, requiredAnchor));
        }

        Add(result, _poolBySubject, key, current, anchor: false);
        return result;
    }

    private static void Add(List<(CertificateFacts, bool)> result, Dictionary<string, List<CertificateFacts>> index, string key, CertificateFacts current, bool anchor)
    {
        if (!index.TryGetValue(key, out List<CertificateFacts>? list))
        {
            return;
        }

        int start = result.Count;
        foreach (CertificateFacts f in list)
        {
            if (ChainNames.Equal(f.Certificate.Subject, current.Certificate.Issuer))
            {
                result.Add((f, anchor));
            }
        }

        // Key-identifier matches first; the sort is stable so the caller's order decides among equals.
        if (current.AuthorityKeyId is { } aki)
        {
            var group = result.GetRange(start, result.Count - start);
            List<(CertificateFacts, bool)> ordered = [.. group.Where(g => Rank(g.Item1, aki.Span) == 0), .. group.Where(g => Rank(g.Item1, aki.Span) == 1),
                .. group.Where(g => Rank(g.Item1, aki.Span) == 2)];
            result.RemoveRange(start, result.Count - start);
            result.AddRange(ordered);
        }
    }

    private static int Rank(CertificateFacts candidate, ReadOnlySpan<byte> aki) =>
        candidate.SubjectKeyId is not { } ski ? 1 : ski.Span.SequenceEqual(aki) ? 0 : 2;

    private static bool OnPath(List<CertificateFacts> path, CertificateFacts candidate)
    {
        foreach (CertificateFacts f in path)
        {
            Certificate p = f.Certificate;
            Certificate c = candidate.Certificate;
            if (ChainNames.Equal(p.Subject, c.Subject) && p.PublicKey.RawData.Span.SequenceEqual(c.PublicKey.RawData.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static void Fail(SearchState state, List<CertificateFacts> path, ChainErrorCode code, string message, int depth, Certificate? at, bool reachedAnchor) =>
        state.Attempts.Add(new PathAttempt(path.ConvertAll(f => f.Certificate), PathValidator.Error(code, message, depth, at), reachedAnchor));

    private static List<ChainError> Rank(SearchState state)
    {
        var ranked = new List<ChainError>();
        if (state.BudgetError is { } budget)
        {
            ranked.Add(budget);
        }

        // Paths that reached an anchor first; among them, those whose validation got closest to the leaf
        // (validation runs from the anchor down); then longer partial paths; then the order tried.
        IEnumerable<PathAttempt> order = state.Attempts
            .Select((a, i) => (a, i))
            .OrderByDescending(x => x.a.ReachedAnchor)
            .ThenBy(x => x.a.ReachedAnchor ? x.a.Error.Depth : 0)
            .ThenByDescending(x => x.a.Path.Count)
            .ThenBy(x => x.i)
            .Select(x => x.a);
        foreach (PathAttempt attempt in order)
        {
            ChainError e = attempt.Error;
            if (!ranked.Exists(r => r.Code == e.Code && r.Depth == e.Depth && ReferenceEquals(r.Certificate, e.Certificate) && r.Message == e.Message))
            {
                ranked.Add(e);
            }
        }

        if (ranked.Count == 0)
        {
            ranked.Add(PathValidator.Error(ChainErrorCode.NoIssuerFound, "no path was found", 0, null));
        }

        return ranked;
    }

    private CertificateFacts FactsFor(Certificate certificate)
    {
        foreach (CertificateFacts f in _pool.Concat(_anchors))
        {
            if (ReferenceEquals(f.Certificate, certificate))
            {
                return f;
            }
        }

        return CertificateFacts.Create(certificate);
    }

    private static CertificateFacts[] Distinct(IEnumerable<Certificate> certificates)
    {
        var list = new List<CertificateFacts>();
        foreach (Certificate c in certificates)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(certificates));
            if (!list.Exists(f => f.Certificate.RawData.Span.SequenceEqual(c.RawData.Span)))
            {
                list.Add(CertificateFacts.Create(c, pooled: true));
            }
        }

        return [.. list];
    }

    private static Dictionary<string, List<CertificateFacts>> Index(CertificateFacts[] certificates)
    {
        var index = new Dictionary<string, List<CertificateFacts>>(StringComparer.Ordinal);
        foreach (CertificateFacts f in certificates)
        {
            string key = ChainNames.Key(f.Certificate.Subject);
            if (!index.TryGetValue(key, out List<CertificateFacts>? list))
            {
                index[key] = list = [];
            }

            list.Add(f);
        }

        return index;
    }
}
