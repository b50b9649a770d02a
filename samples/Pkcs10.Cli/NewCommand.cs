using System.Security.Cryptography;
using Pkcs10.Extensions;
using Pkcs10.Keys;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Cli;

/// <summary>The options of <c>pkcs10 new</c>, as parsed from the command line.</summary>
internal sealed record NewOptions(
    string? NewKey, string? KeyOut, string? Key, string? PassphraseEnv, string? Subject, string[] Sans, string? KeyUsage, string? Eku,
    string? ChallengePasswordEnv, string Out, bool Der, string? Hash, bool SubjectKeyIdentifier, bool Force);

/// <summary><c>pkcs10 new</c>: make a key (or use one) and write a signed request.</summary>
internal static class NewCommand
{
    // PBKDF2-HMAC-SHA256 iterations for encrypted keys (the OWASP 2023 figure for PBKDF2-SHA256).
    private const int Pbkdf2Iterations = 600_000;

    public static int Run(NewOptions o, TextWriter output, TextWriter error)
    {
        if ((o.NewKey is null) == (o.Key is null))
        {
            return Usage(error, "give exactly one of --new-key TYPE (with --key-out) and --key FILE");
        }

        if (o.NewKey is not null && o.KeyOut is null)
        {
            return Usage(error, "--new-key needs --key-out FILE for the private key");
        }

        if (!TryGetSecret(o.PassphraseEnv, "--passphrase-env", error, out string? passphrase) ||
            !TryGetSecret(o.ChallengePasswordEnv, "--challenge-password-env", error, out string? challengePassword))
        {
            return 2;
        }

        HashAlgorithmName hash = default;
        if (o.Hash is not null)
        {
            hash = o.Hash.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal) switch
            {
                "SHA256" => HashAlgorithmName.SHA256,
                "SHA384" => HashAlgorithmName.SHA384,
                "SHA512" => HashAlgorithmName.SHA512,
                _ => default,
            };
            if (hash.Name is null)
            {
                return Usage(error, $"--hash {o.Hash}: use sha256, sha384 or sha512");
            }
        }

        AsymmetricAlgorithm key;
        bool pss;
        try
        {
            (key, pss) = o.NewKey is not null ? CreateKey(o.NewKey) : (LoadKey(o.Key!, passphrase), false);
        }
        catch (ArgumentException e)
        {
            return Usage(error, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or NotSupportedException)
        {
            error.WriteLine($"pkcs10 new: cannot read the key: {e.Message}");
            return 1;
        }

        using (key)
        {
            CertificationRequest request;
            try
            {
                CertificationRequestBuilder builder = Build(o, challengePassword);
                Signer signer = key switch
                {
                    RSA rsa => Signer.Create(rsa, hash, pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
                    ECDsa ec => Signer.Create(ec, hash),
                    DSA dsa => Signer.Create(dsa, hash),
                    _ => throw new NotSupportedException($"{key.GetType().Name} keys cannot sign here"),
                };
                request = builder.Sign(signer);
            }
            catch (ArgumentException e)
            {
                return Usage(error, e.Message);
            }
            catch (Exception e) when (e is CryptographicException or NotSupportedException)
            {
                error.WriteLine($"pkcs10 new: {e.Message}");
                return 1;
            }

            try
            {
                if (o.KeyOut is not null)
                {
                    string pem = passphrase is null
                        ? key.ExportPkcs8PrivateKeyPem()
                        : key.ExportEncryptedPkcs8PrivateKeyPem(passphrase,
                            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Pbkdf2Iterations));
                    WriteOwnerOnly(o.KeyOut, pem + "\n", o.Force);
                }

                if (o.Der)
                {
                    File.WriteAllBytes(o.Out, request.RawData.ToArray());
                }
                else
                {
                    File.WriteAllText(o.Out, request.EncodePem());
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"pkcs10 new: {e.Message}");
                return 1;
            }

            output.WriteLine($"wrote {o.Out} ({(o.Der ? "DER" : "PEM")}, {request.PublicKey.AlgorithmName} " +
                $"{(request.PublicKey.CurveName ?? request.PublicKey.KeySize + "-bit")}, {request.SignatureAlgorithm.Name}, signature verified)");
            if (o.KeyOut is not null)
            {
                output.WriteLine($"wrote {o.KeyOut} (PKCS#8{(passphrase is null ? "" : ", encrypted with AES-256-CBC and PBKDF2-SHA256")}" +
                    $"{(OperatingSystem.IsWindows() ? "" : ", mode 0600")})");
            }

            return 0;
        }
    }

