using System.Security.Cryptography;
using Pkcs10.Certificates;
using Pkcs10.Issuance;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Cli;

/// <summary>The options of <c>pkcs10 issue</c>.</summary>
internal sealed record IssueOptions(string Ca, string Profile, string Request, string Out, int? Days, string? PassphraseEnv);

/// <summary><c>pkcs10 issue</c>: a CA directory issues a certificate for a verified request under a built-in profile.</summary>
internal static class IssueCommand
{
    /// <summary>The profile names the command accepts.</summary>
    public static readonly string[] ProfileNames = ["tls-server", "tls-client", "device", "code-signing", "intermediate"];

    public static int Run(IssueOptions o, TextWriter output, TextWriter error)
    {
        IssuanceProfile? profile = o.Profile.ToLowerInvariant() switch
        {
            "tls-server" => IssuanceProfile.TlsServer,
            "tls-client" => IssuanceProfile.TlsClient,
            "device" => IssuanceProfile.Device,
            "code-signing" => IssuanceProfile.CodeSigning,
            "intermediate" => IssuanceProfile.IntermediateCa(0),
            _ => null,
        };
        if (profile is null)
        {
            return Usage(error, $"--profile {o.Profile}: use {string.Join(", ", ProfileNames)}");
        }

        if (o.Days is <= 0)
        {
            return Usage(error, "--days must be positive");
        }

        if (!NewCommand.TryGetSecret(o.PassphraseEnv, "--passphrase-env", error, out string? passphrase))
        {
            return 2;
        }

        CaDirectory ca;
        CertificationRequest request;
        try
        {
            ca = CaDirectory.Open(o.Ca);
            request = CertificationRequest.Load(File.ReadAllBytes(o.Request));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Pkcs10Exception)
        {
            error.WriteLine($"pkcs10 issue: {e.Message}");
            return 2;
        }

        if (!request.VerifySignature())
        {
            error.WriteLine($"pkcs10 issue: refused: the signature of {o.Request} does not verify");
            return 1;
        }

        try
        {
            (AsymmetricAlgorithm key, Signer signer) = ca.LoadSigner(passphrase);
            IssuanceResult result;
            using (key)
            {
                var issuer = new CertificateIssuer(ca.Certificate, signer);
                result = issuer.Issue(request, profile, new IssuanceOptions { Now = DateTimeOffset.UtcNow, ValidityDays = o.Days, SerialNumber = NewSerial(ca) });
            }

            if (result.Refused)
            {
                error.WriteLine($"pkcs10 issue: refused under {profile.Name}:");
                foreach (IssuanceRefusal refusal in result.Refusals)
                {
                    error.WriteLine($"  {refusal}");
                }

                return 1;
            }

            Certificate certificate = result.Certificate;
            string serial = CaDirectory.SerialOf(certificate);

            // Recorded before the certificate is written: a crash in between loses a certificate, never a serial.
            ca.Append(new IssuedRecord(serial, certificate.NotAfter, certificate.Subject.ToString()));
            File.WriteAllText(o.Out, certificate.EncodePem());
            string chainOut = ChainPath(o.Out);
            File.WriteAllText(chainOut, certificate.EncodePem() + string.Concat(ca.Chain.Select(c => c.EncodePem())));

            output.WriteLine($"issued {certificate.Subject} under {profile.Name} by {ca.Certificate.Subject}");
            output.WriteLine($"  serial {serial}, valid {certificate.NotBefore:u} to {certificate.NotAfter:u}");
            output.WriteLine($"  wrote {o.Out} (the certificate) and {chainOut} (with the CA chain)");
            output.WriteLine("report:");
            foreach (IssuanceDecision decision in result.Report.Decisions)
            {
                output.WriteLine($"  {decision}");
            }

            return 0;
        }
        catch (ArgumentException e)
        {
            return Usage(error, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or NotSupportedException)
        {
            error.WriteLine($"pkcs10 issue: {e.Message}");
            return 1;
        }
    }

    /// <summary><c>leaf.pem</c> → <c>leaf.chain.pem</c>.</summary>
    public static string ChainPath(string certificatePath)
    {
        string? dir = Path.GetDirectoryName(certificatePath);
        string name = Path.GetFileNameWithoutExtension(certificatePath) + ".chain" + Path.GetExtension(certificatePath);
        return string.IsNullOrEmpty(dir) ? name : Path.Combine(dir, name);
    }

    /// <summary>A random 16-octet serial (top bit clear, first octet non-zero) that the CA's records do not hold; regenerated on collision.</summary>
    public static byte[] NewSerial(CaDirectory ca)
    {
        while (true)
        {
            byte[] serial = RandomSerial?.Invoke() ?? RandomNumberGenerator.GetBytes(16);
            serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
            if (!ca.HasIssued(CaDirectory.NormaliseSerial(Convert.ToHexString(serial))!))
            {
                return serial;
            }
        }
    }

    /// <summary>A test hook replacing the random source of serials (to force collisions).</summary>
    internal static Func<byte[]>? RandomSerial
    {
        get => s_randomSerial.Value;
        set => s_randomSerial.Value = value;
    }

    private static readonly AsyncLocal<Func<byte[]>?> s_randomSerial = new();

    internal static AsymmetricAlgorithm CreateKey(string spec)
    {
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? spec : spec[..colon];
        string size = colon < 0 ? "" : spec[(colon + 1)..];
        return (kind.ToLowerInvariant(), size.ToUpperInvariant()) switch
        {
            ("rsa", "2048" or "3072" or "4096") => RSA.Create(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)),
            ("ec", "P-256") => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            ("ec", "P-384") => ECDsa.Create(ECCurve.NamedCurves.nistP384),
            ("ec", "P-521") => ECDsa.Create(ECCurve.NamedCurves.nistP521),
            _ => throw new ArgumentException($"--new-key {spec}: use rsa:2048|3072|4096 or ec:P-256|P-384|P-521"),
        };
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"pkcs10 issue: {message}");
        return 2;
    }
}
