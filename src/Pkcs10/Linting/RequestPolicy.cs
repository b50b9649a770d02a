using System.Security.Cryptography;
using Pkcs10.Extensions;
using Pkcs10.Keys;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Linting;

/// <summary>
/// A CA's rules for the requests it accepts: key types and sizes, signature algorithms, the domains names may be
/// in, how many names, and whether lint errors refuse the request. <see cref="Evaluate"/> is meant to run
/// before issuing, and lists every reason for a refusal.
/// </summary>
public sealed class RequestPolicy
{
    /// <summary>
    /// RSA 2048–8192 bits (PKCS#1 v1.5 or PSS), EC on P-256/P-384/P-521, Ed25519; SHA-256/384/512 signatures;
    /// any domain; at most 100 names; lint errors refuse.
    /// </summary>
    public static RequestPolicy Default { get; } = new();

    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public int MinimumRsaKeySize { get; init; } = 2048;

    /// <summary>The largest RSA modulus accepted, in bits (huge keys make every later verification slow).</summary>
    public int MaximumRsaKeySize { get; init; } = 8192;

    /// <summary>The EC curves accepted, by name ("P-256", ...).</summary>
    public IReadOnlySet<string> AllowedCurves { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "P-256", "P-384", "P-521" };

    /// <summary>The other key algorithms accepted besides RSA and EC.</summary>
    public IReadOnlySet<KeyAlgorithm> OtherAllowedKeyAlgorithms { get; init; } = new HashSet<KeyAlgorithm> { KeyAlgorithm.Ed25519 };

    /// <summary>The message digests accepted in the self-signature (EdDSA has none and is governed by the key rules).</summary>
    public IReadOnlySet<HashAlgorithmName> AllowedSignatureHashes { get; init; } =
        new HashSet<HashAlgorithmName> { HashAlgorithmName.SHA256, HashAlgorithmName.SHA384, HashAlgorithmName.SHA512 };

    /// <summary>The domains dNSName entries and DNS-like CNs must fall in; empty allows any.</summary>
    public IReadOnlyList<AllowedDomain> AllowedDomains { get; init; } = [];

    /// <summary>Whether iPAddress entries are accepted.</summary>
    public bool AllowIpAddresses { get; init; } = true;

    /// <summary>The most subjectAltName entries accepted.</summary>
    public int MaximumNames { get; init; } = 100;

    /// <summary>Whether an error finding of the linter refuses the request.</summary>
    public bool RefuseOnLintErrors { get; init; } = true;

    /// <summary>Checks <paramref name="request"/> against this policy.</summary>
    /// <param name="request">The request.</param>
    /// <param name="lint">A lint report already made for it; otherwise the built-in rules run here.</param>
    /// <param name="lintOptions">Options for that lint run.</param>
    /// <returns>The decision with every reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public PolicyDecision Evaluate(CertificationRequest request, LintReport? lint = null, RequestLintOptions? lintOptions = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        lint ??= new RequestLinter().Lint(request, lintOptions);
        var reasons = new List<string>();

        if (RefuseOnLintErrors)
        {
            reasons.AddRange(lint.Findings.Where(f => f.Severity == LintSeverity.Error).Select(f => $"lint {f.RuleId}: {f.Message}"));
        }

        CheckKey(request.PublicKey, reasons);
        CheckSignatureAlgorithm(request.SignatureAlgorithm, reasons);
        CheckNames(request, reasons);
        return new PolicyDecision(reasons, lint);
    }

    private void CheckKey(SubjectPublicKeyInfo key, List<string> reasons)
    {
        switch (key.Algorithm)
        {
            case KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss:
                if (key.KeySize < MinimumRsaKeySize || key.KeySize > MaximumRsaKeySize)
                {
                    reasons.Add($"RSA-{key.KeySize} is outside the accepted {MinimumRsaKeySize}–{MaximumRsaKeySize} bits");
                }

                break;
            case KeyAlgorithm.EC:
                if (key.CurveName is not string curve || !AllowedCurves.Contains(curve))
                {
                    reasons.Add($"EC keys on {key.CurveName} are not accepted (accepted: {string.Join(", ", AllowedCurves.Order(StringComparer.Ordinal))})");
                }

                break;
            default:
                if (!OtherAllowedKeyAlgorithms.Contains(key.Algorithm))
                {
                    reasons.Add($"{key.AlgorithmName} keys are not accepted");
                }

                break;
        }
    }

    private void CheckSignatureAlgorithm(SignatureAlgorithmIdentifier algorithm, List<string> reasons)
    {
        if (algorithm.Kind is SignatureKind.Ed25519 or SignatureKind.Ed448)
        {
            return;
        }

        if (algorithm.Hash is not HashAlgorithmName hash || !AllowedSignatureHashes.Contains(hash) ||
            (algorithm.Pss?.Mgf1Hash is HashAlgorithmName mgf && !AllowedSignatureHashes.Contains(mgf)))
        {
            reasons.Add($"the signature algorithm {algorithm.Name} ({algorithm.Hash?.Name ?? "no known hash"}) is not accepted");
        }
    }

    private void CheckNames(CertificationRequest request, List<string> reasons)
    {
        IReadOnlyList<GeneralName> names = request.SubjectAlternativeNames ?? [];
        if (names.Count > MaximumNames)
        {
            reasons.Add($"{names.Count} subjectAltName entries, more than the {MaximumNames} accepted");
        }

        var dnsNames = names.Where(n => n.Type == GeneralNameType.DnsName).Select(n => n.Value).ToList();
        dnsNames.AddRange(request.Subject.Rdns.SelectMany(r => r.Attributes)
            .Where(a => a.Oid == "2.5.4.3" && a.Value is string v && v.Contains('.', StringComparison.Ordinal) && !DnsNameChecks.LooksLikeIpAddress(v))
            .Select(a => a.Value!));
        if (AllowedDomains.Count > 0)
        {
            foreach (string name in dnsNames.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!AllowedDomains.Any(d => d.Covers(name)))
                {
                    reasons.Add($"\"{name}\" is outside the allowed domains");
                }
            }
        }

        if (!AllowIpAddresses && names.FirstOrDefault(n => n.Type == GeneralNameType.IPAddress) is { } ip)
        {
            reasons.Add($"IP address names ({ip.Value}) are not accepted");
        }
    }
}
