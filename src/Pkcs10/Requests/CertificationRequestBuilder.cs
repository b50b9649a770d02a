using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Keys;
using Pkcs10.Names;
using Pkcs10.Signatures;

namespace Pkcs10.Requests;

/// <summary>
/// Builds a PKCS#10 request: subject, public key, requested extensions and attributes; then signs it through a
/// <see cref="Signer"/> (a BCL key or a key anywhere else) and checks the signature before returning the request.
/// Output is canonical DER and deterministic for deterministic signers: the same inputs give the same bytes.
/// </summary>
/// <remarks>
/// Extensions are written in the order they are added, attributes in DER SET OF order. Each extension type may
/// appear once. The builder can be reused: signing does not change it.
/// </remarks>
public sealed class CertificationRequestBuilder
{
    // The challengePassword and unstructuredName upper bounds (RFC 2985 §5.4.1, §5.4.2: pkcs-9-ub-* = 255).
    private const int MaxPkcs9StringLength = 255;

    private readonly List<PendingExtension> _extensions = [];
    private readonly List<(byte[] Type, byte[][] Values)> _attributes = [];
    private byte[] _subject = [0x30, 0x00];
    private SubjectPublicKeyInfo? _publicKey;

    /// <summary>Starts a request with an empty subject (set one with <see cref="SetSubject(DistinguishedName)"/>).</summary>
    public CertificationRequestBuilder()
    {
    }

    /// <summary>Starts a request for <paramref name="subject"/>.</summary>
    /// <param name="subject">The subject name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is <see langword="null"/>.</exception>
    public CertificationRequestBuilder(DistinguishedName subject) => SetSubject(subject);

    /// <summary>Sets the subject name.</summary>
    /// <param name="subject">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is <see langword="null"/>.</exception>
    public CertificationRequestBuilder SetSubject(DistinguishedName subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _subject = subject.RawData.ToArray();
        return this;
    }

    /// <summary>Sets the subject name from RFC 4514 text, with the string types of <see cref="DistinguishedName.Parse(string, DistinguishedNameEncodingOptions?)"/>.</summary>
    /// <param name="rfc4514">The text, e.g. <c>CN=device-42,O=Acme\, Inc.,C=US</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rfc4514"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The text is not a valid name; the message gives the position.</exception>
    public CertificationRequestBuilder SetSubject(string rfc4514)
    {
        ArgumentNullException.ThrowIfNull(rfc4514);
        return SetSubject(Checked(() => DistinguishedName.Parse(rfc4514), nameof(rfc4514)));
    }

    /// <summary>Sets the subject name from the BCL's type (its DER is validated strictly).</summary>
    /// <param name="subject">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name's DER is not strict DER.</exception>
    public CertificationRequestBuilder SetSubject(X500DistinguishedName subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return SetSubject(Checked(() => DistinguishedName.Decode(subject.RawData.ToArray()), nameof(subject)));
    }

    /// <summary>Sets the public key to certify.</summary>
    /// <param name="publicKey">The key.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is <see langword="null"/>.</exception>
    public CertificationRequestBuilder SetPublicKey(SubjectPublicKeyInfo publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        _publicKey = publicKey;
        return this;
    }

    /// <summary>Sets the public key from SubjectPublicKeyInfo DER (validated strictly).</summary>
    /// <param name="subjectPublicKeyInfo">The DER.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The DER is not a valid SubjectPublicKeyInfo.</exception>
    public CertificationRequestBuilder SetPublicKey(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        byte[] copy = subjectPublicKeyInfo.ToArray();
        return SetPublicKey(Checked(() => SubjectPublicKeyInfo.Decode(copy), nameof(subjectPublicKeyInfo)));
    }

