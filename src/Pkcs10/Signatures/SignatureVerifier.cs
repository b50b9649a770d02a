using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Keys;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Signatures;

/// <summary>
/// Verifies a signature over exactly the given bytes. RSA (PKCS#1 v1.5 and PSS) and ECDSA on P-256, P-384 and
/// P-521 run on the engine chosen by <see cref="VerificationEngine"/>: managed code by default, or the BCL's
/// <see cref="RSA"/> and <see cref="ECDsa"/>. ECDSA on other curves (secp256k1, brainpool) and DSA use the BCL's
/// ECDsa and DSA on either engine; Ed25519 and Ed448 are always managed.
/// </summary>
/// <remarks>
/// ECDSA signatures must be a strict-DER Ecdsa-Sig-Value with positive r and s on both engines. The managed ECDSA
/// engine also accepts a compressed public key (SEC 1 §2.3.4, RFC 5480 §2.2 allows it), which it decompresses;
/// the platform engine cannot import one and reports <see cref="SignatureStatus.Invalid"/>.
/// </remarks>
public static class SignatureVerifier
{
    private const int MaxHashSize = 64;

    /// <summary>Checks <paramref name="signature"/> over <paramref name="signedData"/>.</summary>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <param name="key">The signer's public key.</param>
    /// <param name="signedData">The exact bytes that were signed.</param>
    /// <param name="signature">The signature value (the BIT STRING's data octets).</param>
    /// <returns><see cref="SignatureStatus.Valid"/> only when the signature is valid for exactly these bytes under this key.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Uses <see cref="VerificationEngine.Managed"/>.</remarks>
    public static SignatureStatus Verify(SignatureAlgorithmIdentifier algorithm, SubjectPublicKeyInfo key, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature) =>
        Verify(algorithm, key, signedData, signature, VerificationEngine.Managed);

    /// <summary>Checks <paramref name="signature"/> over <paramref name="signedData"/> on the given engine.</summary>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <param name="key">The signer's public key.</param>
    /// <param name="signedData">The exact bytes that were signed.</param>
    /// <param name="signature">The signature value (the BIT STRING's data octets).</param>
    /// <param name="engine">The implementation for RSA signatures and for ECDSA on P-256, P-384 and P-521; other algorithms ignore it (see <see cref="VerificationEngine"/>).</param>
    /// <returns><see cref="SignatureStatus.Valid"/> only when the signature is valid for exactly these bytes under this key.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="engine"/> is not a defined value.</exception>
    public static SignatureStatus Verify(SignatureAlgorithmIdentifier algorithm, SubjectPublicKeyInfo key, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature, VerificationEngine engine)
    {
        if (engine is not (VerificationEngine.Managed or VerificationEngine.Platform))
        {
            throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown verification engine.");
        }

        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(key);

        // The key must be of the kind the algorithm needs (RFC 4055 §1.2: an id-RSASSA-PSS key only signs PSS).
        bool keyFits = algorithm.Kind switch
        {
            SignatureKind.RsaPkcs1 => key.Algorithm == KeyAlgorithm.Rsa,
            SignatureKind.RsaPss => key.Algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss,
            SignatureKind.Ecdsa => key.Algorithm == KeyAlgorithm.EC,
            SignatureKind.Dsa => key.Algorithm == KeyAlgorithm.Dsa,
            SignatureKind.Ed25519 => key.Algorithm == KeyAlgorithm.Ed25519,
            SignatureKind.Ed448 => key.Algorithm == KeyAlgorithm.Ed448,
            _ => true,
        };
        if (!keyFits)
        {
            return SignatureStatus.Invalid;
        }

        if (algorithm.Kind is SignatureKind.Ed25519 or SignatureKind.Ed448)
        {
            return VerifyEdDsa(algorithm.Kind, key, signedData, signature);
        }

        if (algorithm.Kind is SignatureKind.Unknown or SignatureKind.MLDsa)
        {
            return SignatureStatus.Unsupported;
        }

        if (algorithm.Hash is not HashAlgorithmName hashName || !Digest.IsSupported(hashName))
        {
            return SignatureStatus.Unsupported;
        }

        if (algorithm.Kind == SignatureKind.RsaPss && algorithm.Pss!.Mgf1Hash is HashAlgorithmName mgf && !Digest.IsSupported(mgf))
        {
            return SignatureStatus.Unsupported;
        }

        if (algorithm.Kind == SignatureKind.RsaPss && algorithm.Pss!.Mgf1Hash is null)
        {
            return SignatureStatus.Unsupported;
        }

        // A public exponent of 2^33 or more is refused by both engines alike (as ring and webpki do): a
        // requester chooses the key, and a huge exponent would make one verification take seconds.
        if (algorithm.Kind is SignatureKind.RsaPkcs1 or SignatureKind.RsaPss &&
            SubjectPublicKeyInfo.BitLength(key.RsaExponent.Span) > ManagedRsa.MaxExponentBits)
        {
            return SignatureStatus.Unsupported;
        }

        Span<byte> hash = stackalloc byte[MaxHashSize];
        hash = hash[..Digest.HashData(hashName, signedData, hash)];

        return algorithm.Kind switch
        {
            SignatureKind.RsaPkcs1 => VerifyRsaPkcs1(key, hash, signature, hashName, engine),
            SignatureKind.RsaPss => VerifyRsaPss(key, hash, signature, algorithm.Pss!, engine),
            SignatureKind.Ecdsa => VerifyEcdsa(key, hash, signature, engine),
            SignatureKind.Dsa => VerifyDsa(key, hash, signature),
            _ => SignatureStatus.Unsupported,
        };
    }