    private static CertificationRequestBuilder Build(NewOptions o, string? challengePassword)
    {
        var builder = new CertificationRequestBuilder();
        DistinguishedName? subject = null;
        if (o.Subject is not null)
        {
            try
            {
                subject = DistinguishedName.Parse(o.Subject);
            }
            catch (Pkcs10Exception e)
            {
                throw new ArgumentException($"--subject: {e.Message}", e);
            }

            builder.SetSubject(subject);
        }

        if (o.Sans.Length > 0)
        {
            var names = new GeneralNamesBuilder();
            foreach (string san in o.Sans)
            {
                int colon = san.IndexOf(':', StringComparison.Ordinal);
                string kind = colon < 0 ? "" : san[..colon].ToLowerInvariant();
                string value = colon < 0 ? "" : san[(colon + 1)..];
                _ = kind switch
                {
                    "dns" => names.AddDnsName(value),
                    "ip" => names.AddIpAddress(value),
                    "email" => names.AddEmailAddress(value),
                    "uri" => names.AddUri(value),
                    "upn" => names.AddUserPrincipalName(value),
                    _ => throw new ArgumentException($"--san {san}: use dns:NAME, ip:ADDRESS, email:ADDRESS, uri:URI or upn:NAME"),
                };
            }

            // Critical exactly when the subject is empty (RFC 5280 §4.2.1.6).
            builder.AddSubjectAlternativeNames(names);
        }

        if (o.KeyUsage is not null)
        {
            KeyUsageFlags usage = KeyUsageFlags.None;
            foreach (string name in Split(o.KeyUsage))
            {
                int bit = IndexOf(ExtensionDecoder.KeyUsageNames, name is "contentCommitment" ? "nonRepudiation" : name);
                usage |= bit >= 0 ? (KeyUsageFlags)(1 << bit)
                    : throw new ArgumentException($"--key-usage {name}: use {string.Join(", ", ExtensionDecoder.KeyUsageNames)}");
            }

            builder.AddKeyUsage(usage);
        }

        if (o.Eku is not null)
        {
            builder.AddExtendedKeyUsage(Split(o.Eku));
        }

        if (o.SubjectKeyIdentifier)
        {
            builder.AddSubjectKeyIdentifier();
        }

        if (challengePassword is not null)
        {
            builder.SetChallengePassword(challengePassword);
        }

        return builder;
    }

    private static (AsymmetricAlgorithm Key, bool Pss) CreateKey(string spec)
    {
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? spec : spec[..colon];
        string size = colon < 0 ? "" : spec[(colon + 1)..];
        return (kind.ToLowerInvariant(), size.ToUpperInvariant()) switch
        {
            ("rsa", "2048" or "3072" or "4096") => (RSA.Create(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)), false),
            ("rsa-pss", "2048" or "3072" or "4096") => (RSA.Create(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)), true),
            ("ec", "P-256") => (ECDsa.Create(ECCurve.NamedCurves.nistP256), false),
            ("ec", "P-384") => (ECDsa.Create(ECCurve.NamedCurves.nistP384), false),
            ("ec", "P-521") => (ECDsa.Create(ECCurve.NamedCurves.nistP521), false),
            _ => throw new ArgumentException($"--new-key {spec}: use rsa:2048|3072|4096, rsa-pss:2048|3072|4096 or ec:P-256|P-384|P-521"),
        };
    }

    internal static AsymmetricAlgorithm LoadKey(string path, string? passphrase) =>
        PrivateKeyReader.Load(File.ReadAllText(path), passphrase);

    // Secrets never come from the command line itself: only the name of an environment variable does.
    internal static bool TryGetSecret(string? variable, string option, TextWriter error, out string? secret)
    {
        secret = null;
        if (variable is null)
        {
            return true;
        }

        secret = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(secret))
        {
            error.WriteLine($"{option} {variable}: the environment variable is not set or empty");
            return false;
        }

        return true;
    }

    private static void WriteOwnerOnly(string path, string text, bool force)
    {
        if (force && File.Exists(path))
        {
            File.Delete(path);
        }

        // Created with owner-only permissions from the start: there is no moment when others could read it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        catch (IOException) when (File.Exists(path) && !force)
        {
            throw new IOException($"{path} exists; the key is not overwritten (use --force)");
        }
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"pkcs10 new: {message}");
        return 2;
    }
}