    /// <summary>Sets the public key from a BCL key object (<see cref="RSA"/>, <see cref="ECDsa"/>, <see cref="DSA"/>, ...).</summary>
    /// <param name="key">The key; only its public part is read.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public CertificationRequestBuilder SetPublicKey(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SetPublicKey(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Sets the public key from the BCL's <see cref="System.Security.Cryptography.X509Certificates.PublicKey"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public CertificationRequestBuilder SetPublicKey(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SetPublicKey(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Adds an extension to the extensionRequest attribute. Values of the extensions this library understands are validated.</summary>
    /// <param name="oid">The extension's dotted OID.</param>
    /// <param name="value">The extnValue content (DER).</param>
    /// <param name="critical">The critical flag.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="oid"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The OID is invalid or already added, or the value is malformed for its type.</exception>
    public CertificationRequestBuilder AddExtension(string oid, ReadOnlySpan<byte> value, bool critical = false)
    {
        ArgumentNullException.ThrowIfNull(oid);
        if (!ObjectIdentifier.TryEncode(oid, out byte[]? encoded))
        {
            throw new ArgumentException($"'{oid}' is not a dotted OID", nameof(oid));
        }

        byte[] copy = value.ToArray();
        Checked(() => ExtensionDecoder.Validate(encoded, copy, 0, DecodeContext.Strict), nameof(value));
        return Add(new PendingExtension(encoded, critical, copy, null));
    }

    /// <summary>Adds an extension (for example one decoded from another request) to the extensionRequest attribute.</summary>
    /// <param name="extension">The extension.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="extension"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An extension of this type was already added.</exception>
    public CertificationRequestBuilder AddExtension(CertificateExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return Add(new PendingExtension(extension.RawOid.ToArray(), extension.Critical, extension.Value.ToArray(), null));
    }

    /// <summary>
    /// Requests a subjectAltName extension. By default it is critical exactly when the subject is empty at
    /// signing time, as RFC 5280 §4.2.1.6 requires.
    /// </summary>
    /// <param name="names">The names.</param>
    /// <param name="critical">The critical flag, or <see langword="null"/> for the RFC 5280 rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The builder holds no names, or subjectAltName was already added.</exception>
    public CertificationRequestBuilder AddSubjectAlternativeNames(GeneralNamesBuilder names, bool? critical = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new ArgumentException("subjectAltName needs at least one name (GeneralNames SIZE (1..MAX))", nameof(names));
        }

