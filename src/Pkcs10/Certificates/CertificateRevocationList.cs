using System.Diagnostics.CodeAnalysis;
using Pkcs10.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Keys;
using Pkcs10.Names;
using Pkcs10.Signatures;

namespace Pkcs10.Certificates;

/// <summary>
/// A decoded certificate revocation list (RFC 5280 §5). Decoding validates the whole structure once, strictly,
/// including every entry; every value is a slice of one buffer, and the entries are made on demand.
/// </summary>
/// <remarks>
/// <code>
/// CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
/// TBSCertList ::= SEQUENCE {
///   version              Version OPTIONAL,  -- if present, MUST be v2
///   signature            AlgorithmIdentifier,
///   issuer               Name,
///   thisUpdate           Time,
///   nextUpdate           Time OPTIONAL,
///   revokedCertificates  SEQUENCE OF SEQUENCE {
///     userCertificate    CertificateSerialNumber,
///     revocationDate     Time,
///     crlEntryExtensions Extensions OPTIONAL } OPTIONAL,
///   crlExtensions   [0]  EXPLICIT Extensions OPTIONAL }
/// </code>
/// </remarks>
public sealed partial class CertificateRevocationList
{
    private readonly Parts _parts;
    private readonly DecodeContext _context;
    private readonly SignatureAlgorithmIdentifier.Layout _algorithmLayout;
    private DistinguishedName? _issuer;
    private SignatureAlgorithmIdentifier? _signatureAlgorithm;
    private CertificateExtension[]? _extensions;

    /// <summary>Where each validated part lies in <see cref="RawData"/> (absolute offsets; -1 start for an absent optional part).</summary>
    private readonly record struct Parts(int TbsStart, int TbsLength, int IssuerStart, int IssuerLength, int RevokedStart, int RevokedLength, int EntryCount,
        ExtensionsLayout Extensions, int CrlNumberStart, int CrlNumberLength, int BaseCrlNumberStart, int BaseCrlNumberLength, int SignatureStart, int SignatureLength);

    private CertificateRevocationList(ReadOnlyMemory<byte> rawData, in Parts parts, int version, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate,
        in SignatureAlgorithmIdentifier.Layout algorithm, int signatureUnusedBits, bool unknownCritical, bool unknownCriticalEntry, DecodeContext context)
    {
        RawData = rawData;
        _parts = parts;
        Version = version;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _algorithmLayout = algorithm;
        SignatureUnusedBits = signatureUnusedBits;
        HasUnknownCriticalExtension = unknownCritical;
        HasUnknownCriticalEntryExtension = unknownCriticalEntry;
        _context = context;
    }

    /// <summary>The DER of the whole CRL.</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>The DER of the TBSCertList: exactly the bytes the signature covers.</summary>
    public ReadOnlyMemory<byte> RawTbs => RawData.Slice(_parts.TbsStart, _parts.TbsLength);

    /// <summary>The version as X.509 numbers it: 1 (no version field) or 2.</summary>
    public int Version { get; }

    /// <summary>The DER of the issuer name.</summary>
    public ReadOnlyMemory<byte> RawIssuer => RawData.Slice(_parts.IssuerStart, _parts.IssuerLength);

    /// <summary>The issuer name.</summary>
    public DistinguishedName Issuer => _issuer ??= new DistinguishedName(RawIssuer);

    /// <summary>thisUpdate, in UTC.</summary>
    public DateTimeOffset ThisUpdate { get; }

    /// <summary>nextUpdate, in UTC, or <see langword="null"/> when absent (RFC 5280 §5.1.2.5 requires it of conforming CAs).</summary>
    public DateTimeOffset? NextUpdate { get; }

    /// <summary>The number of entries in revokedCertificates (0 when the list is absent).</summary>
    public int RevokedCount => _parts.EntryCount;

    /// <summary>The extensions in encoded order (empty when there are none).</summary>
    public IReadOnlyList<CertificateExtension> Extensions => _extensions ??= ExtensionList.Materialise(RawData, _parts.Extensions);

    /// <summary>The signature algorithm (the outer one, byte-for-byte equal to the TBSCertList's <c>signature</c> field).</summary>
    public SignatureAlgorithmIdentifier SignatureAlgorithm => _signatureAlgorithm ??= new SignatureAlgorithmIdentifier(RawData, _algorithmLayout);

    /// <summary>The signatureValue BIT STRING's data octets.</summary>
    public ReadOnlyMemory<byte> Signature => RawData.Slice(_parts.SignatureStart, _parts.SignatureLength);

    /// <summary>The signatureValue BIT STRING's unused-bit count (a signature with unused bits never verifies).</summary>
    public int SignatureUnusedBits { get; }

