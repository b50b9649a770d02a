using Pkcs10.Extensions;
using Pkcs10.Internal;

namespace Pkcs10.Certificates;

// Typed views of the extensions, decoded on demand from the validated values (decoding validated each one already,
// so these do not throw for a certificate that decoded). After lenient decoding they decode leniently too.
public sealed partial class Certificate
{
    /// <summary>The subject alternative names, or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<GeneralName>? SubjectAlternativeNames =>
        Find(Oids.SubjectAltName) is { } e ? ExtensionDecoder.DecodeSubjectAltName(e.Value) : null;

    /// <summary>The issuer alternative names (RFC 5280 §4.2.1.7), or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<GeneralName>? IssuerAlternativeNames =>
        Find(Oids.IssuerAltName) is { } e ? ExtensionDecoder.DecodeSubjectAltName(e.Value) : null;

    /// <summary>The key usage, or <see langword="null"/> when the extension is absent.</summary>
    public KeyUsageFlags? KeyUsage => Find(Oids.KeyUsage) is { } e ? ExtensionDecoder.DecodeKeyUsage(e.Value) : null;

    /// <summary>The extended key usages as dotted OIDs, or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<string>? ExtendedKeyUsage => Find(Oids.ExtendedKeyUsage) is { } e ? ExtensionDecoder.DecodeExtendedKeyUsage(e.Value) : null;

    /// <summary>The basic constraints, or <see langword="null"/> when the extension is absent.</summary>
    public BasicConstraints? BasicConstraints =>
        Find(Oids.BasicConstraints) is { } e ? ExtensionDecoder.ReadBasicConstraints(e.Value.Span, e.ValueOffset, ViewContext) : null;

    /// <summary>The subject key identifier, or <see langword="null"/> when the extension is absent.</summary>
    public ReadOnlyMemory<byte>? SubjectKeyIdentifier =>
        Find(Oids.SubjectKeyIdentifier) is { } e ? ExtensionDecoder.DecodeSubjectKeyIdentifier(e.Value) : (ReadOnlyMemory<byte>?)null;

    /// <summary>The authority key identifier, or <see langword="null"/> when the extension is absent.</summary>
    public AuthorityKeyIdentifier? AuthorityKeyIdentifier =>
        Find(Oids.AuthorityKeyIdentifier) is { } e ? ExtensionDecoder.DecodeAuthorityKeyIdentifier(e.Value, ViewContext) : null;

    /// <summary>The name constraints, or <see langword="null"/> when the extension is absent.</summary>
    public NameConstraints? NameConstraints =>
        Find(Oids.NameConstraints) is { } e ? ExtensionDecoder.DecodeNameConstraints(e.Value, ViewContext) : null;

    /// <summary>The CRL distribution points, or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<DistributionPoint>? CrlDistributionPoints =>
        Find(Oids.CrlDistributionPoints) is { } e ? ExtensionDecoder.DecodeCrlDistributionPoints(e.Value, ViewContext) : null;

    /// <summary>The authority information access descriptions, or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<AccessDescription>? AuthorityInformationAccess =>
        Find(Oids.AuthorityInfoAccess) is { } e ? ExtensionDecoder.DecodeAuthorityInformationAccess(e.Value) : null;

    /// <summary>The certificate policies, or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<PolicyInformation>? CertificatePolicies =>
        Find(Oids.CertificatePolicies) is { } e ? ExtensionDecoder.DecodeCertificatePolicies(e.Value, ViewContext) : null;

    /// <summary>The policy mappings, or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<PolicyMapping>? PolicyMappings =>
        Find(Oids.PolicyMappings) is { } e ? ExtensionDecoder.DecodePolicyMappings(e.Value) : null;

    /// <summary>The policy constraints, or <see langword="null"/> when the extension is absent.</summary>
    public PolicyConstraints? PolicyConstraints =>
        Find(Oids.PolicyConstraints) is { } e ? ExtensionDecoder.DecodePolicyConstraints(e.Value, ViewContext) : null;

    /// <summary>The inhibitAnyPolicy skip count, or <see langword="null"/> when the extension is absent.</summary>
    public int? InhibitAnyPolicy => Find(Oids.InhibitAnyPolicy) is { } e ? ExtensionDecoder.DecodeInhibitAnyPolicy(e.Value) : null;

    // A fresh context so that views never add to (or race on) the decode findings.
    private DecodeContext ViewContext => _context.Lenient ? new DecodeContext(true) : DecodeContext.Strict;

    private CertificateExtension? Find(ReadOnlySpan<byte> oid) => ExtensionList.Find(Extensions, oid);
}