        return Add(new PendingExtension(Oids.SubjectAltName.ToArray(), critical ?? false, names.Encode(), null, CriticalIfSubjectEmpty: critical is null));
    }

    /// <summary>Requests a keyUsage extension (critical by default, as RFC 5280 §4.2.1.3 recommends).</summary>
    /// <param name="usage">The bits.</param>
    /// <param name="critical">The critical flag.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No or undefined bits, or keyUsage was already added.</exception>
    public CertificationRequestBuilder AddKeyUsage(KeyUsageFlags usage, bool critical = true) =>
        Add(new PendingExtension(Oids.KeyUsage.ToArray(), critical, ExtensionEncoder.EncodeKeyUsage(usage), null));

    /// <summary>Requests an extKeyUsage extension.</summary>
    /// <param name="purposes">Dotted OIDs or names such as "serverAuth" and "clientAuth" (see <see cref="KeyPurposes"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The list is empty or invalid, or extKeyUsage was already added.</exception>
    public CertificationRequestBuilder AddExtendedKeyUsage(params IEnumerable<string> purposes) => AddExtendedKeyUsage(purposes, critical: false);

    /// <summary>Requests an extKeyUsage extension with a chosen critical flag.</summary>
    /// <param name="purposes">Dotted OIDs or purpose names.</param>
    /// <param name="critical">The critical flag.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The list is empty or invalid, or extKeyUsage was already added.</exception>
    public CertificationRequestBuilder AddExtendedKeyUsage(IEnumerable<string> purposes, bool critical) =>
        Add(new PendingExtension(Oids.ExtendedKeyUsage.ToArray(), critical, ExtensionEncoder.EncodeExtendedKeyUsage(purposes), null));

    /// <summary>Requests a basicConstraints extension (critical by default).</summary>
    /// <param name="certificateAuthority">The cA flag.</param>
    /// <param name="pathLengthConstraint">The path length, only with cA.</param>
    /// <param name="critical">The critical flag.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The constraints are inconsistent, or basicConstraints was already added.</exception>
    public CertificationRequestBuilder AddBasicConstraints(bool certificateAuthority, int? pathLengthConstraint = null, bool critical = true) =>
        Add(new PendingExtension(Oids.BasicConstraints.ToArray(), critical,
            ExtensionEncoder.EncodeBasicConstraints(new BasicConstraints(certificateAuthority, pathLengthConstraint)), null));

    /// <summary>Requests a subjectKeyIdentifier derived from the request's public key when the request is encoded.</summary>
    /// <param name="method">The derivation (RFC 5280 SHA-1 method 1 by default, or an RFC 7093 method).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">subjectKeyIdentifier was already added.</exception>
    public CertificationRequestBuilder AddSubjectKeyIdentifier(SubjectKeyIdentifierMethod method = SubjectKeyIdentifierMethod.Sha1)
    {
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method");
        }

        return Add(new PendingExtension(Oids.SubjectKeyIdentifier.ToArray(), false, null, method));
    }

    /// <summary>Requests a subjectKeyIdentifier with a given value.</summary>
    /// <param name="keyIdentifier">The identifier.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The identifier is empty, or subjectKeyIdentifier was already added.</exception>
    public CertificationRequestBuilder AddSubjectKeyIdentifier(ReadOnlySpan<byte> keyIdentifier) =>
        Add(new PendingExtension(Oids.SubjectKeyIdentifier.ToArray(), false, ExtensionEncoder.EncodeSubjectKeyIdentifier(keyIdentifier), null));

    /// <summary>
    /// Sets the challengePassword attribute (PKCS#9, RFC 2985 §5.4.1) as a PrintableString when every character
    /// allows it, otherwise a UTF8String. The request is not encrypted: anyone who sees it reads the password.
    /// </summary>
    /// <param name="password">1 to 255 characters.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The password is empty, too long, or was already set.</exception>
    public CertificationRequestBuilder SetChallengePassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return AddAttribute(Oids.ChallengePassword.ToArray(), [EncodePkcs9String(password, ia5: false, nameof(password))], single: true);
    }

    /// <summary>Adds an unstructuredName attribute value (PKCS#9): an IA5String when ASCII, otherwise a UTF8String.</summary>
    /// <param name="name">1 to 255 characters.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is empty or too long.</exception>
    public CertificationRequestBuilder AddUnstructuredName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[] value = EncodePkcs9String(name, ia5: true, nameof(name));
        for (int i = 0; i < _attributes.Count; i++)
        {
            if (_attributes[i].Type.AsSpan().SequenceEqual(Oids.UnstructuredName))
            {
                _attributes[i] = (_attributes[i].Type, [.. _attributes[i].Values, value]);
                return this;
            }
        }

        return AddAttribute(Oids.UnstructuredName.ToArray(), [value], single: false);
    }

    /// <summary>Adds any attribute, each value given as its complete DER encoding.</summary>
    /// <param name="oid">The attribute type's dotted OID (not extensionRequest: use the extension methods).</param>
    /// <param name="encodedValues">One or more DER values.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The OID is invalid, reserved or already added, or a value is not one DER element.</exception>
    public CertificationRequestBuilder AddAttribute(string oid, params IEnumerable<byte[]> encodedValues)
    {
        ArgumentNullException.ThrowIfNull(oid);
        ArgumentNullException.ThrowIfNull(encodedValues);
        if (!ObjectIdentifier.TryEncode(oid, out byte[]? type))
        {
            throw new ArgumentException($"'{oid}' is not a dotted OID", nameof(oid));
        }

        if (type.AsSpan().SequenceEqual(Oids.ExtensionRequest))
        {
            throw new ArgumentException("extensionRequest is written from the added extensions; use AddExtension", nameof(oid));
        }

        byte[][] values = [.. encodedValues.Select(v => (byte[])(v ?? throw new ArgumentNullException(nameof(encodedValues))).Clone())];
        foreach (byte[] v in values)
        {
            Checked(() =>
            {
                var reader = new DerReader(v);
                reader.ReadEncodedValue();
                reader.ThrowIfNotEmpty();
            }, nameof(encodedValues));
        }

        return AddAttribute(type, values, single: false);
    }

    /// <summary>Encodes the CertificationRequestInfo: exactly the bytes a signer signs.</summary>
    /// <returns>The DER.</returns>
    /// <exception cref="InvalidOperationException">No public key was set.</exception>
    public byte[] EncodeInfo() => EncodeInfo(_publicKey ?? throw new InvalidOperationException("set the public key first (SetPublicKey)"));

    /// <summary>Signs the request and returns it decoded, after checking that its signature verifies.</summary>
    /// <param name="signer">The signer; its public key becomes the request's key when none was set.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The signer's key is not the request's key.</exception>
    /// <exception cref="CryptographicException">The signature the signer returned does not verify, or cannot be checked here.</exception>
    public CertificationRequest Sign(Signer signer)
    {
        byte[] info = PrepareInfo(signer);
        return Attach(info, signer.SignatureAlgorithm, signer.Sign(info));
    }

    /// <summary>Signs the request asynchronously (for remote signers) and returns it decoded, after checking the signature.</summary>
    /// <param name="signer">The signer.</param>
    /// <param name="cancellationToken">Cancels the signing.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The signer's key is not the request's key.</exception>
    /// <exception cref="CryptographicException">The signature does not verify, or cannot be checked here.</exception>
    public async ValueTask<CertificationRequest> SignAsync(Signer signer, CancellationToken cancellationToken = default)
    {
        byte[] info = PrepareInfo(signer);
        byte[] signature = await signer.SignAsync(info, cancellationToken).ConfigureAwait(false);
        return Attach(info, signer.SignatureAlgorithm, signature);
    }

    /// <summary>Signs with an <see cref="RSA"/> key (PKCS#1 v1.5 with SHA-256 unless told otherwise).</summary>
    /// <param name="key">The key.</param>
    /// <param name="hash">SHA-256 (default), SHA-384 or SHA-512.</param>
    /// <param name="padding">PKCS#1 (default) or PSS.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="CryptographicException">The signature does not verify.</exception>
    public CertificationRequest Sign(RSA key, HashAlgorithmName hash = default, RSASignaturePadding? padding = null) => Sign(Signer.Create(key, hash, padding));

    /// <summary>Signs with an <see cref="ECDsa"/> key, the hash matched to the curve.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="CryptographicException">The signature does not verify.</exception>
    public CertificationRequest Sign(ECDsa key) => Sign(Signer.Create(key));

    /// <summary>
    /// The second half of two-step signing: joins a CertificationRequestInfo (from <see cref="EncodeInfo()"/>), the
    /// algorithm it was signed with and the signature into a request, and returns it only if the signature verifies
    /// with the info's public key.
    /// </summary>
    /// <param name="certificationRequestInfo">The exact bytes that were signed.</param>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <param name="signature">The signature value (DER for ECDSA and DSA).</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The info is not a strict-DER CertificationRequestInfo.</exception>
    /// <exception cref="CryptographicException">The signature does not verify, or cannot be checked here.</exception>
    public static CertificationRequest Attach(ReadOnlySpan<byte> certificationRequestInfo, SignatureAlgorithmIdentifier algorithm, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        using var writer = new DerWriter(certificationRequestInfo.Length + signature.Length + 64);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(certificationRequestInfo);
            writer.WriteEncodedValue(algorithm.RawData.Span);
            writer.WriteBitString(signature);
        }

        byte[] der = writer.Encode();
        if (!CertificationRequest.TryDecode(der, out CertificationRequest? request, out Pkcs10Exception? error))
        {
            throw new ArgumentException($"the parts do not make a valid request: {error.Message}", nameof(certificationRequestInfo), error);
        }

        SignatureStatus status = request.CheckSignature();
        return status switch
        {
            SignatureStatus.Valid => request,
            SignatureStatus.Invalid => throw new CryptographicException(
                $"the {algorithm.Name} signature does not verify with the request's {request.PublicKey.AlgorithmName} public key: the signer's key is not the request's key, or the signer used another algorithm"),
            _ => throw new CryptographicException($"a {algorithm.Name} signature cannot be verified here, so the request is not returned unchecked"),
        };
    }

    private byte[] PrepareInfo(Signer signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        SubjectPublicKeyInfo key = _publicKey ?? signer.PublicKey;
        if (!key.RawData.Span.SequenceEqual(signer.PublicKey.RawData.Span))
        {
            throw new ArgumentException($"the signer's {signer.PublicKey.AlgorithmName} key is not the request's {key.AlgorithmName} public key", nameof(signer));
        }

        return EncodeInfo(key);
    }

    private byte[] EncodeInfo(SubjectPublicKeyInfo key)
    {
        using var writer = new DerWriter(512);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            writer.WriteEncodedValue(_subject);
            writer.WriteEncodedValue(key.RawData.Span);
            using (writer.PushSetOf(Asn1Tag.Context(0, isConstructed: true)))
            {
                if (_extensions.Count > 0)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(Oids.ExtensionRequest);
                        using (writer.PushSetOf())
                        using (writer.PushSequence())
                        {
                            foreach (PendingExtension e in _extensions)
                            {
                                using (writer.PushSequence())
                                {
                                    writer.WriteObjectIdentifier(e.Oid);
                                    if (e.Critical || (e.CriticalIfSubjectEmpty && _subject.Length == 2))
                                    {
                                        writer.WriteBoolean(true);
                                    }

                                    writer.WriteOctetString(e.Value ?? ExtensionEncoder.EncodeSubjectKeyIdentifier(
                                        ExtensionEncoder.ComputeSubjectKeyIdentifier(key, e.KeyIdentifierMethod!.Value)));
                                }
                            }
                        }
                    }
                }

                foreach ((byte[] type, byte[][] values) in _attributes)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(type);
                        using (writer.PushSetOf())
                        {
                            foreach (byte[] v in values)
                            {
                                writer.WriteEncodedValue(v);
                            }
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }

    private CertificationRequestBuilder Add(PendingExtension extension)
    {
        foreach (PendingExtension e in _extensions)
        {
            if (e.Oid.AsSpan().SequenceEqual(extension.Oid))
            {
                // RFC 5280 §4.2: an extension appears at most once.
                throw new ArgumentException($"extension {ObjectIdentifier.ToDotted(extension.Oid)} was already added", nameof(extension));
            }
        }

        _extensions.Add(extension);
        return this;
    }

    private CertificationRequestBuilder AddAttribute(byte[] type, byte[][] values, bool single)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("an attribute needs at least one value (SET SIZE (1..MAX))", nameof(values));
        }

        foreach ((byte[] existing, _) in _attributes)
        {
            if (existing.AsSpan().SequenceEqual(type))
            {
                throw new ArgumentException(single
                    ? $"attribute {ObjectIdentifier.ToDotted(type)} was already set"
                    : $"attribute {ObjectIdentifier.ToDotted(type)} was already added; give all its values in one call", nameof(type));
            }
        }

        _attributes.Add((type, values));
        return this;
    }

    // PKCS#9 strings: DirectoryString (PrintableString when it fits, else UTF8String) or, for PKCS9String, IA5String when ASCII.
    private static byte[] EncodePkcs9String(string value, bool ia5, string paramName)
    {
        if (value.Length is 0 or > MaxPkcs9StringLength)
        {
            throw new ArgumentException($"the value must have 1 to {MaxPkcs9StringLength} characters, not {value.Length}", paramName);
        }

        UniversalTagNumber type = IsPrintableString(value) ? UniversalTagNumber.PrintableString
            : ia5 && System.Text.Ascii.IsValid(value) ? UniversalTagNumber.IA5String
            : UniversalTagNumber.Utf8String;
        using var writer = new DerWriter(value.Length + 8);
        writer.WriteCharacterString(type, value);
        return writer.Encode();
    }

    // X.680 §41.4: A-Z a-z 0-9 space ' ( ) + , - . / : = ?
    private static bool IsPrintableString(string value)
    {
        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '\'' or '(' or ')' or '+' or ',' or '-' or '.' or '/' or ':' or '=' or '?'))
            {
                return false;
            }
        }

        return true;
    }

    private static T Checked<T>(Func<T> decode, string paramName)
    {
        try
        {
            return decode();
        }
        catch (Pkcs10Exception e)
        {
            throw new ArgumentException(e.Message, paramName, e);
        }
    }

    private static void Checked(Action validate, string paramName) => Checked(() =>
    {
        validate();
        return 0;
    }, paramName);

    // An extension to write: a fixed value, or a key identifier derived from the key when encoding.
    private sealed record PendingExtension(byte[] Oid, bool Critical, byte[]? Value, SubjectKeyIdentifierMethod? KeyIdentifierMethod,
        bool CriticalIfSubjectEmpty = false);
}
