using System.Security.Cryptography;
using Pkcs10.Keys;

namespace Pkcs10.Signatures;

/// <summary>
/// Signs the bytes of a CertificationRequestInfo (or, later, a certificate's TBS) with a private key that
/// stays wherever it lives: a BCL key object, an HSM, a cloud KMS or a TPM. The library hands over exactly the
/// bytes to sign and takes back the signature; it never sees the private key.
/// </summary>
/// <remarks>
/// Use <see cref="Create(RSA, HashAlgorithmName, RSASignaturePadding?)"/>, <see cref="Create(ECDsa, HashAlgorithmName)"/>
/// or <see cref="Create(DSA, HashAlgorithmName)"/> for keys in BCL objects; <see cref="Create(SubjectPublicKeyInfo, SignatureAlgorithmIdentifier, Func{ReadOnlyMemory{byte}, SignatureAlgorithmIdentifier, byte[]}, DSASignatureFormat)"/>
/// and its asynchronous form for keys elsewhere; or derive from this class.
/// </remarks>
public abstract class Signer
{
    /// <summary>The signature algorithm this signer produces, as it will appear in the request.</summary>
    public abstract SignatureAlgorithmIdentifier SignatureAlgorithm { get; }

    /// <summary>The public key that verifies this signer's signatures.</summary>
    public abstract SubjectPublicKeyInfo PublicKey { get; }

    /// <summary>Signs <paramref name="data"/> (the exact DER to be signed, not a hash).</summary>
    /// <param name="data">The bytes to sign.</param>
    /// <returns>The signature value as it goes into the BIT STRING (DER <c>Ecdsa-Sig-Value</c> for ECDSA and DSA).</returns>
    public abstract byte[] Sign(ReadOnlySpan<byte> data);

