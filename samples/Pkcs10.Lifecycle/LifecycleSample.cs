using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Chains;
using Pkcs10.Extensions;
using Pkcs10.Issuance;
using Pkcs10.Linting;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Lifecycle;

/// <summary>
/// A certificate's life with Pkcs10, step by step: a root and an intermediate CA; a device key and its request;
/// lint; issue under the Device profile; a PKCS#12 for installation through the BCL; the chain validated by Pkcs10
/// and by <see cref="X509Chain"/>; revocation; a CRL; and the chain refused as revoked.
/// </summary>
public static class LifecycleSample
{
    /// <summary>Runs every step, printing what each does; 0 when every step behaved as expected, 1 otherwise.</summary>
    /// <param name="output">Where the steps are printed.</param>
    /// <param name="now">The time of the whole story (the library never reads the clock; this sample's caller does).</param>
    /// <returns>The exit status.</returns>
    public static int Run(TextWriter output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        int failures = 0;
        void Check(bool ok, string what)
        {
            output.WriteLine($"   {(ok ? "ok" : "UNEXPECTED")}: {what}");
            failures += ok ? 0 : 1;
        }

        // 1. A root CA: a P-384 key and a self-signed certificate under the RootCa profile.
        output.WriteLine("1. root CA");
        using ECDsa rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Signer rootSigner = Signer.Create(rootKey);
        Certificate root = CertificateIssuer.IssueSelfSigned(Names.DistinguishedName.Parse("CN=Lifecycle Root,O=Example"), rootSigner,
            IssuanceProfile.RootCa, new IssuanceOptions { Now = now }).EnsureIssued();
        output.WriteLine($"   {root.Subject}, serial {root.SerialNumberHex}, {root.SignatureAlgorithm.Name}, valid to {root.NotAfter:u}");

        // 2. An intermediate CA: its own request, issued by the root under IntermediateCa(0).
        output.WriteLine("2. intermediate CA");
        using ECDsa intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Signer intermediateSigner = Signer.Create(intermediateKey);
        CertificationRequest intermediateRequest = new CertificationRequestBuilder().SetSubject("CN=Lifecycle Issuing CA,O=Example").Sign(intermediateSigner);
        var rootCa = new CertificateIssuer(root, rootSigner);
        Certificate intermediate = rootCa.Issue(intermediateRequest, IssuanceProfile.IntermediateCa(0), new IssuanceOptions { Now = now }).EnsureIssued();
        output.WriteLine($"   {intermediate.Subject}, issued by {intermediate.Issuer}, pathLenConstraint {intermediate.BasicConstraints?.PathLengthConstraint}");

        // 3. A device: its key never leaves it; it sends a request.
        output.WriteLine("3. device key and request");
        using ECDsa deviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        CertificationRequest request = new CertificationRequestBuilder().SetSubject("CN=device-0042.devices.example.com,O=Example")
            .AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("device-0042.devices.example.com"))
            .Sign(Signer.Create(deviceKey));
        output.WriteLine($"   {request.Subject}, {request.PublicKey.AlgorithmName} {request.PublicKey.CurveName}, {request.SignatureAlgorithm.Name}");
        Check(request.VerifySignature(), "the request's self-signature verifies");

        // 4. Lint the request before issuing.
        output.WriteLine("4. lint");
        LintReport lint = new RequestLinter().Lint(request);
        foreach (LintFinding finding in lint.Findings)
        {
            output.WriteLine($"   {finding}");
        }

        Check(!lint.HasErrors, $"no error findings ({lint.Findings.Count} findings)");

        // 5. Issue under the Device profile.
        output.WriteLine("5. issue (Device profile)");
        var issuingCa = new CertificateIssuer(intermediate, intermediateSigner);
        IssuanceResult issued = issuingCa.Issue(request, IssuanceProfile.Device, new IssuanceOptions { Now = now });
        foreach (IssuanceDecision decision in issued.Report.Decisions)
        {
            output.WriteLine($"   {decision}");
        }

        if (issued.Refused)
        {
            output.WriteLine($"   UNEXPECTED: refused: {string.Join("; ", issued.Refusals)}");
            return 1;
        }

        Certificate device = issued.Certificate;
        output.WriteLine($"   serial {device.SerialNumberHex}, valid {device.NotBefore:u} to {device.NotAfter:u}");

        // 6. A PKCS#12 for installation, through the BCL (in memory here; write it to a file to install it).
        output.WriteLine("6. PKCS#12 export");
        byte[] pfx;
        using (X509Certificate2 bclCertificate = device.ToX509Certificate2())
        using (X509Certificate2 withKey = bclCertificate.CopyWithPrivateKey(deviceKey))
        {
            pfx = withKey.Export(X509ContentType.Pkcs12, "install-me");
        }