    /// <summary>Deviations accepted by lenient decoding, each with its offset; empty after strict decoding.</summary>
    public IReadOnlyList<DecodeFinding> Findings => _context.Findings;

    /// <summary>The cRLNumber extension's INTEGER content octets (RFC 5280 §5.2.3), or <see langword="null"/> when absent.</summary>
    public ReadOnlyMemory<byte>? CrlNumber => _parts.CrlNumberStart < 0 ? (ReadOnlyMemory<byte>?)null : RawData.Slice(_parts.CrlNumberStart, _parts.CrlNumberLength);

    /// <summary>The deltaCRLIndicator extension's BaseCRLNumber content octets (RFC 5280 §5.2.4), or <see langword="null"/> for a complete CRL.</summary>
    public ReadOnlyMemory<byte>? BaseCrlNumber => _parts.BaseCrlNumberStart < 0 ? (ReadOnlyMemory<byte>?)null : RawData.Slice(_parts.BaseCrlNumberStart, _parts.BaseCrlNumberLength);

    /// <summary>Whether this is a delta CRL (it carries the deltaCRLIndicator extension).</summary>
    public bool IsDelta => _parts.BaseCrlNumberStart >= 0;

    /// <summary>
    /// Whether the CRL has a critical extension this library does not understand (anything but
    /// authorityKeyIdentifier, issuerAltName, cRLNumber, deltaCRLIndicator, issuingDistributionPoint, freshestCRL and
    /// authorityInfoAccess). RFC 5280 §5.2: a relying party must not use such a CRL to determine revocation status.
    /// </summary>
    public bool HasUnknownCriticalExtension { get; }

    /// <summary>Whether any entry has a critical extension this library does not understand (see <see cref="RevokedCertificate.HasUnknownCriticalExtension"/>).</summary>
    public bool HasUnknownCriticalEntryExtension { get; }

    /// <summary>The authority key identifier, or <see langword="null"/> when the extension is absent.</summary>
    public AuthorityKeyIdentifier? AuthorityKeyIdentifier =>
        Find(Oids.AuthorityKeyIdentifier) is { } e ? ExtensionDecoder.DecodeAuthorityKeyIdentifier(e.Value, ViewContext) : null;

    /// <summary>The issuer alternative names, or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<GeneralName>? IssuerAlternativeNames =>
        Find(Oids.IssuerAltName) is { } e ? ExtensionDecoder.DecodeSubjectAltName(e.Value) : null;

    /// <summary>The issuing distribution point, or <see langword="null"/> when the extension is absent.</summary>
    public IssuingDistributionPoint? IssuingDistributionPoint =>
        Find(Oids.IssuingDistributionPoint) is { } e ? ExtensionDecoder.DecodeIssuingDistributionPoint(e.Value, ViewContext) : null;

    /// <summary>The freshestCRL distribution points (where delta CRLs are found), or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<DistributionPoint>? FreshestCrl =>
        Find(Oids.FreshestCrl) is { } e ? ExtensionDecoder.DecodeCrlDistributionPoints(e.Value, ViewContext) : null;

    /// <summary>The authority information access descriptions, or <see langword="null"/> when the extension is absent.</summary>
    public IReadOnlyList<AccessDescription>? AuthorityInformationAccess =>
        Find(Oids.AuthorityInfoAccess) is { } e ? ExtensionDecoder.DecodeAuthorityInformationAccess(e.Value) : null;

    // A fresh context so that views never add to (or race on) the decode findings.
    private DecodeContext ViewContext => _context.Lenient ? new DecodeContext(true) : DecodeContext.Strict;

    /// <summary>The extension with the given OID, or <see langword="null"/>.</summary>
    /// <param name="oid">The dotted OID.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="oid"/> is <see langword="null"/>.</exception>
    public CertificateExtension? GetExtension(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        return ObjectIdentifier.TryEncode(oid, out byte[]? encoded) ? ExtensionList.Find(Extensions, encoded) : null;
    }

    /// <summary>Checks the signature over exactly <see cref="RawTbs"/> with the issuer's public key.</summary>
    /// <param name="issuer">The CRL issuer's certificate.</param>
    /// <returns>The cryptographic fact: valid, invalid, or unsupported here.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> is <see langword="null"/>.</exception>
    public SignatureStatus CheckSignature(Certificate issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return CheckSignature(issuer.PublicKey);
    }

