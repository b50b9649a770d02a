namespace Pkcs10.Issuance;

/// <summary>Why an issuer refused to issue; the names are stable codes.</summary>
public enum IssuanceRefusalCode
{
    /// <summary>The request's self-signature does not verify (or cannot be checked here).</summary>
    RequestSignatureInvalid,

    /// <summary>The profile's <see cref="Linting.RequestPolicy"/> rejects the request (one refusal per reason).</summary>
    RequestPolicyRejected,

    /// <summary>The CA certificate is not a v3 certificate.</summary>
    IssuerNotVersion3,

    /// <summary>The CA certificate has no basicConstraints extension, or it says cA FALSE (RFC 5280 §4.2.1.9).</summary>
    IssuerNotCertificateAuthority,

    /// <summary>The CA certificate has a keyUsage extension without keyCertSign (RFC 5280 §4.2.1.3).</summary>
    IssuerKeyUsage,

    /// <summary>The issuing time lies outside the CA certificate's validity.</summary>
    IssuerNotValidAtTime,

    /// <summary>The CA certificate's pathLenConstraint is 0, so it cannot issue a CA certificate (RFC 5280 §4.2.1.9).</summary>
    IssuerPathLength,

    /// <summary>A name of the new certificate is outside the CA certificate's permitted subtrees or inside its excluded ones (RFC 5280 §4.2.1.10).</summary>
    NameConstraintsViolated,

    /// <summary>A requested subjectAltName entry is of a choice or otherName type the profile does not allow, and the profile refuses such names.</summary>
    NameNotAllowed,

    /// <summary>A DNS name is outside the profile's allowed domains: a subjectAltName entry when the profile refuses such names, or a DNS-name subject CN.</summary>
    NameOutsideAllowedDomains,

    /// <summary>The certificate would have no name at all: an empty subject and no subjectAltName (RFC 5280 §4.1.2.6).</summary>
    NoSubjectName,

    /// <summary>The profile requires a subjectAltName and none is left after the profile's rules.</summary>
    MissingSubjectAltName,

    /// <summary>A CA certificate (or a self-signed one, whose issuer is its subject) would have an empty subject (RFC 5280 §4.1.2.4, §4.1.2.6).</summary>
    EmptyCertificateAuthoritySubject,
}