    // RFC 8410 §3 and RFC 8032 §5.1.7 / §5.2.7: PureEdDSA over the signed bytes themselves; a 32-byte (57-byte)
    // key and a 64-byte (114-byte) signature, anything else is Invalid. The rules on S, small-order keys and the
    // cofactored equation are documented on Ed25519 and Ed448.
    private static SignatureStatus VerifyEdDsa(SignatureKind kind, SubjectPublicKeyInfo key, ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
    {
        bool valid = kind == SignatureKind.Ed25519
            ? Ed25519.Verify(key.PublicKey.Span, signedData, signature)
            : Ed448.Verify(key.PublicKey.Span, signedData, signature);
        return valid ? SignatureStatus.Valid : SignatureStatus.Invalid;
    }

    private static SignatureStatus VerifyRsaPkcs1(SubjectPublicKeyInfo key, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, HashAlgorithmName hashName, VerificationEngine engine)
    {
        ReadOnlySpan<byte> n = key.RsaModulus.Span;
        ReadOnlySpan<byte> e = key.RsaExponent.Span;

        // RFC 8017 §8.2.2 step 1: the signature is exactly k octets.
        if (signature.Length != n.Length)
        {
            return SignatureStatus.Invalid;
        }

        if (engine == VerificationEngine.Platform && HashAlgorithms.IsBclDigest(hashName) && TryBclRsa(n, e, hash, signature, hashName, RSASignaturePadding.Pkcs1, out bool valid))
        {
            return valid ? SignatureStatus.Valid : SignatureStatus.Invalid;
        }

        return ManagedRsa.VerifyPkcs1(n, e, hash, signature, hashName) ? SignatureStatus.Valid : SignatureStatus.Invalid;
    }

    private static SignatureStatus VerifyRsaPss(SubjectPublicKeyInfo key, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, PssParameters pss, VerificationEngine engine)
    {
        // RFC 4055 §3.3: a PSS key's parameters bind the hash and MGF, and give the minimum salt length.
        if (key.PssRestrictions is PssParameters restriction &&
            (restriction.HashOid != pss.HashOid || restriction.Mgf1HashOid != pss.Mgf1HashOid || pss.SaltLength < restriction.SaltLength))
        {
            return SignatureStatus.Invalid;
        }

        if (pss.TrailerField != 1)
        {
            return SignatureStatus.Invalid;
        }

        ReadOnlySpan<byte> n = key.RsaModulus.Span;
        ReadOnlySpan<byte> e = key.RsaExponent.Span;
        if (signature.Length != n.Length)
        {
            return SignatureStatus.Invalid;
        }

        HashAlgorithmName h = pss.Hash!.Value;
        HashAlgorithmName m = pss.Mgf1Hash!.Value;

        // The BCL's PSS fixes MGF1 to the message hash and the salt to the hash length.
        if (engine == VerificationEngine.Platform && h == m && pss.SaltLength == hash.Length && HashAlgorithms.IsBclDigest(h) &&
            TryBclRsa(n, e, hash, signature, h, RSASignaturePadding.Pss, out bool valid))
        {
            return valid ? SignatureStatus.Valid : SignatureStatus.Invalid;
        }

        return ManagedRsa.VerifyPss(n, e, hash, signature, h, m, pss.SaltLength, pss.TrailerField) ? SignatureStatus.Valid : SignatureStatus.Invalid;
    }

    private static bool TryBclRsa(ReadOnlySpan<byte> n, ReadOnlySpan<byte> e, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature,
        HashAlgorithmName hashName, RSASignaturePadding padding, out bool valid)
    {
        valid = false;
        try
        {
            using RSA rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters { Modulus = n.ToArray(), Exponent = e.ToArray() });
            valid = rsa.VerifyHash(hash, signature, hashName, padding);
            return true;
        }
        catch (CryptographicException)
        {
            // The platform refused the key size, exponent or digest (e.g. a crypto policy): use the managed path.
            return false;
        }
    }

