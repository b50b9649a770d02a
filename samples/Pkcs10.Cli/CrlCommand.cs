using System.Numerics;
using System.Security.Cryptography;
using Pkcs10.Certificates;
using Pkcs10.Signatures;

namespace Pkcs10.Cli;

/// <summary><c>pkcs10 crl</c>: a v2 CRL of every recorded revocation, with the next CRL number.</summary>
internal static class CrlCommand
{
    public static int Run(string caPath, string outFile, int days, string? passphraseEnv, TextWriter output, TextWriter error)
    {
        if (days <= 0)
        {
            error.WriteLine("pkcs10 crl: --days must be positive");
            return 2;
        }

        if (!NewCommand.TryGetSecret(passphraseEnv, "--passphrase-env", error, out string? passphrase))
        {
            return 2;
        }

        try
        {
            CaDirectory ca = CaDirectory.Open(caPath);
            if (ca.Certificate.SubjectKeyIdentifier is not ReadOnlyMemory<byte> keyId)
            {
                error.WriteLine($"pkcs10 crl: {caPath}/{CaDirectory.CertificateFile} has no subjectKeyIdentifier for the CRL's authorityKeyIdentifier");
                return 1;
            }

            long number = ca.Records.OfType<CrlRecord>().Select(r => r.Number).DefaultIfEmpty(0).Max() + 1;
            var builder = new CrlBuilder();
            foreach (RevokedRecord r in ca.Records.OfType<RevokedRecord>())
            {
                builder.AddRevoked(CaDirectory.SerialBytes(r.Serial), r.Time, r.Reason);
            }

            DateTimeOffset now = DateTimeOffset.UtcNow;
            byte[] der;
            (AsymmetricAlgorithm key, Signer signer) = ca.LoadSigner(passphrase);
            using (key)
            {
                der = builder.Build(ca.Certificate.Subject, signer, new BigInteger(number).ToByteArray(isUnsigned: true, isBigEndian: true),
                    now, now.AddDays(days), keyId.Span);
            }

            // The number is recorded before the CRL is written, so no number is ever used for two different CRLs.
            ca.Append(new CrlRecord(number));
            CertificateRevocationList crl = CertificateRevocationList.Decode(der);
            File.WriteAllText(outFile, crl.EncodePem());
            output.WriteLine($"CRL number {number} from {ca.Certificate.Subject}: {crl.RevokedCount} revoked, " +
                $"thisUpdate {crl.ThisUpdate:u}, nextUpdate {crl.NextUpdate:u}");
            output.WriteLine($"  wrote {outFile}");
            return 0;
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"pkcs10 crl: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or CryptographicException or NotSupportedException)
        {
            error.WriteLine($"pkcs10 crl: {e.Message}");
            return e is FileNotFoundException ? 2 : 1;
        }
    }
}
