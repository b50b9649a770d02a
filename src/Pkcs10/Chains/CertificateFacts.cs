using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Internal;

namespace Pkcs10.Chains;

/// <summary>
/// What path validation needs from one certificate, decoded once and kept by the builder (the certificate's
/// own extension views decode on every read).
/// </summary>
internal sealed class CertificateFacts
{
    private string? _issuerKey;

    private CertificateFacts(Certificate certificate)
    {
        Certificate = certificate;
    }

    public Certificate Certificate { get; }

    /// <summary>Whether the certificate is one of a builder's anchors or intermediates (so results about it may be remembered).</summary>
    public bool Pooled { get; init; }

    /// <summary>The <see cref="ChainNames.Key"/> of the issuer name, computed once.</summary>
    public string IssuerKey => _issuerKey ??= ChainNames.Key(Certificate.Issuer);

    /// <summary>Why the extensions could not be used, or <see langword="null"/>.</summary>
    public string? Malformed { get; private set; }

    public bool SelfIssued { get; private set; }

    public BasicConstraints? BasicConstraints { get; private set; }

    public KeyUsageFlags? KeyUsage { get; private set; }

    public IReadOnlyList<string>? ExtendedKeyUsage { get; private set; }

    public ReadOnlyMemory<byte>? SubjectKeyId { get; private set; }

    public ReadOnlyMemory<byte>? AuthorityKeyId { get; private set; }

    public NameConstraints? NameConstraints { get; private set; }

    public IReadOnlyList<GeneralName>? SubjectAltNames { get; private set; }

    public IReadOnlyList<PolicyInformation>? Policies { get; private set; }

    public IReadOnlyList<PolicyMapping>? PolicyMappings { get; private set; }

    public PolicyConstraints? PolicyConstraints { get; private set; }

    public int? InhibitAnyPolicy { get; private set; }

    /// <summary>The OID of the first critical extension this library does not process, or <see langword="null"/>.</summary>
    public string? UnknownCritical { get; private set; }

    public static CertificateFacts Create(Certificate certificate, bool pooled = false)
    {
        var facts = new CertificateFacts(certificate) { Pooled = pooled };
        try
        {
            facts.Read();
        }
        catch (Pkcs10Exception e)
        {
            facts.Malformed = e.Message;
        }

        return facts;
    }

    private void Read()
    {
        Certificate c = Certificate;
        SelfIssued = ChainNames.Equal(c.Subject, c.Issuer);
        BasicConstraints = c.BasicConstraints;
        KeyUsage = c.KeyUsage;
        ExtendedKeyUsage = c.ExtendedKeyUsage;
        SubjectKeyId = c.SubjectKeyIdentifier;
        AuthorityKeyId = c.AuthorityKeyIdentifier?.KeyIdentifier;
        NameConstraints = c.NameConstraints;
        SubjectAltNames = c.SubjectAlternativeNames;
        Policies = c.CertificatePolicies;
        PolicyMappings = c.PolicyMappings;
        PolicyConstraints = c.PolicyConstraints;
        InhibitAnyPolicy = c.InhibitAnyPolicy;
        foreach (CertificateExtension e in c.Extensions)
        {
            if (e.Critical && !IsProcessed(e.RawOid.Span))
            {
                UnknownCritical = e.Oid;
                break;
            }
        }

        // A subjectAltName extension with no names, or a critical one left empty, says nothing usable.
        if (SubjectAltNames is { Count: 0 })
        {
            Malformed = "subjectAltName is empty (RFC 5280 §4.2.1.6 requires at least one name)";
        }
    }

    // The extensions path validation processes (RFC 5280 §6.1) or that describe the certificate without
    // constraining it (identifiers, distribution points, access information).
    private static bool IsProcessed(ReadOnlySpan<byte> oid) =>
        oid.SequenceEqual(Oids.BasicConstraints) || oid.SequenceEqual(Oids.KeyUsage) || oid.SequenceEqual(Oids.ExtendedKeyUsage) ||
        oid.SequenceEqual(Oids.SubjectAltName) || oid.SequenceEqual(Oids.NameConstraints) || oid.SequenceEqual(Oids.CertificatePolicies) ||
        oid.SequenceEqual(Oids.PolicyMappings) || oid.SequenceEqual(Oids.PolicyConstraints) || oid.SequenceEqual(Oids.InhibitAnyPolicy) ||
        oid.SequenceEqual(Oids.SubjectKeyIdentifier) || oid.SequenceEqual(Oids.AuthorityKeyIdentifier) ||
        oid.SequenceEqual(Oids.IssuerAltName) || oid.SequenceEqual(Oids.CrlDistributionPoints);
}
