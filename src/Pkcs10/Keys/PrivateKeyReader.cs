using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Internal;
using Pkcs10.Pem;

namespace Pkcs10.Keys;

/// <summary>
/// Reads private key files into BCL key objects (<see cref="RSA"/>, <see cref="ECDsa"/>, <see cref="DSA"/>): PKCS#8
/// ("PRIVATE KEY"), encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") and SEC 1
/// ("EC PRIVATE KEY") PEM, and PKCS#8 DER. The BCL does all private-key work; this class only finds the
/// key and chooses the type.
/// </summary>
public static class PrivateKeyReader
{
    private const string Pkcs1Label = "RSA PRIVATE KEY";
    private const string Sec1Label = "EC PRIVATE KEY";

    /// <summary>Reads the first private key in PEM text (other blocks, such as "EC PARAMETERS", are skipped).</summary>
    /// <param name="pem">The text.</param>
    /// <param name="passphrase">The passphrase of an encrypted PKCS#8 key; ignored otherwise.</param>
    /// <returns>The key object; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The text holds no private key, or an encrypted key without a passphrase.</exception>
    /// <exception cref="NotSupportedException">The key type cannot be loaded into a BCL object (e.g. Ed25519), or the file uses OpenSSL's legacy PEM encryption.</exception>
    /// <exception cref="CryptographicException">The key is malformed, or the passphrase is wrong.</exception>
    public static AsymmetricAlgorithm Load(ReadOnlySpan<char> pem, ReadOnlySpan<char> passphrase = default)
    {
        if (pem.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                "the key uses OpenSSL's legacy PEM encryption (Proc-Type: 4,ENCRYPTED); convert it to encrypted PKCS#8 with 'openssl pkcs8 -topk8'");
        }

        foreach (PemBlock block in PemReader.EnumerateBlocks(pem))
        {
            ReadOnlySpan<char> label = pem[block.Label];
            if (!label.SequenceEqual(PemLabels.PrivateKey) && !label.SequenceEqual(PemLabels.EncryptedPrivateKey) &&
                !label.SequenceEqual(Pkcs1Label) && !label.SequenceEqual(Sec1Label))
            {
                continue;
            }

            byte[] der = PemReader.Decode(pem, block);
            try
            {
                if (label.SequenceEqual(PemLabels.PrivateKey))
                {
                    return LoadPkcs8(der);
                }

                if (label.SequenceEqual(PemLabels.EncryptedPrivateKey))
                {
                    return LoadEncryptedPkcs8(der, passphrase);
                }

                if (label.SequenceEqual(Pkcs1Label))
                {
                    return Import(RSA.Create(), k => k.ImportRSAPrivateKey(der, out _));
                }

                return Import(ECDsa.Create(), k => k.ImportECPrivateKey(der, out _));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(der);
            }
        }

        throw new ArgumentException("no PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block found", nameof(pem));
    }

    /// <summary>Reads an unencrypted PKCS#8 PrivateKeyInfo (RFC 5208, RFC 5958) in DER.</summary>
    /// <param name="pkcs8">The DER.</param>
    /// <returns>The key object.</returns>
    /// <exception cref="NotSupportedException">The key type cannot be loaded into a BCL object.</exception>
    /// <exception cref="CryptographicException">The DER is malformed.</exception>
    public static AsymmetricAlgorithm LoadPkcs8(ReadOnlySpan<byte> pkcs8)
    {
        byte[] copy = pkcs8.ToArray();
        try
        {
            return AlgorithmOf(copy) switch
            {
                KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss => Import(RSA.Create(), k => k.ImportPkcs8PrivateKey(copy, out _)),
                KeyAlgorithm.EC => Import(ECDsa.Create(), k => k.ImportPkcs8PrivateKey(copy, out _)),
                KeyAlgorithm.Dsa => Import(DSA.Create(), k => k.ImportPkcs8PrivateKey(copy, out _)),
                KeyAlgorithm algorithm => throw new NotSupportedException(
                    $"a {algorithm} private key cannot be loaded into a .NET key object; sign with it through a Signer callback instead"),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    /// <summary>Reads an EncryptedPrivateKeyInfo (PKCS#8 / RFC 5958 §3) in DER with its passphrase.</summary>
    /// <param name="encryptedPkcs8">The DER.</param>
    /// <param name="passphrase">The passphrase.</param>
    /// <returns>The key object.</returns>
    /// <exception cref="ArgumentException">No passphrase was given.</exception>
    /// <exception cref="CryptographicException">The passphrase is wrong, or the key is not RSA, EC or DSA.</exception>
    public static AsymmetricAlgorithm LoadEncryptedPkcs8(ReadOnlySpan<byte> encryptedPkcs8, ReadOnlySpan<char> passphrase)
    {
        if (passphrase.IsEmpty)
        {
            throw new ArgumentException("the key is encrypted: a passphrase is needed", nameof(passphrase));
        }

        // The key type is inside the encrypted part: let each BCL type try to decrypt and import it.
        byte[] der = encryptedPkcs8.ToArray();
        char[] secret = passphrase.ToArray();
        try
        {
            CryptographicException? last = null;
            foreach (Func<AsymmetricAlgorithm> create in new Func<AsymmetricAlgorithm>[] { RSA.Create, ECDsa.Create, DSA.Create })
            {
                AsymmetricAlgorithm key = create();
                try
                {
                    key.ImportEncryptedPkcs8PrivateKey(secret, der, out _);
                    return key;
                }
                catch (CryptographicException e)
                {
                    key.Dispose();
                    last = e;
                }
            }

            throw new CryptographicException("the encrypted key could not be read: the passphrase is wrong, or the key is not RSA, EC or DSA", last);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
            Array.Clear(secret);
        }
    }

    private static T Import<T>(T key, Action<T> import)
        where T : AsymmetricAlgorithm
    {
        try
        {
            import(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, ... }
    private static KeyAlgorithm AlgorithmOf(ReadOnlySpan<byte> pkcs8)
    {
        try
        {
            var reader = new DerReader(pkcs8);
            DerReader info = reader.ReadSequence();
            info.ReadIntegerBytes();
            DerReader algorithm = info.ReadSequence();
            ReadOnlySpan<byte> oid = algorithm.ReadObjectIdentifier();
            return oid.SequenceEqual(Oids.RsaEncryption) ? KeyAlgorithm.Rsa
                : oid.SequenceEqual(Oids.RsaPss) ? KeyAlgorithm.RsaPss
                : oid.SequenceEqual(Oids.EcPublicKey) ? KeyAlgorithm.EC
                : oid.SequenceEqual(Oids.DsaKey) ? KeyAlgorithm.Dsa
                : oid.SequenceEqual(Oids.Ed25519) ? KeyAlgorithm.Ed25519
                : oid.SequenceEqual(Oids.Ed448) ? KeyAlgorithm.Ed448
                : KeyAlgorithm.Unknown;
        }
        catch (Pkcs10Exception e)
        {
            throw new CryptographicException($"the PKCS#8 key is malformed: {e.Message}", e);
        }
    }
}