    /// <summary>Signs <paramref name="data"/> asynchronously; the default runs <see cref="Sign"/> synchronously.</summary>
    /// <param name="data">The bytes to sign.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The signature value.</returns>
    public virtual ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Sign(data.Span));
    }

    /// <summary>A signer over an <see cref="RSA"/> key: PKCS#1 v1.5 by default, or RSASSA-PSS with a salt as long as the hash and MGF1 with the same hash.</summary>
    /// <param name="key">The key (with its private part, or an object that signs through a provider).</param>
    /// <param name="hash">SHA-256 (default), SHA-384 or SHA-512.</param>
    /// <param name="padding"><see cref="RSASignaturePadding.Pkcs1"/> (default) or <see cref="RSASignaturePadding.Pss"/>.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The hash or padding is not supported.</exception>
    public static Signer Create(RSA key, HashAlgorithmName hash = default, RSASignaturePadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        hash = hash.Name is null ? HashAlgorithmName.SHA256 : hash;
        padding ??= RSASignaturePadding.Pkcs1;
        CheckHash(hash);
        SignatureAlgorithmIdentifier algorithm = padding == RSASignaturePadding.Pss
            ? SignatureAlgorithmIdentifier.CreateRsaPss(hash)
            : padding == RSASignaturePadding.Pkcs1
                ? SignatureAlgorithmIdentifier.Create(SignatureKind.RsaPkcs1, hash)
                : throw new ArgumentException($"unsupported padding {padding}", nameof(padding));
        return new BclSigner(algorithm, SubjectPublicKeyInfo.Decode(key.ExportSubjectPublicKeyInfo()), data => key.SignData(data, hash, padding));
    }

    /// <summary>A signer over an <see cref="ECDsa"/> key, with the hash matched to the curve unless given.</summary>
    /// <param name="key">The key.</param>
    /// <param name="hash">The digest; by default SHA-256 for P-256, SHA-384 for P-384, SHA-512 for P-521 (and for keys of other sizes, by size).</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The hash is not supported.</exception>
    public static Signer Create(ECDsa key, HashAlgorithmName hash = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        hash = hash.Name is not null ? hash : key.KeySize switch
        {
            <= 256 => HashAlgorithmName.SHA256,
            <= 384 => HashAlgorithmName.SHA384,
            _ => HashAlgorithmName.SHA512,
        };
        CheckHash(hash);
        return new BclSigner(SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, hash), SubjectPublicKeyInfo.Decode(key.ExportSubjectPublicKeyInfo()),
            data => key.SignData(data, hash, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <summary>A signer over a <see cref="DSA"/> key (dsa-with-SHA256 unless another hash is given).</summary>
    /// <param name="key">The key.</param>
    /// <param name="hash">SHA-256 (default), SHA-384 or SHA-512.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The hash is not supported.</exception>
    public static Signer Create(DSA key, HashAlgorithmName hash = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        hash = hash.Name is null ? HashAlgorithmName.SHA256 : hash;
        CheckHash(hash);
        return new BclSigner(SignatureAlgorithmIdentifier.Create(SignatureKind.Dsa, hash), SubjectPublicKeyInfo.Decode(key.ExportSubjectPublicKeyInfo()),
            data => key.SignData(data.ToArray(), hash, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <summary>
    /// A signer whose key lives elsewhere (HSM, KMS, TPM): <paramref name="sign"/> receives the exact bytes to sign
    /// and the algorithm, and returns the signature.
    /// </summary>
    /// <param name="publicKey">The public key of the signing key.</param>
    /// <param name="algorithm">The algorithm the callback signs with, e.g. from <see cref="SignatureAlgorithmIdentifier.Create"/>.</param>
    /// <param name="sign">The callback.</param>
    /// <param name="signatureFormat">
    /// For ECDSA and DSA, the form the callback returns: DER (default) or the fixed-size r‖s of IEEE P1363 that
    /// PKCS#11 tokens return, which is converted to DER.
    /// </param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Signer Create(SubjectPublicKeyInfo publicKey, SignatureAlgorithmIdentifier algorithm,
        Func<ReadOnlyMemory<byte>, SignatureAlgorithmIdentifier, byte[]> sign, DSASignatureFormat signatureFormat = DSASignatureFormat.Rfc3279DerSequence)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(sign);
        return new DelegateSigner(publicKey, algorithm, sign, null, signatureFormat);
    }

    /// <summary>The asynchronous form of <see cref="Create(SubjectPublicKeyInfo, SignatureAlgorithmIdentifier, Func{ReadOnlyMemory{byte}, SignatureAlgorithmIdentifier, byte[]}, DSASignatureFormat)"/>, for remote keys.</summary>
    /// <param name="publicKey">The public key of the signing key.</param>
    /// <param name="algorithm">The algorithm the callback signs with.</param>
    /// <param name="signAsync">The callback.</param>
    /// <param name="signatureFormat">For ECDSA and DSA, the form the callback returns (DER or IEEE P1363).</param>
    /// <returns>The signer; its synchronous <see cref="Sign"/> blocks on the callback.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Signer Create(SubjectPublicKeyInfo publicKey, SignatureAlgorithmIdentifier algorithm,
        Func<ReadOnlyMemory<byte>, SignatureAlgorithmIdentifier, CancellationToken, ValueTask<byte[]>> signAsync,
        DSASignatureFormat signatureFormat = DSASignatureFormat.Rfc3279DerSequence)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(signAsync);
        return new DelegateSigner(publicKey, algorithm, null, signAsync, signatureFormat);
    }

    private static void CheckHash(HashAlgorithmName hash)
    {
        if (hash != HashAlgorithmName.SHA256 && hash != HashAlgorithmName.SHA384 && hash != HashAlgorithmName.SHA512)
        {
            throw new ArgumentException($"requests are signed with SHA-256, SHA-384 or SHA-512, not {hash.Name}", nameof(hash));
        }
    }

    private sealed class BclSigner(SignatureAlgorithmIdentifier algorithm, SubjectPublicKeyInfo publicKey, BclSigner.SignFunction sign) : Signer
    {
        public delegate byte[] SignFunction(ReadOnlySpan<byte> data);

        public override SignatureAlgorithmIdentifier SignatureAlgorithm { get; } = algorithm;

        public override SubjectPublicKeyInfo PublicKey { get; } = publicKey;

        public override byte[] Sign(ReadOnlySpan<byte> data) => sign(data);
    }

    private sealed class DelegateSigner(SubjectPublicKeyInfo publicKey, SignatureAlgorithmIdentifier algorithm,
        Func<ReadOnlyMemory<byte>, SignatureAlgorithmIdentifier, byte[]>? sign,
        Func<ReadOnlyMemory<byte>, SignatureAlgorithmIdentifier, CancellationToken, ValueTask<byte[]>>? signAsync,
        DSASignatureFormat format) : Signer
    {
        public override SignatureAlgorithmIdentifier SignatureAlgorithm { get; } = algorithm;

        public override SubjectPublicKeyInfo PublicKey { get; } = publicKey;

        public override byte[] Sign(ReadOnlySpan<byte> data)
        {
            byte[] copy = data.ToArray();
            byte[] signature = sign is not null ? sign(copy, SignatureAlgorithm) : signAsync!(copy, SignatureAlgorithm, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return ToDer(signature);
        }

        public override async ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] signature = signAsync is not null ? await signAsync(data, SignatureAlgorithm, cancellationToken).ConfigureAwait(false) : sign!(data, SignatureAlgorithm);
            return ToDer(signature);
        }

        private byte[] ToDer(byte[] signature)
        {
            ArgumentNullException.ThrowIfNull(signature);
            if (format == DSASignatureFormat.Rfc3279DerSequence || SignatureAlgorithm.Kind is not (SignatureKind.Ecdsa or SignatureKind.Dsa))
            {
                return signature;
            }

            return DsaSignatureConverter.P1363ToDer(signature);
        }
    }
}
