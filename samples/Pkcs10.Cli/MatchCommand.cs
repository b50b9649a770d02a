using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Requests;

namespace Pkcs10.Cli;

/// <summary><c>pkcs10 match</c>: do a private key, a request and a certificate belong together?</summary>
internal static class MatchCommand
{
    /// <summary>Exit 0 when every given pair matches, 1 when one does not (saying which), 2 on usage errors or unreadable input.</summary>
    public static int Run(string? keyPath, string? csrPath, string? certPath, string? passphraseEnv, TextWriter output, TextWriter error)
    {
        int given = (keyPath is null ? 0 : 1) + (csrPath is null ? 0 : 1) + (certPath is null ? 0 : 1);
        if (given < 2)
        {
            error.WriteLine("pkcs10 match: give at least two of --key, --csr and --cert");
            return 2;
        }

        if (!NewCommand.TryGetSecret(passphraseEnv, "--passphrase-env", error, out string? passphrase))
        {
            return 2;
        }

        AsymmetricAlgorithm? key = null;
        CertificationRequest? request = null;
        X509Certificate2? certificate = null;
        try
        {
            if (keyPath is not null)
            {
                key = NewCommand.LoadKey(keyPath, passphrase);
            }

            if (csrPath is not null)
            {
                InputFile input = InputFile.Load(csrPath, CertificationRequestDecoderOptions.Strict);
                request = input.Request ?? throw new InvalidDataException($"{csrPath}: {input.IoError ?? input.Error!.Message}");
            }

            if (certPath is not null)
            {
                byte[] bytes = File.ReadAllBytes(certPath);
                certificate = bytes.Length > 0 && bytes[0] == 0x30
                    ? X509CertificateLoader.LoadCertificate(bytes)
                    : X509Certificate2.CreateFromPem(System.Text.Encoding.UTF8.GetString(bytes));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"pkcs10 match: {e.Message}");
            key?.Dispose();
            certificate?.Dispose();
            return 2;
        }

        using (key)
        using (certificate)
        {
            bool all = true;
            if (key is not null && request is not null)
            {
                all &= Report("key and request", RequestMatcher.MatchKey(request, key), output);
            }

            if (key is not null && certificate is not null)
            {
                all &= Report("key and certificate", RequestMatcher.MatchKey(certificate, key), output);
            }

            if (request is not null && certificate is not null)
            {
                all &= Report("request and certificate", RequestMatcher.MatchCertificate(request, certificate), output);
            }

            return all ? 0 : 1;
        }
    }

    private static bool Report(string what, MatchResult result, TextWriter output)
    {
        output.WriteLine($"{what}: {(result.IsMatch ? "match" : "MISMATCH")}");
        foreach (MatchFinding finding in result.Findings)
        {
            output.WriteLine($"  {finding}");
        }

        return result.IsMatch;
    }
}