    private static SignatureStatus VerifyEcdsa(SubjectPublicKeyInfo key, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, VerificationEngine engine)
    {
        // P-256, P-384 and P-521 on the managed engine; other curves (secp256k1, brainpool) always on the platform.
        // (The managed lookup comes first: EcCurves.GetBclCurve allocates.)
        WeierstrassCurve? curve = engine == VerificationEngine.Managed ? NistCurves.Find(key.RawCurveOid.Span) : null;
        if (curve is null && EcCurves.GetBclCurve(key.RawCurveOid.Span) is null)
        {
            return SignatureStatus.Unsupported;
        }

        if (!TryReadDerSignature(signature, out ReadOnlySpan<byte> r, out ReadOnlySpan<byte> s))
        {
            return SignatureStatus.Invalid;
        }

        if (curve is not null)
        {
            return ManagedEcdsa.Verify(curve, key.EcPoint.Span, hash, r, s) ? SignatureStatus.Valid : SignatureStatus.Invalid;
        }

        try
        {
            using ECDsa ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(key.RawData.Span, out _);
            return ecdsa.VerifyHash(hash, signature, DSASignatureFormat.Rfc3279DerSequence) ? SignatureStatus.Valid : SignatureStatus.Invalid;
        }
        catch (CryptographicException)
        {
            // A point that is not on the curve cannot verify anything; an unsupported curve was screened above.
            return SignatureStatus.Invalid;
        }
        catch (PlatformNotSupportedException)
        {
            return SignatureStatus.Unsupported;
        }
    }

    private static SignatureStatus VerifyDsa(SubjectPublicKeyInfo key, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        if (key.RawParameters is null)
        {
            // Parameters inherited from an issuer (RFC 3279 §2.3.2) are not available for a self-signed request.
            return SignatureStatus.Unsupported;
        }

        if (!TryReadDerSignature(signature, out _, out _))
        {
            return SignatureStatus.Invalid;
        }

        try
        {
            using DSA dsa = DSA.Create();
            dsa.ImportSubjectPublicKeyInfo(key.RawData.Span, out _);
            return dsa.VerifySignature(hash, signature, DSASignatureFormat.Rfc3279DerSequence) ? SignatureStatus.Valid : SignatureStatus.Invalid;
        }
        catch (CryptographicException)
        {
            return SignatureStatus.Invalid;
        }
        catch (PlatformNotSupportedException)
        {
            return SignatureStatus.Unsupported;
        }
    }

    // Ecdsa-Sig-Value / Dss-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } in strict DER, r and s positive;
    // r and s are the INTEGERs' contents octets (a leading 00 kept when the top bit needs it).
    private static bool TryReadDerSignature(ReadOnlySpan<byte> signature, out ReadOnlySpan<byte> r, out ReadOnlySpan<byte> s)
    {
        try
        {
            var reader = new DerReader(signature);
            DerReader seq = reader.ReadSequence();
            r = seq.ReadIntegerBytes();
            s = seq.ReadIntegerBytes();
            seq.ThrowIfNotEmpty();
            reader.ThrowIfNotEmpty();
            return IsPositive(r) && IsPositive(s);
        }
        catch (Pkcs10Exception)
        {
            r = default;
            s = default;
            return false;
        }
    }

    private static bool IsPositive(ReadOnlySpan<byte> integer) => (integer[0] & 0x80) == 0 && integer.IndexOfAnyExcept((byte)0) >= 0;
}
