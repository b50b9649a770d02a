using System.Security.Cryptography;
using Pkcs10.Certificates;
using Pkcs10.Issuance;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Cli;

/// <summary>The options of <c>pkcs10 ca init</c>.</summary>
internal sealed record CaInitOptions(string? Parent, string? ParentPassphraseEnv, string Subject, string NewKey, string OutDir, int? PathLength, int? Days,
    string? PassphraseEnv);

/// <summary><c>pkcs10 ca init</c>: a self-signed root, or an intermediate issued by a parent CA directory.</summary>
internal static class CaCommand
{
    public static int Init(CaInitOptions o, TextWriter output, TextWriter error)
    {
        if (o.PathLength is < 0 || o.Days is <= 0)
        {
            return Usage(error, o.PathLength is < 0 ? "--path-length must not be negative" : "--days must be positive");
        }

        if (o.Parent is null && o.PathLength is not null)
        {
            return Usage(error, "--path-length is for intermediates (with --parent); a root has no path length");
        }

        if (!NewCommand.TryGetSecret(o.PassphraseEnv, "--passphrase-env", error, out string? passphrase) ||
            !NewCommand.TryGetSecret(o.ParentPassphraseEnv, "--parent-passphrase-env", error, out string? parentPassphrase))
        {
            return 2;
        }

        DistinguishedName subject;
        AsymmetricAlgorithm key;
        try
        {
            subject = DistinguishedName.Parse(o.Subject);
            key = IssueCommand.CreateKey(o.NewKey);
        }
        catch (Pkcs10Exception e)
        {
            return Usage(error, $"--subject: {e.Message}");
        }
        catch (ArgumentException e)
        {
            return Usage(error, e.Message);
        }

        if (File.Exists(Path.Combine(o.OutDir, CaDirectory.CertificateFile)))
        {
            key.Dispose();
            return Usage(error, $"{o.OutDir} already holds a CA; a CA directory is never overwritten");
        }

        using (key)
        {
            try
            {
                Signer signer = CaDirectory.CreateSigner(key);
                DateTimeOffset now = DateTimeOffset.UtcNow;
                IssuanceResult result;
                IReadOnlyList<Certificate> issuers = [];
                CaDirectory? parent = null;
                if (o.Parent is null)
                {
                    result = CertificateIssuer.IssueSelfSigned(subject, signer, IssuanceProfile.RootCa, new IssuanceOptions { Now = now, ValidityDays = o.Days });
                }
                else
                {
                    parent = CaDirectory.Open(o.Parent);
                    (AsymmetricAlgorithm parentKey, Signer parentSigner) = parent.LoadSigner(parentPassphrase);
                    using (parentKey)
                    {
                        CertificationRequest request = new CertificationRequestBuilder(subject).SetPublicKey(key).Sign(signer);
                        var issuer = new CertificateIssuer(parent.Certificate, parentSigner);
                        result = issuer.Issue(request, IssuanceProfile.IntermediateCa(o.PathLength ?? 0),
                            new IssuanceOptions { Now = now, ValidityDays = o.Days, SerialNumber = IssueCommand.NewSerial(parent) });
                    }

                    issuers = parent.Chain;
                }

                if (result.Refused)
                {
                    error.WriteLine("pkcs10 ca init: refused:");
                    foreach (IssuanceRefusal refusal in result.Refusals)
                    {
                        error.WriteLine($"  {refusal}");
                    }

                    return 1;
                }

                Certificate certificate = result.Certificate;

                // The parent records the serial before the certificate leaves it, so it is never issued twice.
                parent?.Append(new IssuedRecord(CaDirectory.SerialOf(certificate), certificate.NotAfter, certificate.Subject.ToString()));
                CaDirectory ca = CaDirectory.Create(o.OutDir, certificate, issuers, key, passphrase);
                output.WriteLine($"{(parent is null ? "root" : "intermediate")} CA {certificate.Subject} in {o.OutDir}");
                output.WriteLine($"  serial {CaDirectory.SerialOf(certificate)}, {certificate.PublicKey.AlgorithmName} {certificate.PublicKey.CurveName ?? certificate.PublicKey.KeySize + "-bit"}, " +
                    $"{certificate.SignatureAlgorithm.Name}, valid {certificate.NotBefore:u} to {certificate.NotAfter:u}");
                if (parent is not null)
                {
                    output.WriteLine($"  issued by {parent.Certificate.Subject} (recorded in {Path.Combine(parent.Path, CaDirectory.RecordsFile)})");
                }

                output.WriteLine($"  wrote {CaDirectory.CertificateFile}, {CaDirectory.ChainFile} ({ca.Chain.Count} certificates), {CaDirectory.KeyFile} " +
                    $"(PKCS#8{(passphrase is null ? "" : ", encrypted")}{(OperatingSystem.IsWindows() ? "" : ", mode 0600")}), {CaDirectory.RecordsFile}");
                return 0;
            }
            catch (ArgumentException e)
            {
                return Usage(error, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or CryptographicException or NotSupportedException)
            {
                error.WriteLine($"pkcs10 ca init: {e.Message}");
                return 1;
            }
        }
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"pkcs10 ca init: {message}");
        return 2;
    }
}
