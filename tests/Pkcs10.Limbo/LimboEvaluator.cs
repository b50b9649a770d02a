using System.Net;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Extensions;

namespace Pkcs10.Limbo;

/// <summary>The harness's verdict on one testcase.</summary>
/// <param name="Result">"SUCCESS", "FAILURE" or "SKIPPED".</param>
/// <param name="Context">Why: the ranked first error, the skip reason, or the path found.</param>
public sealed record LimboOutcome(string Result, string Context);

/// <summary>Runs one x509-limbo testcase through <see cref="ChainBuilder"/>.</summary>
public static class LimboEvaluator
{
    /// <summary>Features this harness does not implement; cases carrying one are SKIPPED.</summary>
    public static IReadOnlySet<string> UnsupportedFeatures { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Evaluates <paramref name="testcase"/>; <paramref name="now"/> stands in for a null validation_time.</summary>
    public static LimboOutcome Evaluate(LimboCase testcase, DateTimeOffset now) => Run(testcase, now).Outcome;

    /// <summary>Every attempt of the search, for debugging one case.</summary>
    public static string Explain(LimboCase testcase, DateTimeOffset now)
    {
        (LimboOutcome outcome, ChainResult? result) = Run(testcase, now);
        var text = new System.Text.StringBuilder();
        text.AppendLine($"{testcase.Id}: expected {testcase.ExpectedResult}, got {outcome.Result}: {outcome.Context}");
        foreach (PathAttempt a in result?.Attempts ?? [])
        {
            text.AppendLine($"  [{string.Join(" <- ", a.Path.Select(c => c.Subject.ToString()))}] {a.Error}");
        }

        text.AppendLine($"  work: {result?.Work}");
        return text.ToString();
    }

    private static (LimboOutcome Outcome, ChainResult? Result) Run(LimboCase testcase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(testcase);
        if (testcase.Features.FirstOrDefault(UnsupportedFeatures.Contains) is { } feature)
        {
            return (new LimboOutcome("SKIPPED", $"feature {feature} is not implemented"), null);
        }

        if (testcase.SignatureAlgorithms.Count > 0)
        {
            return (new LimboOutcome("SKIPPED", "signature_algorithms constraints are not supported"), null);
        }

        // Every input is untrusted bytes: a certificate this library refuses to decode cannot be on a valid path.
        if (!TryDecode(testcase.PeerCertificate, out Certificate? leaf, out string? leafError))
        {
            return (new LimboOutcome("FAILURE", "leaf: " + leafError), null);
        }

        var undecodable = new List<string>();
        // Trust anchors are configuration, not input: they are decoded leniently (e.g. an old root with serial 0).
        List<Certificate> anchors = DecodeAll(testcase.TrustedCerts, "trusted", undecodable, CertificateDecoderOptions.Lenient);
        List<Certificate> pool = DecodeAll(testcase.UntrustedIntermediates, "intermediate", undecodable, CertificateDecoderOptions.Strict);

        var crls = new List<CertificateRevocationList>();
        foreach (string pem in testcase.Crls)
        {
            if (!CertificateRevocationList.TryLoad(System.Text.Encoding.ASCII.GetBytes(pem), out CertificateRevocationList? crl, out Pkcs10Exception? crlError))
            {
                // A CRL this library refuses cannot cover anything; with revocation required, that fails the path.
                return (new LimboOutcome("FAILURE", "CRL: " + crlError.Message), null);
            }

            crls.Add(crl);
        }

        bool server = testcase.ValidationKind == "SERVER";
        var purposes = testcase.ExtendedKeyUsage.Count > 0
            ? testcase.ExtendedKeyUsage.Select(KeyPurposeOid).ToList()
            : [server ? KeyPurposes.ServerAuth : KeyPurposes.ClientAuth];
        var names = new List<PeerName>();
        if (server && testcase.ExpectedPeerName is { } expected)
        {
            names.Add(ToPeerName(expected));
        }

        if (!server)
        {
            names.AddRange(testcase.ExpectedPeerNames.Select(ToPeerName));
        }

        var policy = new ChainPolicy
        {
            ValidationTime = testcase.ValidationTime ?? now,
            RequiredPurposes = purposes,
            PeerNames = names,
            RequiredKeyUsage = testcase.KeyUsage.Aggregate(KeyUsageFlags.None, (acc, k) => acc | KeyUsageFlag(k)),
            MaximumIntermediates = testcase.MaxChainDepth ?? 8,
            Crls = crls,

            // The webpki namespace tests the CA/Browser Forum profile on top of RFC 5280; the others test RFC 5280 alone.
            WebPki = testcase.Id.StartsWith("webpki::", StringComparison.Ordinal),
        };

        ChainResult result = new ChainBuilder(anchors, pool).Build(leaf, policy);
        LimboOutcome outcome = result.IsValid
            ? new LimboOutcome("SUCCESS", "path: " + string.Join(" <- ", result.Chain.Select(c => c.Subject.ToString())))
            : new LimboOutcome("FAILURE", result.Error!.ToString() + (undecodable.Count == 0 ? "" : "; not decoded: " + string.Join("; ", undecodable)));
        return (outcome, result);
    }

    // Certificates this library refuses are left out of the pool (as a relying party would), and reported.
    private static List<Certificate> DecodeAll(IReadOnlyList<string> pems, string role, List<string> undecodable, CertificateDecoderOptions options)
    {
        var result = new List<Certificate>();
        for (int i = 0; i < pems.Count; i++)
        {
            if (TryDecode(pems[i], out Certificate? c, out string? error, options))
            {
                result.Add(c);
            }
            else
            {
                undecodable.Add($"{role}[{i}]: {error}");
            }
        }

        return result;
    }

    private static bool TryDecode(string pem, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Certificate? certificate, out string? error,
        CertificateDecoderOptions? options = null)
    {
        if (Certificate.TryLoad(System.Text.Encoding.ASCII.GetBytes(pem), out certificate, out Pkcs10Exception? e, options))
        {
            error = null;
            return true;
        }

        error = e.Message;
        return false;
    }

    private static PeerName ToPeerName((string Kind, string Value) name) => name.Kind switch
    {
        "DNS" => PeerName.Dns(name.Value),
        "IP" => PeerName.IP(IPAddress.Parse(name.Value)),
        "RFC822" => PeerName.Email(name.Value),
        _ => throw new InvalidDataException($"unknown peer name kind {name.Kind}"),
    };

    private static string KeyPurposeOid(string name) => name switch
    {
        "serverAuth" => KeyPurposes.ServerAuth,
        "clientAuth" => KeyPurposes.ClientAuth,
        "codeSigning" => "1.3.6.1.5.5.7.3.3",
        "emailProtection" => "1.3.6.1.5.5.7.3.4",
        "timeStamping" => "1.3.6.1.5.5.7.3.8",
        "OCSPSigning" => "1.3.6.1.5.5.7.3.9",
        "anyExtendedKeyUsage" => KeyPurposes.Any,
        _ => throw new InvalidDataException($"unknown extended key usage {name}"),
    };

    private static KeyUsageFlags KeyUsageFlag(string name) => name switch
    {
        "digitalSignature" => KeyUsageFlags.DigitalSignature,
        "contentCommitment" => KeyUsageFlags.NonRepudiation,
        "keyEncipherment" => KeyUsageFlags.KeyEncipherment,
        "dataEncipherment" => KeyUsageFlags.DataEncipherment,
        "keyAgreement" => KeyUsageFlags.KeyAgreement,
        "keyCertSign" => KeyUsageFlags.KeyCertSign,
        "cRLSign" => KeyUsageFlags.CrlSign,
        "encipherOnly" => KeyUsageFlags.EncipherOnly,
        "decipherOnly" => KeyUsageFlags.DecipherOnly,
        _ => throw new InvalidDataException($"unknown key usage {name}"),
    };
}
