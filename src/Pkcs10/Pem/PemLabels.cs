using System.Text;

namespace Pkcs10.Pem;

/// <summary>
/// The PEM labels (the text between <c>-----BEGIN </c> and <c>-----</c>) defined by RFC 7468,
/// plus the legacy and de-facto labels a certificate-request tool meets in practice.
/// </summary>
/// <remarks>
/// Labels are compared exactly (ordinal, case-sensitive), as RFC 7468 §2 defines them.
/// </remarks>
public static class PemLabels
{
    /// <summary><c>CERTIFICATE REQUEST</c>: a PKCS #10 CertificationRequest (RFC 7468 §7).</summary>
    public const string CertificateRequest = "CERTIFICATE REQUEST";

    /// <summary>
    /// <c>NEW CERTIFICATE REQUEST</c>: the legacy label for a PKCS #10 request, still written by some
    /// Windows and Java tools. RFC 7468 §7 says parsers may treat it as <see cref="CertificateRequest"/>.
    /// </summary>
    public const string NewCertificateRequest = "NEW CERTIFICATE REQUEST";

    /// <summary><c>CERTIFICATE</c>: an X.509 Certificate (RFC 7468 §5).</summary>
    public const string Certificate = "CERTIFICATE";

    /// <summary><c>TRUSTED CERTIFICATE</c>: OpenSSL's certificate-plus-trust-settings form (not in RFC 7468).</summary>
    public const string TrustedCertificate = "TRUSTED CERTIFICATE";

    /// <summary><c>X509 CRL</c>: an X.509 CertificateList (RFC 7468 §6).</summary>
    public const string X509Crl = "X509 CRL";

    /// <summary><c>PKCS7</c>: a PKCS #7 ContentInfo, usually a certificate bundle (RFC 7468 §8).</summary>
    public const string Pkcs7 = "PKCS7";

    /// <summary><c>CMS</c>: a CMS ContentInfo (RFC 7468 §9).</summary>
    public const string Cms = "CMS";

    /// <summary><c>PRIVATE KEY</c>: a PKCS #8 PrivateKeyInfo / OneAsymmetricKey (RFC 7468 §10).</summary>
    public const string PrivateKey = "PRIVATE KEY";

    /// <summary><c>ENCRYPTED PRIVATE KEY</c>: a PKCS #8 EncryptedPrivateKeyInfo (RFC 7468 §11).</summary>
    public const string EncryptedPrivateKey = "ENCRYPTED PRIVATE KEY";

    /// <summary><c>ATTRIBUTE CERTIFICATE</c>: an RFC 5755 AttributeCertificate (RFC 7468 §12).</summary>
    public const string AttributeCertificate = "ATTRIBUTE CERTIFICATE";

    /// <summary><c>PUBLIC KEY</c>: a SubjectPublicKeyInfo (RFC 7468 §13).</summary>
    public const string PublicKey = "PUBLIC KEY";

    /// <summary><c>RSA PRIVATE KEY</c>: a PKCS #1 RSAPrivateKey (OpenSSL legacy; not in RFC 7468).</summary>
    public const string RsaPrivateKey = "RSA PRIVATE KEY";

    /// <summary><c>RSA PUBLIC KEY</c>: a PKCS #1 RSAPublicKey (OpenSSL legacy; not in RFC 7468).</summary>
    public const string RsaPublicKey = "RSA PUBLIC KEY";

    /// <summary><c>EC PRIVATE KEY</c>: an RFC 5915 ECPrivateKey (OpenSSL legacy; not in RFC 7468).</summary>
    public const string EcPrivateKey = "EC PRIVATE KEY";

    /// <summary>
    /// Returns whether <paramref name="label"/> names a PKCS #10 request: <see cref="CertificateRequest"/>
    /// or the legacy <see cref="NewCertificateRequest"/> (RFC 7468 §7).
    /// </summary>
    /// <param name="label">The label text.</param>
    /// <returns><see langword="true"/> for either request label.</returns>
    public static bool IsCertificateRequest(ReadOnlySpan<char> label) =>
        label.SequenceEqual(CertificateRequest) || label.SequenceEqual(NewCertificateRequest);

    /// <summary>
    /// Returns whether the UTF-8 <paramref name="utf8Label"/> names a PKCS #10 request:
    /// <see cref="CertificateRequest"/> or the legacy <see cref="NewCertificateRequest"/> (RFC 7468 §7).
    /// </summary>
    /// <param name="utf8Label">The label as UTF-8 bytes.</param>
    /// <returns><see langword="true"/> for either request label.</returns>
    public static bool IsCertificateRequest(ReadOnlySpan<byte> utf8Label) =>
        Ascii.Equals(utf8Label, CertificateRequest) || Ascii.Equals(utf8Label, NewCertificateRequest);

    /// <summary>
    /// Returns whether <paramref name="label"/> is a well-formed RFC 7468 label:
    /// <c>label = [ labelchar *( ["-" / SP] labelchar ) ]</c> with <c>labelchar = %x21-2C / %x2E-7E</c>.
    /// The empty label is well-formed.
    /// </summary>
    /// <param name="label">The label text.</param>
    /// <returns><see langword="true"/> if the label matches the RFC 7468 §3 grammar.</returns>
    public static bool IsValid(ReadOnlySpan<char> label) => PemSyntax.InvalidLabelIndex(label) < 0;
}
