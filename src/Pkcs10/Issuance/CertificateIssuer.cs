using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Keys;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Issuance;

/// <summary>
/// A CA that issues X.509 v3 certificates from verified PKCS#10 requests under an <see cref="IssuanceProfile"/>:
/// the CA's certificate and a <see cref="Signer"/> for its key (a BCL key, or an HSM/KMS through
/// <see cref="Signer.Create(SubjectPublicKeyInfo, SignatureAlgorithmIdentifier, Func{ReadOnlyMemory{byte}, SignatureAlgorithmIdentifier, byte[]}, System.Security.Cryptography.DSASignatureFormat)"/>).
/// Self-signed roots come from <see cref="IssueSelfSigned(CertificationRequest, Signer, IssuanceProfile, IssuanceOptions)"/>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Issue"/> refuses, listing every reason in <see cref="IssuanceResult.Refusals"/>, when the request's
/// signature does not verify; when the profile's <see cref="Linting.RequestPolicy"/> rejects it; when the CA
/// certificate is not v3, has no basicConstraints cA TRUE, has a keyUsage without keyCertSign, is not valid at
/// <see cref="IssuanceOptions.Now"/>, or has pathLenConstraint 0 and the profile issues a CA; when a dNSName,
/// iPAddress or rfc822Name of the new certificate (or its DNS-name CN) violates the CA certificate's
/// nameConstraints; and when the profile's name rules leave the certificate without the names it needs.
/// </para>
/// <para>
/// Otherwise the certificate is v3 with a random 16-octet serial (or <see cref="IssuanceOptions.SerialNumber"/>), the
/// signer's signature algorithm, the CA certificate's subject as issuer, notBefore = Now − <see cref="IssuanceProfile.Backdate"/>
/// (not before the CA's notBefore), and a notAfter capped at the CA's notAfter; UTCTime through 2049 and
/// GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). The signature is verified with the signer's public key, and the DER
/// is decoded strictly, before the certificate is returned. Every decision is in <see cref="IssuanceResult.Report"/>.
/// </para>
/// <para>The issuer keeps no state between calls and may be used from several threads at once if its signer can.</para>
/// </remarks>
public sealed class CertificateIssuer
{
    /// <summary>Creates an issuer for a CA certificate and the signer of its key.</summary>
    /// <param name="caCertificate">The CA's certificate; its subject becomes the issuer name of every certificate.</param>
    /// <param name="signer">The signer holding the private key of <paramref name="caCertificate"/>'s public key.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The signer's public key is not the CA certificate's.</exception>
    public CertificateIssuer(Certificate caCertificate, Signer signer)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        ArgumentNullException.ThrowIfNull(signer);
        if (!signer.PublicKey.RawData.Span.SequenceEqual(caCertificate.PublicKey.RawData.Span))
        {
            throw new ArgumentException($"the signer's {signer.PublicKey.AlgorithmName} key is not the CA certificate's {caCertificate.PublicKey.AlgorithmName} public key", nameof(signer));
        }

