using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Keys;

namespace Pkcs10.Chains;

/// <summary>The certificate-profile rules of <see cref="ChainPolicy.EnforceRfc5280Profile"/> and <see cref="ChainPolicy.WebPki"/>.</summary>
internal static class ProfileChecks
{
    /// <summary>Where a certificate sits on the path.</summary>
    public enum Role
    {
        Leaf,
        Intermediate,
        Anchor,
    }

    public static ChainError? Check(CertificateFacts f, int depth, Role role, ChainPolicy policy)
    {
        string? why = policy.EnforceRfc5280Profile ? Rfc5280(f, role, policy.WebPki) : null;
        why ??= policy.WebPki ? WebPki(f, role) : null;
        if (why is null && role == Role.Leaf && f.BasicConstraints?.CertificateAuthority == true && !(policy.AllowCaLeaf ?? !policy.WebPki))
        {
            why = "is a CA certificate (basicConstraints cA TRUE) used as an end entity";
        }

        return why is null ? null : PathValidator.Error(ChainErrorCode.ProfileViolation, $"{PathValidator.Describe(f.Certificate)} {why}", depth, f.Certificate);
    }

    private static string? Rfc5280(CertificateFacts f, Role role, bool webPki)
    {
        Certificate c = f.Certificate;
        bool ca = f.BasicConstraints?.CertificateAuthority == true;
        CertificateExtension? aki = c.GetExtension("2.5.29.35");
        if (aki is { Critical: true })
        {
            return "marks authorityKeyIdentifier critical (RFC 5280 §4.2.1.1: MUST be non-critical)";
        }

        if (aki is not null && c.AuthorityKeyIdentifier?.KeyIdentifier is null)
        {
            return "has an authorityKeyIdentifier without keyIdentifier (RFC 5280 §4.2.1.1)";
        }

        if (aki is null && role != Role.Anchor && c.Version == 3 && !IsSelfSigned(f))
        {
            return "has no authorityKeyIdentifier (RFC 5280 §4.2.1.1: MUST be present except in self-signed certificates)";
        }

        CertificateExtension? ski = c.GetExtension("2.5.29.14");
        if (ski is { Critical: true })
        {
            return "marks subjectKeyIdentifier critical (RFC 5280 §4.2.1.2: MUST be non-critical)";
        }

        if (ski is null && ca && c.Version == 3)
        {
            return "is a CA certificate without subjectKeyIdentifier (RFC 5280 §4.2.1.2: MUST be present)";
        }

        if (ca && c.GetExtension("2.5.29.19") is { Critical: false } && role != Role.Leaf)
        {
            return "is a CA certificate whose basicConstraints is not critical (RFC 5280 §4.2.1.9)";
        }

        // The Baseline Requirements (§7.1.2.5.2) let technically constrained CAs mark nameConstraints non-critical.
        if (c.GetExtension("2.5.29.30") is { } nc && ((!nc.Critical && !webPki) || !ca))
        {
            return !nc.Critical ? "marks nameConstraints non-critical (RFC 5280 §4.2.1.10: MUST be critical)"
                : "is an end-entity certificate with nameConstraints (RFC 5280 §4.2.1.10: only in CA certificates)";
        }

        if (c.GetExtension("2.5.29.36") is { Critical: false })
        {
            return "marks policyConstraints non-critical (RFC 5280 §4.2.1.11: MUST be critical)";
        }

        if (c.Subject.IsEmpty && c.GetExtension("2.5.29.17") is { Critical: false })
        {
            return "has an empty subject and a non-critical subjectAltName (RFC 5280 §4.2.1.6: MUST be critical)";
        }

        if (f.KeyUsage is { } ku && (ku & KeyUsageFlags.KeyCertSign) != 0 && !ca)
        {
            return "asserts keyCertSign without basicConstraints cA TRUE (RFC 5280 §4.2.1.3)";
        }

        if (role == Role.Anchor && c.Version == 3 && !ca)
        {
            return "is a trust anchor without basicConstraints cA TRUE";
        }

        return null;
    }

    private static string? WebPki(CertificateFacts f, Role role)
    {
        Certificate c = f.Certificate;
        SubjectPublicKeyInfo key = c.PublicKey;
        switch (key.Algorithm)
        {
            case KeyAlgorithm.Rsa when key.KeySize % 8 != 0:
                return $"has an RSA modulus of {key.KeySize} bits, not a multiple of 8 (CA/B BR §6.1.5)";
            case KeyAlgorithm.EC when key.CurveName is not ("P-256" or "P-384" or "P-521"):
                return $"has an EC key on {key.CurveName}, not P-256, P-384 or P-521 (CA/B BR §6.1.5)";
            case KeyAlgorithm.Dsa:
                return "has a DSA key (CA/B BR §6.1.5 allows only RSA and ECDSA)";
        }

        if (role == Role.Anchor)
        {
            if (c.GetExtension("2.5.29.37") is not null)
            {
                return "is a root with extendedKeyUsage (CA/B BR §7.1.2.1)";
            }

            if (c.AuthorityKeyIdentifier is { } aki &&
                (aki.AuthorityCertIssuer is not null || aki.AuthorityCertSerialNumber is not null ||
                 (aki.KeyIdentifier is { } id && f.SubjectKeyId is { } own && !id.Span.SequenceEqual(own.Span))))
            {
                return "is a root whose authorityKeyIdentifier is not just its own key identifier (CA/B BR §7.1.2.1.3)";
            }

            return null;
        }

        if (role != Role.Leaf)
        {
            return null;
        }

        CertificateExtension? eku = c.GetExtension("2.5.29.37");
        if (eku is null)
        {
            return "has no extendedKeyUsage (CA/B BR §7.1.2.7.10)";
        }

        if (eku.Critical)
        {
            return "marks extendedKeyUsage critical (CA/B BR §7.1.2.7.10)";
        }

        if (f.ExtendedKeyUsage?.Contains(KeyPurposes.Any) == true)
        {
            return "lists anyExtendedKeyUsage (CA/B BR §7.1.2.7.10)";
        }

        if (!c.Subject.IsEmpty && c.GetExtension("2.5.29.17") is { Critical: true })
        {
            return "marks subjectAltName critical with a non-empty subject (CA/B BR §7.1.2.7.12)";
        }

        foreach (Names.RelativeDistinguishedName rdn in c.Subject.Rdns)
        {
            foreach (Names.AttributeTypeAndValue atv in rdn.Attributes)
            {
                if (atv.RawType.Span.SequenceEqual(CommonNameOid) && !InSubjectAltNames(atv.Value, f.SubjectAltNames))
                {
                    return $"has commonName '{atv.DisplayValue}', which is not one of its subjectAltNames (CA/B BR §7.1.4.3)";
                }
            }
        }

        return null;
    }

    private static ReadOnlySpan<byte> CommonNameOid => [0x55, 0x04, 0x03];

    // BR §7.1.4.3: the CN holds a dNSName byte for byte, or an IP address in its canonical text form.
    private static bool InSubjectAltNames(string? cn, IReadOnlyList<GeneralName>? names)
    {
        if (cn is null || names is null)
        {
            return false;
        }

        foreach (GeneralName n in names)
        {
            if ((n.Type == GeneralNameType.DnsName && string.Equals(n.Value, cn, StringComparison.Ordinal)) ||
                (n.Type == GeneralNameType.IPAddress && n.IPAddress is { } ip && string.Equals(ip.ToString(), cn, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSelfSigned(CertificateFacts f) =>
        f.SelfIssued && (f.AuthorityKeyId is not { } aki || f.SubjectKeyId is not { } ski || aki.Span.SequenceEqual(ski.Span));
}