        using (X509Certificate2 reloaded = X509CertificateLoader.LoadPkcs12(pfx, "install-me", X509KeyStorageFlags.EphemeralKeySet))
        {
            output.WriteLine($"   {pfx.Length} bytes; reloaded: {reloaded.Subject}, has private key: {reloaded.HasPrivateKey}");
            Check(reloaded.HasPrivateKey && reloaded.RawData.AsSpan().SequenceEqual(device.RawData.Span), "the PKCS#12 holds the certificate and its key");
        }

        // 7. Validate the chain: Pkcs10's ChainBuilder, then the BCL's X509Chain with the root as its only trust.
        output.WriteLine("7. validate the chain");
        var builder = new ChainBuilder([root], [intermediate]);
        ChainResult valid = builder.Build(device, new ChainPolicy { ValidationTime = now, RequiredPurposes = [KeyPurposes.ClientAuth] });
        output.WriteLine($"   Pkcs10: {(valid.IsValid ? "valid" : "invalid")}, {valid.Chain.Count} certificates: {string.Join(" <- ", valid.Chain.Select(c => c.Subject.ToString()))}");
        Check(valid.IsValid, "Pkcs10 validates the device to the root");
        using (X509Certificate2 bclRoot = root.ToX509Certificate2())
        using (X509Certificate2 bclIntermediate = intermediate.ToX509Certificate2())
        using (X509Certificate2 bclDevice = device.ToX509Certificate2())
        using (var chain = new X509Chain())
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(bclRoot);
            chain.ChainPolicy.ExtraStore.Add(bclIntermediate);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            bool bclValid = chain.Build(bclDevice);
            output.WriteLine($"   X509Chain: {(bclValid ? "valid" : "invalid")}, {chain.ChainElements.Count} elements" +
                $"{string.Concat(chain.ChainStatus.Select(s => $"; {s.Status}"))}");
            Check(bclValid, "X509Chain (custom root trust, offline, no revocation check) agrees");
        }

        // 8. Revoke: the device's key was compromised.
        output.WriteLine("8. revoke");
        DateTimeOffset revokedAt = now.AddMinutes(1);
        output.WriteLine($"   serial {device.SerialNumberHex} revoked at {revokedAt:u}: keyCompromise");

        // 9. CRLs: the intermediate's lists the device; the root's (empty) covers the intermediate.
        output.WriteLine("9. CRLs");
        DateTimeOffset crlTime = now.AddMinutes(2);
        byte[] intermediateCrlDer = new CrlBuilder()
            .AddRevoked(device.SerialNumber.Span, revokedAt, CrlReason.KeyCompromise)
            .Build(intermediate.Subject, intermediateSigner, [1], crlTime, crlTime.AddDays(7), intermediate.SubjectKeyIdentifier!.Value.Span);
        byte[] rootCrlDer = new CrlBuilder().Build(root.Subject, rootSigner, [1], crlTime, crlTime.AddDays(30), root.SubjectKeyIdentifier!.Value.Span);
        CertificateRevocationList intermediateCrl = CertificateRevocationList.Decode(intermediateCrlDer);
        CertificateRevocationList rootCrl = CertificateRevocationList.Decode(rootCrlDer);
        output.WriteLine($"   {intermediateCrl.Issuer}: CRL number 1, {intermediateCrl.RevokedCount} revoked, next update {intermediateCrl.NextUpdate:u}");
        output.WriteLine($"   {rootCrl.Issuer}: CRL number 1, {rootCrl.RevokedCount} revoked, next update {rootCrl.NextUpdate:u}");
        Check(intermediateCrl.FindRevoked(device.SerialNumber.Span) is not null, "the intermediate's CRL lists the device");

        // 10. The chain again, with the CRLs: revoked.
        output.WriteLine("10. validate again with the CRLs");
        ChainResult revoked = builder.Build(device, new ChainPolicy { ValidationTime = crlTime.AddMinutes(1), Crls = [intermediateCrl, rootCrl] });
        foreach (ChainError e in revoked.Errors)
        {
            output.WriteLine($"   {e.Code} (depth {e.Depth}): {e.Message}");
        }

        Check(!revoked.IsValid && revoked.Error?.Code == ChainErrorCode.Revoked, "Pkcs10 refuses the device as Revoked");
        Check(new ChainBuilder([root]).Build(intermediate, new ChainPolicy { ValidationTime = crlTime.AddMinutes(1), Crls = [rootCrl] }).IsValid,
            "the intermediate itself is still good");

        output.WriteLine(failures == 0 ? "every step behaved as expected" : $"{failures} step(s) did not behave as expected");
        return failures == 0 ? 0 : 1;
    }
}