        CaCertificate = caCertificate;
        Signer = signer;
    }

    /// <summary>The CA's certificate.</summary>
    public Certificate CaCertificate { get; }

    /// <summary>The CA's signer.</summary>
    public Signer Signer { get; }

    /// <summary>Issues a certificate for <paramref name="request"/> under <paramref name="profile"/>, or refuses it.</summary>
    /// <param name="request">The request; its self-signature is verified here.</param>
    /// <param name="profile">What the certificate contains.</param>
    /// <param name="options">The time and the caller's per-certificate choices.</param>
    /// <returns>The certificate, or the refusal with every reason; and the report of each decision.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The profile or options are inconsistent (a non-positive validity, an invalid URL or OID, a policy that needs an option not given, an invalid serial).</exception>
    /// <exception cref="CryptographicException">The signature the signer returned does not verify with the CA's public key.</exception>
    public IssuanceResult Issue(CertificationRequest request, IssuanceProfile profile, IssuanceOptions options)
    {
        IssuanceEngine engine = Prepare(request, profile, options);
        return engine.Tbs is byte[] tbs ? Finish(engine, Signer, Signer.Sign(tbs)) : Refused(engine);
    }

    /// <summary>The asynchronous form of <see cref="Issue"/>, for remote signers.</summary>
    /// <param name="request">The request.</param>
    /// <param name="profile">What the certificate contains.</param>
    /// <param name="options">The time and the caller's per-certificate choices.</param>
    /// <param name="cancellationToken">Cancels the signing.</param>
    /// <returns>The certificate or the refusal, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The profile or options are inconsistent.</exception>
    /// <exception cref="CryptographicException">The signature does not verify with the CA's public key.</exception>
    public async ValueTask<IssuanceResult> IssueAsync(CertificationRequest request, IssuanceProfile profile, IssuanceOptions options,
        CancellationToken cancellationToken = default)
    {
        IssuanceEngine engine = Prepare(request, profile, options);
        if (engine.Tbs is not byte[] tbs)
        {
            return Refused(engine);
        }

        byte[] signature = await Signer.SignAsync(tbs, cancellationToken).ConfigureAwait(false);
        return Finish(engine, Signer, signature);
    }

    /// <summary>
    /// Issues a self-signed certificate (a root CA with <see cref="IssuanceProfile.RootCa"/>) from the CA's own request:
    /// the subject and extensions are decided as for <see cref="Issue"/>, and the issuer is the subject. The CA
    /// checks do not apply; the request's signature and the profile's policy do.
    /// </summary>
    /// <param name="request">The request, signed by the key <paramref name="signer"/> holds.</param>
    /// <param name="signer">The signer of the request's key.</param>
    /// <param name="profile">What the certificate contains.</param>
    /// <param name="options">The time and the caller's choices.</param>
    /// <returns>The certificate or the refusal, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The signer's key is not the request's, or the profile or options are inconsistent.</exception>
    /// <exception cref="CryptographicException">The signature does not verify with the signer's public key.</exception>
    public static IssuanceResult IssueSelfSigned(CertificationRequest request, Signer signer, IssuanceProfile profile, IssuanceOptions options)
    {
        IssuanceEngine engine = PrepareSelfSigned(request, signer, profile, options);
        return engine.Tbs is byte[] tbs ? Finish(engine, signer, signer.Sign(tbs)) : Refused(engine);
    }

    /// <summary>
    /// Issues a self-signed certificate for <paramref name="subject"/> and the signer's key, without a request
    /// (nothing is requested, so every extension comes from the profile).
    /// </summary>
    /// <param name="subject">The subject, which is also the issuer.</param>
    /// <param name="signer">The signer; its public key is certified.</param>
    /// <param name="profile">What the certificate contains.</param>
    /// <param name="options">The time and the caller's choices.</param>
    /// <returns>The certificate or the refusal, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The profile or options are inconsistent.</exception>
    /// <exception cref="CryptographicException">The signature does not verify with the signer's public key.</exception>
    public static IssuanceResult IssueSelfSigned(DistinguishedName subject, Signer signer, IssuanceProfile profile, IssuanceOptions options)
    {
        IssuanceEngine engine = PrepareSelfSigned(subject, signer, profile, options);
        return engine.Tbs is byte[] tbs ? Finish(engine, signer, signer.Sign(tbs)) : Refused(engine);
    }

    /// <summary>The asynchronous form of <see cref="IssueSelfSigned(CertificationRequest, Signer, IssuanceProfile, IssuanceOptions)"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="signer">The signer of the request's key.</param>
    /// <param name="profile">What the certificate contains.</param>
    /// <param name="options">The time and the caller's choices.</param>
    /// <param name="cancellationToken">Cancels the signing.</param>
    /// <returns>The certificate or the refusal, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The signer's key is not the request's, or the profile or options are inconsistent.</exception>
    /// <exception cref="CryptographicException">The signature does not verify with the signer's public key.</exception>
    public static async ValueTask<IssuanceResult> IssueSelfSignedAsync(CertificationRequest request, Signer signer, IssuanceProfile profile, IssuanceOptions options,
        CancellationToken cancellationToken = default)
    {
        IssuanceEngine engine = PrepareSelfSigned(request, signer, profile, options);
        return await SignAsync(engine, signer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The asynchronous form of <see cref="IssueSelfSigned(DistinguishedName, Signer, IssuanceProfile, IssuanceOptions)"/>.</summary>
    /// <param name="subject">The subject, which is also the issuer.</param>
    /// <param name="signer">The signer; its public key is certified.</param>
    /// <param name="profile">What the certificate contains.</param>
    /// <param name="options">The time and the caller's choices.</param>
    /// <param name="cancellationToken">Cancels the signing.</param>
    /// <returns>The certificate or the refusal, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The profile or options are inconsistent.</exception>
    /// <exception cref="CryptographicException">The signature does not verify with the signer's public key.</exception>
    public static async ValueTask<IssuanceResult> IssueSelfSignedAsync(DistinguishedName subject, Signer signer, IssuanceProfile profile, IssuanceOptions options,
        CancellationToken cancellationToken = default)
    {
        IssuanceEngine engine = PrepareSelfSigned(subject, signer, profile, options);
        return await SignAsync(engine, signer, cancellationToken).ConfigureAwait(false);
    }

    private IssuanceEngine Prepare(CertificationRequest request, IssuanceProfile profile, IssuanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IssuanceEngine.Run(CaCertificate, Signer, request.Subject, request.PublicKey, request.Extensions, request, profile, options);
    }

    private static IssuanceEngine PrepareSelfSigned(CertificationRequest request, Signer signer, IssuanceProfile profile, IssuanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signer);
        if (!signer.PublicKey.RawData.Span.SequenceEqual(request.PublicKey.RawData.Span))
        {
            throw new ArgumentException($"the signer's {signer.PublicKey.AlgorithmName} key is not the request's {request.PublicKey.AlgorithmName} public key", nameof(signer));
        }

        return IssuanceEngine.Run(null, signer, request.Subject, request.PublicKey, request.Extensions, request, profile, options);
    }

    private static IssuanceEngine PrepareSelfSigned(DistinguishedName subject, Signer signer, IssuanceProfile profile, IssuanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(signer);
        return IssuanceEngine.Run(null, signer, subject, signer.PublicKey, [], null, profile, options);
    }

    private static async ValueTask<IssuanceResult> SignAsync(IssuanceEngine engine, Signer signer, CancellationToken cancellationToken)
    {
        if (engine.Tbs is not byte[] tbs)
        {
            return Refused(engine);
        }

        byte[] signature = await signer.SignAsync(tbs, cancellationToken).ConfigureAwait(false);
        return Finish(engine, signer, signature);
    }

    private static IssuanceResult Refused(IssuanceEngine engine) => new(null, engine.Refusals, engine.Report);

    private static IssuanceResult Finish(IssuanceEngine engine, Signer signer, byte[] signature)
    {
        byte[] tbs = engine.Tbs!;
        if (SignatureVerifier.Verify(signer.SignatureAlgorithm, signer.PublicKey, tbs, signature) != SignatureStatus.Valid)
        {
            throw new CryptographicException($"the {signer.SignatureAlgorithm.Name} signature of the certificate does not verify with the signer's public key");
        }

        using var writer = new DerWriter(tbs.Length + signature.Length + 32);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(tbs);
            writer.WriteEncodedValue(signer.SignatureAlgorithm.RawData.Span);
            writer.WriteBitString(signature);
        }

        return new IssuanceResult(Certificate.Decode(writer.Encode()), [], engine.Report);
    }
}