    /// <summary>Checks the signature over exactly <see cref="RawTbs"/> with <paramref name="issuerKey"/>.</summary>
    /// <param name="issuerKey">The CRL issuer's public key.</param>
    /// <param name="engine">The implementation for RSA signatures (see <see cref="VerificationEngine"/>).</param>
    /// <returns>The cryptographic fact: valid, invalid, or unsupported here.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuerKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="engine"/> is not a defined value.</exception>
    public SignatureStatus CheckSignature(SubjectPublicKeyInfo issuerKey, VerificationEngine engine = VerificationEngine.Managed)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        return SignatureUnusedBits != 0 ? SignatureStatus.Invalid : SignatureVerifier.Verify(SignatureAlgorithm, issuerKey, RawTbs.Span, Signature.Span, engine);
    }

    /// <summary>
    /// Whether the signature is valid under <paramref name="issuer"/>'s key and acceptable under <paramref name="policy"/>
    /// (default: MD5 and SHA-1 refused).
    /// </summary>
    /// <param name="issuer">The CRL issuer's certificate.</param>
    /// <param name="policy">The policy; <see cref="VerificationPolicy.Default"/> when <see langword="null"/>.</param>
    /// <returns><see langword="true"/> only for a valid, acceptable signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> is <see langword="null"/>.</exception>
    public bool VerifySignature(Certificate issuer, VerificationPolicy? policy = null) =>
        (policy ?? VerificationPolicy.Default).Allows(SignatureAlgorithm) && CheckSignature(issuer) == SignatureStatus.Valid;

    /// <summary>Decodes a DER CRL. The CRL keeps <paramref name="der"/> (no copy): do not change it afterwards.</summary>
    /// <param name="der">The DER bytes: exactly one CertificateList.</param>
    /// <param name="options">Decoding options; <see cref="CrlDecoderOptions.Strict"/> when <see langword="null"/>.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed or exceeds the bounds; <see cref="Pkcs10Exception.Code"/> and <see cref="Pkcs10Exception.Offset"/> say why and where.</exception>
    public static CertificateRevocationList Decode(ReadOnlyMemory<byte> der, CrlDecoderOptions? options = null)
    {
        options ??= CrlDecoderOptions.Strict;
        if (der.Length > options.MaxLength)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InputTooLarge, $"{der.Length} bytes is more than the {options.MaxLength} allowed", 0);
        }

        return DecodeCore(der, options);
    }

    /// <summary>Decodes a DER CRL over <paramref name="der"/> without copying it: do not change the array afterwards.</summary>
    /// <param name="der">The DER bytes: exactly one CertificateList.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="der"/> is <see langword="null"/>.</exception>
    /// <exception cref="Pkcs10Exception">The input is malformed.</exception>
    public static CertificateRevocationList Decode(byte[] der, CrlDecoderOptions? options = null)
    {
        // Without this overload an array would bind to the span overload (C# 14 first-class spans) and be copied.
        ArgumentNullException.ThrowIfNull(der);
        return Decode(new ReadOnlyMemory<byte>(der), options);
    }

    /// <summary>Decodes a DER CRL from a span; the bytes are copied into a buffer the CRL owns.</summary>
    /// <param name="der">The DER bytes.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed.</exception>
    public static CertificateRevocationList Decode(ReadOnlySpan<byte> der, CrlDecoderOptions? options = null)
    {
        options ??= CrlDecoderOptions.Strict;
        if (der.Length > options.MaxLength)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InputTooLarge, $"{der.Length} bytes is more than the {options.MaxLength} allowed", 0);
        }

        return DecodeCore(new ReadOnlyMemory<byte>(der.ToArray()), options);
    }

    /// <summary>Decodes a DER CRL without throwing on bad input.</summary>
    /// <param name="der">The DER bytes (kept, not copied).</param>
    /// <param name="crl">The CRL when decoding succeeded.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> der, [NotNullWhen(true)] out CertificateRevocationList? crl, CrlDecoderOptions? options = null) =>
        TryDecode(der, out crl, out _, options);

    /// <summary>Decodes a DER CRL without throwing on bad input, reporting why it failed.</summary>
    /// <param name="der">The DER bytes (kept, not copied).</param>
    /// <param name="crl">The CRL when decoding succeeded.</param>
    /// <param name="error">The error when decoding failed.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> der, [NotNullWhen(true)] out CertificateRevocationList? crl, [NotNullWhen(false)] out Pkcs10Exception? error,
        CrlDecoderOptions? options = null)
    {
        try
        {
            crl = Decode(der, options);
            error = null;
            return true;
        }
        catch (Pkcs10Exception e)
        {
            crl = null;
            error = e;
            return false;
        }
    }

    private CertificateExtension? Find(ReadOnlySpan<byte> oid) => ExtensionList.Find(Extensions, oid);
}
