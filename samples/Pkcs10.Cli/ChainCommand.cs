using System.Globalization;
using System.Net;
using System.Text.Json;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Extensions;

namespace Pkcs10.Cli;

/// <summary>The inputs of <c>pkcs10 chain</c>.</summary>
internal sealed record ChainOptions(string Leaf, string[] Intermediates, string[] Roots, string[] Crls, string? Time, string? Host, string? IP, string? Email,
    string[] Ekus, bool Json);

/// <summary><c>pkcs10 chain</c>: builds and validates a path from a leaf to the given roots.</summary>
internal static class ChainCommand
{
    public static int Run(ChainOptions options, TextWriter output, TextWriter error)
    {
        if (new[] { options.Host, options.IP, options.Email }.Count(x => x is not null) > 1)
        {
            error.WriteLine("give at most one of --host, --ip and --email");
            return 2;
        }

        DateTimeOffset time = DateTimeOffset.UtcNow;
        if (options.Time is { } text && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            error.WriteLine($"--time: '{text}' is not an ISO 8601 date and time");
            return 2;
        }

        var names = new List<PeerName>();
        if (options.Host is { } host)
        {
            names.Add(PeerName.Dns(host));
        }

        if (options.IP is { } ipText)
        {
            if (!IPAddress.TryParse(ipText, out IPAddress? ip))
            {
                error.WriteLine($"--ip: '{ipText}' is not an IP address");
                return 2;
            }

            names.Add(PeerName.IP(ip));
        }

        if (options.Email is { } email)
        {
            names.Add(PeerName.Email(email));
        }

        var purposes = new List<string>();
        foreach (string eku in options.Ekus)
        {
            if (KeyPurposes.TryResolve(eku, out string? oid))
            {
                purposes.Add(oid);
            }
            else
            {
                error.WriteLine($"--eku: '{eku}' is neither a known purpose name nor a dotted OID");
                return 2;
            }
        }

        List<Certificate> leaves, intermediates, roots;
        var crls = new List<CertificateRevocationList>();
        try
        {
            leaves = Read(options.Leaf);
            intermediates = options.Intermediates.SelectMany(Read).ToList();
            roots = options.Roots.SelectMany(Read).ToList();
            foreach (string file in options.Crls)
            {
                crls.Add(CertificateRevocationList.Load(File.ReadAllBytes(file)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Pkcs10Exception)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        if (leaves.Count == 0 || roots.Count == 0)
        {
            error.WriteLine(leaves.Count == 0 ? $"{options.Leaf} holds no certificate" : "no root certificate was given (--root)");
            return 2;
        }

        // A leaf file that is a bundle contributes its other certificates as intermediates, as servers send them.
        intermediates.AddRange(leaves.Skip(1));
        var policy = new ChainPolicy { ValidationTime = time, PeerNames = names, RequiredPurposes = purposes, Crls = crls };
        ChainResult result = new ChainBuilder(roots, intermediates).Build(leaves[0], policy);
        if (options.Json)
        {
            WriteJson(result, time, output);
        }
        else
        {
            WriteText(result, output);
        }

        return result.IsValid ? 0 : 1;
    }

    private static List<Certificate> Read(string file) => [.. Certificate.LoadAll(File.ReadAllBytes(file))];

    private static void WriteText(ChainResult result, TextWriter output)
    {
        if (result.IsValid)
        {
            output.WriteLine($"valid path of {result.Chain.Count} certificates:");
            for (int i = 0; i < result.Chain.Count; i++)
            {
                Certificate c = result.Chain[i];
                string role = i == 0 ? "leaf" : i == result.Chain.Count - 1 ? "trust anchor" : "intermediate";
                output.WriteLine($"  [{i}] {role}: {c.Subject}");
                output.WriteLine($"      serial {c.SerialNumberHex}, key {KeyText(c)}, valid {c.NotBefore:u} to {c.NotAfter:u}");
            }

            if (result.ValidPolicies is { Count: > 0 } policies)
            {
                output.WriteLine($"  policies: {string.Join(", ", policies)}");
            }

            return;
        }

        output.WriteLine("no valid path; reasons, most relevant first:");
        foreach (ChainError e in result.Errors)
        {
            output.WriteLine($"  {e.Code} (depth {e.Depth}): {e.Message}");
        }
    }

    private static void WriteJson(ChainResult result, DateTimeOffset time, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", result.IsValid);
            json.WriteString("time", time.ToString("O", CultureInfo.InvariantCulture));
            json.WriteStartArray("chain");
            foreach (Certificate c in result.Chain)
            {
                json.WriteStartObject();
                json.WriteString("subject", c.Subject.ToString());
                json.WriteString("issuer", c.Issuer.ToString());
                json.WriteString("serial", c.SerialNumberHex.ToLowerInvariant());
                json.WriteString("key", KeyText(c));
                json.WriteString("notBefore", c.NotBefore.ToString("O", CultureInfo.InvariantCulture));
                json.WriteString("notAfter", c.NotAfter.ToString("O", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (ChainError e in result.Errors)
            {
                json.WriteStartObject();
                json.WriteString("code", e.Code.ToString());
                json.WriteString("message", e.Message);
                json.WriteNumber("depth", e.Depth);
                if (e.Certificate is { } c)
                {
                    json.WriteString("subject", c.Subject.ToString());
                }
                else
                {
                    json.WriteNull("subject");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.ValidPolicies is { } policies)
            {
                json.WriteStartArray("policies");
                foreach (string p in policies)
                {
                    json.WriteStringValue(p);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteNull("policies");
            }

            json.WriteStartObject("work");
            json.WriteNumber("signatureChecks", result.Work.SignatureChecks);
            json.WriteNumber("candidateVisits", result.Work.CandidateVisits);
            json.WriteNumber("nameConstraintComparisons", result.Work.NameConstraintComparisons);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string KeyText(Certificate c)
    {
        Keys.SubjectPublicKeyInfo key = c.PublicKey;
        return key.CurveName is { } curve ? $"{key.AlgorithmName} {curve}" : $"{key.AlgorithmName} {key.KeySize}";
    }
}
