using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Extensions;
using Pkcs10.Keys;
using Pkcs10.Names;

namespace Pkcs10.Requests;

/// <summary>
/// Answers "does this key belong to this request?", "does this certificate match this key?" and "did the issued
/// certificate honour the request?" by comparing SubjectPublicKeyInfo contents (never moduli as strings), names
/// and subject alternative names, and says exactly what differs.
/// </summary>
public static class RequestMatcher
{
    /// <summary>Whether <paramref name="privateKey"/> is the key pair whose public key the request carries.</summary>
    /// <param name="request">The request.</param>
    /// <param name="privateKey">The key (its public part is compared).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MatchResult MatchKey(CertificationRequest request, AsymmetricAlgorithm privateKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(privateKey);
        return Result(CompareKeys("request", request.PublicKey, "key", PublicKeyOf(privateKey)));
    }

    /// <summary>Whether <paramref name="privateKey"/> is the key pair of the certificate's public key.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="privateKey">The key.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MatchResult MatchKey(X509Certificate2 certificate, AsymmetricAlgorithm privateKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(privateKey);
        return Result(CompareKeys("certificate", PublicKeyOf(certificate), "key", PublicKeyOf(privateKey)));
    }

    /// <summary>
    /// Whether the certificate was issued for this request and honours it: the same public key, the requested
    /// subject, and every requested subject alternative name. Names the CA added are reported as notes.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="certificate">The issued certificate.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MatchResult MatchCertificate(CertificationRequest request, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(certificate);
        var findings = new List<MatchFinding>();
        findings.AddRange(CompareKeys("request", request.PublicKey, "certificate", PublicKeyOf(certificate)));
        CompareSubjects(request.Subject, certificate, findings);
        CompareAlternativeNames(request, certificate, findings);
        return Result(findings);
    }

    /// <summary>
    /// Compares two public keys by content: RSA by modulus and exponent (an rsaEncryption and an id-RSASSA-PSS key
    /// with the same numbers are the same key, noted), EC by curve and point (compressed and uncompressed forms of
    /// one point match), anything else by algorithm and key bytes.
    /// </summary>
    /// <param name="expected">One key.</param>
    /// <param name="actual">The other.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MatchResult ComparePublicKeys(SubjectPublicKeyInfo expected, SubjectPublicKeyInfo actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return Result(CompareKeys("first", expected, "second", actual));
    }

    private static List<MatchFinding> CompareKeys(string leftName, SubjectPublicKeyInfo left, string rightName, SubjectPublicKeyInfo right)
    {
        var findings = new List<MatchFinding>();
        bool same = left.Algorithm switch
        {
            _ when left.RawData.Span.SequenceEqual(right.RawData.Span) => true,
            KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss => right.Algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss &&
                left.RsaModulus.Span.SequenceEqual(right.RsaModulus.Span) && left.RsaExponent.Span.SequenceEqual(right.RsaExponent.Span),
            KeyAlgorithm.EC => right.Algorithm == KeyAlgorithm.EC && left.RawCurveOid.Span.SequenceEqual(right.RawCurveOid.Span) &&
                SamePoint(left.EcPoint.Span, right.EcPoint.Span),
            _ => left.RawAlgorithmOid.Span.SequenceEqual(right.RawAlgorithmOid.Span) && left.PublicKey.Span.SequenceEqual(right.PublicKey.Span),
        };

        if (!same)
        {
            findings.Add(new MatchFinding("public key", true, $"the {leftName} has {Describe(left)}; the {rightName} has {Describe(right)}"));
        }
        else if (!left.RawData.Span.SequenceEqual(right.RawData.Span))
        {
            findings.Add(new MatchFinding("public key", false,
                $"the same key, encoded differently: the {leftName} as {left.AlgorithmName} {left.AlgorithmOid}, the {rightName} as {right.AlgorithmName} {right.AlgorithmOid}"));
        }

        return findings;
    }

    // SEC 1 §2.3.3: a compressed point is x with the parity of y in the prefix (02 even, 03 odd).
    private static bool SamePoint(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.SequenceEqual(b))
        {
            return true;
        }

        if (a.Length > b.Length)
        {
            ReadOnlySpan<byte> t = a;
            a = b;
            b = t;
        }

        // a compressed, b uncompressed, the same field size.
        if (a.Length < 2 || a[0] is not (0x02 or 0x03) || b.Length != (2 * a.Length) - 1 || b[0] != 0x04)
        {
            return false;
        }

        int fieldBytes = a.Length - 1;
        return a[1..].SequenceEqual(b.Slice(1, fieldBytes)) && (a[0] & 1) == (b[^1] & 1);
    }

    private static void CompareSubjects(DistinguishedName requested, X509Certificate2 certificate, List<MatchFinding> findings)
    {
        if (requested.RawData.Span.SequenceEqual(certificate.SubjectName.RawData))
        {
            return;
        }

        string issuedText;
        try
        {
            issuedText = DistinguishedName.Decode(certificate.SubjectName.RawData).ToString();
        }
        catch (Pkcs10Exception e)
        {
            findings.Add(new MatchFinding("subject", true, $"the certificate's subject cannot be read: {e.Message}"));
            return;
        }

        string requestedText = requested.ToString();
        if (requested.IsEmpty)
        {
            findings.Add(new MatchFinding("subject", false, $"the request had an empty subject; the certificate has \"{issuedText}\""));
        }
        else if (string.Equals(requestedText, issuedText, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new MatchFinding("subject", false, $"\"{issuedText}\" as requested, with other string types or letter case"));
        }
        else
        {
            findings.Add(new MatchFinding("subject", true, $"requested \"{requestedText}\", the certificate has \"{issuedText}\""));
        }
    }

    private static void CompareAlternativeNames(CertificationRequest request, X509Certificate2 certificate, List<MatchFinding> findings)
    {
        IReadOnlyList<GeneralName> requested;
        try
        {
            requested = request.SubjectAlternativeNames ?? [];
        }
        catch (Pkcs10Exception e)
        {
            findings.Add(new MatchFinding("subjectAltName", true, $"the request's subjectAltName cannot be read: {e.Message}"));
            return;
        }

        IReadOnlyList<GeneralName> issued = [];
        X509Extension? extension = certificate.Extensions["2.5.29.17"];
        if (extension is not null)
        {
            try
            {
                issued = ExtensionDecoder.DecodeSubjectAltName(extension.RawData);
            }
            catch (Pkcs10Exception e)
            {
                findings.Add(new MatchFinding("subjectAltName", true, $"the certificate's subjectAltName cannot be read: {e.Message}"));
                return;
            }
        }

        foreach (GeneralName name in requested)
        {
            if (!issued.Any(n => SameName(n, name)))
            {
                findings.Add(new MatchFinding("subjectAltName", true, $"requested {name} is not in the certificate"));
            }
        }

        foreach (GeneralName name in issued)
        {
            if (!requested.Any(n => SameName(n, name)))
            {
                findings.Add(new MatchFinding("subjectAltName", false, $"the certificate adds {name}"));
            }
        }
    }

    // DNS names compare case-insensitively (RFC 5280 §7.2 via RFC 4343); everything else by its decoded value.
    private static bool SameName(GeneralName a, GeneralName b) =>
        a.Type == b.Type && (a.RawData.Span.SequenceEqual(b.RawData.Span) ||
            (a.Type == GeneralNameType.DnsName && string.Equals(a.Value, b.Value, StringComparison.OrdinalIgnoreCase)));

    private static SubjectPublicKeyInfo PublicKeyOf(AsymmetricAlgorithm key) => SubjectPublicKeyInfo.Decode(key.ExportSubjectPublicKeyInfo());

    private static SubjectPublicKeyInfo PublicKeyOf(X509Certificate2 certificate) =>
        SubjectPublicKeyInfo.Decode(certificate.PublicKey.ExportSubjectPublicKeyInfo());

    private static string Describe(SubjectPublicKeyInfo key)
    {
        string size = key.Algorithm == KeyAlgorithm.EC ? key.CurveName ?? "EC" : key.KeySize > 0 ? $"{key.KeySize}-bit" : "";
        return $"an {key.AlgorithmName} {size} key (SPKI SHA-256 {Convert.ToHexStringLower(key.GetSha256Fingerprint().AsSpan(0, 8))}…)".Replace("  ", " ", StringComparison.Ordinal);
    }

    private static MatchResult Result(List<MatchFinding> findings) =>
        new([.. findings.OrderByDescending(f => f.IsMismatch)]);
}
