using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Keys;
using Pkcs10.Names;
using Pkcs10.Signatures;

namespace Pkcs10.Certificates;

/// <summary>
/// A decoded X.509 certificate (RFC 5280 §4.1). Decoding validates the whole structure once, strictly; every
/// value is a slice of one buffer, and typed views decode on demand.
/// </summary>
/// <remarks>
/// <code>
/// Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue BIT STRING }
/// TBSCertificate ::= SEQUENCE {
///   version         [0] EXPLICIT Version DEFAULT v1,
///   serialNumber         CertificateSerialNumber,
///   signature            AlgorithmIdentifier,
///   issuer               Name,
///   validity             Validity,
///   subject              Name,
///   subjectPublicKeyInfo SubjectPublicKeyInfo,
///   issuerUniqueID  [1] IMPLICIT UniqueIdentifier OPTIONAL, -- v2 or v3
///   subjectUniqueID [2] IMPLICIT UniqueIdentifier OPTIONAL, -- v2 or v3
///   extensions      [3] EXPLICIT Extensions OPTIONAL }      -- v3
/// Version ::= INTEGER { v1(0), v2(1), v3(2) }
/// Validity ::= SEQUENCE { notBefore Time, notAfter Time }
/// Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime }
/// </code>
/// </remarks>
public sealed partial class Certificate
{
    private readonly Parts _parts;
    private readonly DecodeContext _context;
    private readonly SubjectPublicKeyInfo.Layout _publicKeyLayout;
    private readonly SignatureAlgorithmIdentifier.Layout _algorithmLayout;
    private DistinguishedName? _issuer, _subject;
    private SubjectPublicKeyInfo? _publicKey;
    private SignatureAlgorithmIdentifier? _signatureAlgorithm;
    private CertificateExtension[]? _extensions;

    /// <summary>Where each validated part lies in <see cref="RawData"/> (absolute offsets; -1 start for an absent optional part).</summary>
    private readonly record struct Parts(int TbsStart, int TbsLength, int SerialStart, int SerialLength, int IssuerStart, int IssuerLength,
        int SubjectStart, int SubjectLength, int IssuerUidStart, int IssuerUidLength, int SubjectUidStart, int SubjectUidLength,
        ExtensionsLayout Extensions, int SignatureStart, int SignatureLength);

    private Certificate(ReadOnlyMemory<byte> rawData, in Parts parts, int version, DateTimeOffset notBefore, DateTimeOffset notAfter,
        in SubjectPublicKeyInfo.Layout publicKey, in SignatureAlgorithmIdentifier.Layout algorithm, int signatureUnusedBits, bool hasExtensionsField, DecodeContext context)
    {
        RawData = rawData;
        _parts = parts;
        Version = version;
        NotBefore = notBefore;
        NotAfter = notAfter;
        _publicKeyLayout = publicKey;
        _algorithmLayout = algorithm;
        SignatureUnusedBits = signatureUnusedBits;
        HasExtensionsField = hasExtensionsField;
        _context = context;
    }

    /// <summary>The DER of the whole certificate.</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>The DER of the TBSCertificate: exactly the bytes the signature covers.</summary>
    public ReadOnlyMemory<byte> RawTbs => RawData.Slice(_parts.TbsStart, _parts.TbsLength);

    /// <summary>The version as X.509 numbers it: 1, 2 or 3 (the encoded INTEGER plus one; v1 when the field is absent).</summary>
    public int Version { get; }

    /// <summary>The serialNumber INTEGER content octets: big-endian two's complement, minimal (a leading 0x00 when the top bit is set).</summary>
    public ReadOnlyMemory<byte> SerialNumber => RawData.Slice(_parts.SerialStart, _parts.SerialLength);

    /// <summary>The serial number as upper-case hex of its content octets (as <see cref="X509Certificate2.SerialNumber"/> shows it).</summary>
    public string SerialNumberHex => Convert.ToHexString(SerialNumber.Span);

    /// <summary>The issuer name.</summary>
    public DistinguishedName Issuer => _issuer ??= new DistinguishedName(RawData.Slice(_parts.IssuerStart, _parts.IssuerLength));

    /// <summary>The subject name.</summary>
    public DistinguishedName Subject => _subject ??= new DistinguishedName(RawData.Slice(_parts.SubjectStart, _parts.SubjectLength));

    /// <summary>validity.notBefore, in UTC.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>validity.notAfter, in UTC.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>The subject public key.</summary>
    public SubjectPublicKeyInfo PublicKey => _publicKey ??= new SubjectPublicKeyInfo(RawData, _publicKeyLayout);

    /// <summary>The issuerUniqueID BIT STRING's data octets, or <see langword="null"/> when absent (v2 and v3 only).</summary>
    public ReadOnlyMemory<byte>? IssuerUniqueId => _parts.IssuerUidStart < 0 ? (ReadOnlyMemory<byte>?)null : RawData.Slice(_parts.IssuerUidStart, _parts.IssuerUidLength);

    /// <summary>The subjectUniqueID BIT STRING's data octets, or <see langword="null"/> when absent (v2 and v3 only).</summary>
    public ReadOnlyMemory<byte>? SubjectUniqueId => _parts.SubjectUidStart < 0 ? (ReadOnlyMemory<byte>?)null : RawData.Slice(_parts.SubjectUidStart, _parts.SubjectUidLength);

    /// <summary>Whether the <c>[3] extensions</c> field was present.</summary>
    public bool HasExtensionsField { get; }

    /// <summary>The extensions in encoded order (empty when there are none).</summary>
    public IReadOnlyList<CertificateExtension> Extensions => _extensions ??= ExtensionList.Materialise(RawData, _parts.Extensions);

    /// <summary>The signature algorithm (the outer one, byte-for-byte equal to the TBSCertificate's <c>signature</c> field).</summary>
    public SignatureAlgorithmIdentifier SignatureAlgorithm => _signatureAlgorithm ??= new SignatureAlgorithmIdentifier(RawData, _algorithmLayout);

    /// <summary>The signatureValue BIT STRING's data octets.</summary>
    public ReadOnlyMemory<byte> Signature => RawData.Slice(_parts.SignatureStart, _parts.SignatureLength);

    /// <summary>The signatureValue BIT STRING's unused-bit count (a signature with unused bits never verifies).</summary>
    public int SignatureUnusedBits { get; }

    /// <summary>Deviations accepted by lenient decoding, each with its offset; empty after strict decoding.</summary>
    public IReadOnlyList<DecodeFinding> Findings => _context.Findings;

    /// <summary>
    /// Whether subject and issuer are the same name (RFC 5280 §6.1: "self-issued"). For now this compares the DER
    /// byte for byte, not with the RFC 5280 §7.1 name-matching rules (case folding, whitespace, string types).
    /// </summary>
    public bool IsSelfIssued => RawData.Span.Slice(_parts.SubjectStart, _parts.SubjectLength).SequenceEqual(RawData.Span.Slice(_parts.IssuerStart, _parts.IssuerLength));

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
    /// <param name="issuer">The issuing certificate (this certificate itself for a self-signed one).</param>
    /// <returns>The cryptographic fact: valid, invalid, or unsupported here.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> is <see langword="null"/>.</exception>
    public SignatureStatus CheckSignature(Certificate issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return CheckSignature(issuer.PublicKey);
    }

    /// <summary>Checks the signature over exactly <see cref="RawTbs"/> with <paramref name="issuerKey"/>.</summary>
    /// <param name="issuerKey">The issuer's public key.</param>
    /// <returns>The cryptographic fact: valid, invalid, or unsupported here.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuerKey"/> is <see langword="null"/>.</exception>
    public SignatureStatus CheckSignature(SubjectPublicKeyInfo issuerKey)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        return SignatureUnusedBits != 0 ? SignatureStatus.Invalid : SignatureVerifier.Verify(SignatureAlgorithm, issuerKey, RawTbs.Span, Signature.Span);
    }

    /// <summary>
    /// Whether the signature is valid under <paramref name="issuer"/>'s key and acceptable under <paramref name="policy"/>
    /// (default: MD5 and SHA-1 refused).
    /// </summary>
    /// <param name="issuer">The issuing certificate.</param>
    /// <param name="policy">The policy; <see cref="VerificationPolicy.Default"/> when <see langword="null"/>.</param>
    /// <returns><see langword="true"/> only for a valid, acceptable signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> is <see langword="null"/>.</exception>
    public bool VerifySignature(Certificate issuer, VerificationPolicy? policy = null) =>
        (policy ?? VerificationPolicy.Default).Allows(SignatureAlgorithm) && CheckSignature(issuer) == SignatureStatus.Valid;

    /// <summary>Decodes a certificate from an <see cref="X509Certificate2"/> (a copy of its <see cref="X509Certificate2.RawData"/>).</summary>
    /// <param name="certificate">The BCL certificate.</param>
    /// <param name="options">Decoding options; strict when <see langword="null"/>.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    /// <exception cref="Pkcs10Exception">The certificate's DER is malformed under <paramref name="options"/>.</exception>
    public static Certificate FromX509Certificate2(X509Certificate2 certificate, CertificateDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Decode(certificate.RawData, options);
    }

    /// <summary>Loads <see cref="RawData"/> into a new <see cref="X509Certificate2"/> (public part only).</summary>
    /// <returns>The BCL certificate; the caller disposes it.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The platform refuses the certificate.</exception>
    public X509Certificate2 ToX509Certificate2() => X509CertificateLoader.LoadCertificate(RawData.Span);

    /// <summary>Decodes a DER certificate. The certificate keeps <paramref name="der"/> (no copy): do not change it afterwards.</summary>
    /// <param name="der">The DER bytes: exactly one Certificate.</param>
    /// <param name="options">Decoding options; <see cref="CertificateDecoderOptions.Strict"/> when <see langword="null"/>.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed; <see cref="Pkcs10Exception.Code"/> and <see cref="Pkcs10Exception.Offset"/> say why and where.</exception>
    public static Certificate Decode(ReadOnlyMemory<byte> der, CertificateDecoderOptions? options = null)
    {
        options ??= CertificateDecoderOptions.Strict;
        if (der.Length > options.MaxLength)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InputTooLarge, $"{der.Length} bytes is more than the {options.MaxLength} allowed", 0);
        }

        return DecodeCore(der, options);
    }

    /// <summary>Decodes a DER certificate over <paramref name="der"/> without copying it: do not change the array afterwards.</summary>
    /// <param name="der">The DER bytes: exactly one Certificate.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="der"/> is <see langword="null"/>.</exception>
    /// <exception cref="Pkcs10Exception">The input is malformed.</exception>
    public static Certificate Decode(byte[] der, CertificateDecoderOptions? options = null)
    {
        // Without this overload an array would bind to the span overload (C# 14 first-class spans) and be copied.
        ArgumentNullException.ThrowIfNull(der);
        return Decode(new ReadOnlyMemory<byte>(der), options);
    }

    /// <summary>Decodes a DER certificate from a span; the bytes are copied into a buffer the certificate owns.</summary>
    /// <param name="der">The DER bytes.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed.</exception>
    public static Certificate Decode(ReadOnlySpan<byte> der, CertificateDecoderOptions? options = null) =>
        Decode(new ReadOnlyMemory<byte>(der.ToArray()), options);

    /// <summary>Decodes a DER certificate without throwing on bad input.</summary>
    /// <param name="der">The DER bytes (kept, not copied).</param>
    /// <param name="certificate">The certificate when decoding succeeded.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> der, [NotNullWhen(true)] out Certificate? certificate, CertificateDecoderOptions? options = null) =>
        TryDecode(der, out certificate, out _, options);

    /// <summary>Decodes a DER certificate without throwing on bad input, reporting why it failed.</summary>
    /// <param name="der">The DER bytes (kept, not copied).</param>
    /// <param name="certificate">The certificate when decoding succeeded.</param>
    /// <param name="error">The error when decoding failed.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> der, [NotNullWhen(true)] out Certificate? certificate, [NotNullWhen(false)] out Pkcs10Exception? error,
        CertificateDecoderOptions? options = null)
    {
        try
        {
            certificate = Decode(der, options);
            error = null;
            return true;
        }
        catch (Pkcs10Exception e)
        {
            certificate = null;
            error = e;
            return false;
        }
    }

    private static Certificate DecodeCore(ReadOnlyMemory<byte> source, CertificateDecoderOptions options)
    {
        DecodeContext context = options.AllowDeviations ? new DecodeContext(true) : DecodeContext.Strict;
        var reader = new DerReader(source.Span, 0, options.MaxDepth);
        DerReader outer = reader.ReadSequence();
        reader.ThrowIfNotEmpty();

        int tbsStart = outer.Offset;
        DerReader tbs = outer.ReadSequence();
        int tbsLength = outer.Offset - tbsStart;

        int version = ReadVersion(ref tbs, context);

        int serialAt = tbs.Offset;
        ReadOnlySpan<byte> serial = tbs.ReadIntegerBytes(out int serialStart);
        CheckSerial(serial, serialAt, context);

        int innerAlgorithmStart = tbs.Offset;
        _ = SignatureAlgorithmIdentifier.ReadLayout(ref tbs, 0, context);
        int innerAlgorithmLength = tbs.Offset - innerAlgorithmStart;

        int issuerStart = tbs.Offset;
        DistinguishedName.Validate(ref tbs, context);
        int issuerLength = tbs.Offset - issuerStart;
        if (issuerLength == 2)
        {
            // RFC 5280 §4.1.2.4: "The issuer field MUST contain a non-empty distinguished name (DN)."
            context.Deviation(Pkcs10ErrorCode.InvalidName, "the issuer is an empty name (RFC 5280 §4.1.2.4)", issuerStart);
        }

        DerReader validity = tbs.ReadSequence(0x30);
        DateTimeOffset notBefore = ReadTime(ref validity, context);
        DateTimeOffset notAfter = ReadTime(ref validity, context);
        validity.ThrowIfNotEmpty();

        int subjectStart = tbs.Offset;
        DistinguishedName.Validate(ref tbs, context);
        int subjectLength = tbs.Offset - subjectStart;

        SubjectPublicKeyInfo.Layout spki = SubjectPublicKeyInfo.ReadLayout(ref tbs, 0, context);

        (int issuerUidStart, int issuerUidLength) = ReadUniqueId(ref tbs, 1, version, context);
        (int subjectUidStart, int subjectUidLength) = ReadUniqueId(ref tbs, 2, version, context);

        ExtensionsLayout extensions = default;
        bool hasExtensions = tbs.IsNext(0xA3);
        if (hasExtensions)
        {
            int at = tbs.Offset;
            if (version != 3)
            {
                // RFC 5280 §4.1.2.9: "This field MUST only appear if the version is 3."
                context.Deviation(Pkcs10ErrorCode.FieldNotAllowedForVersion, $"extensions in a v{version} certificate (RFC 5280 §4.1.2.9)", at);
            }

            DerReader explicitExtensions = tbs.ReadExplicit(3);
            int contentAt = explicitExtensions.Offset;
            extensions = ExtensionList.Read(explicitExtensions.RemainingBytes, contentAt, options.MaxDepth, options.MaxItems, context,
                "the extensions field holds no extensions (SEQUENCE SIZE (1..MAX), RFC 5280 §4.1)");
        }

        tbs.ThrowIfNotEmpty();

        int outerAlgorithmStart = outer.Offset;
        SignatureAlgorithmIdentifier.Layout algorithm = SignatureAlgorithmIdentifier.ReadLayout(ref outer, 0, context);
        int outerAlgorithmLength = outer.Offset - outerAlgorithmStart;

        // RFC 5280 §4.1.1.2: signatureAlgorithm "MUST contain the same algorithm identifier as the signature field
        // in the sequence tbsCertificate". Compared byte for byte, and never relaxed: a mismatch is how
        // algorithm-substitution attacks begin.
        ReadOnlySpan<byte> all = source.Span;
        if (!all.Slice(outerAlgorithmStart, outerAlgorithmLength).SequenceEqual(all.Slice(innerAlgorithmStart, innerAlgorithmLength)))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.SignatureAlgorithmMismatch,
                "signatureAlgorithm differs from the TBSCertificate's signature field (RFC 5280 §4.1.1.2)", outerAlgorithmStart);
        }

        ReadOnlySpan<byte> signature = outer.ReadBitString(out int unused);
        int signatureStart = outer.Offset - signature.Length;
        outer.ThrowIfNotEmpty();

        var parts = new Parts(tbsStart, tbsLength, serialStart, serial.Length, issuerStart, issuerLength, subjectStart, subjectLength,
            issuerUidStart, issuerUidLength, subjectUidStart, subjectUidLength, extensions, signatureStart, signature.Length);
        return new Certificate(source, parts, version, notBefore, notAfter, spki, algorithm, unused, hasExtensions, context);
    }

    // version [0] EXPLICIT Version DEFAULT v1 (RFC 5280 §4.1.2.1).
    private static int ReadVersion(ref DerReader tbs, DecodeContext context)
    {
        if (tbs.RemainingBytes is [0xA0, 0x03, 0x02, 0x01, 0x02, ..])
        {
            tbs.Skip(5);
            return 3;
        }

        if (!tbs.IsNext(0xA0))
        {
            return 1;
        }

        int at = tbs.Offset;
        DerReader inner = tbs.ReadExplicit(0);
        long value = inner.ReadInt64(out int valueAt);
        inner.ThrowIfNotEmpty();
        if (value == 0)
        {
            // X.690 §11.5: a value equal to the DEFAULT must be absent.
            context.Deviation(Pkcs10ErrorCode.DefaultValueEncoded, "version v1 is the DEFAULT and must be omitted (X.690 §11.5)", at);
            return 1;
        }

        if (value is not (1 or 2))
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.UnsupportedVersion, $"version {value} is not v1 (0), v2 (1) or v3 (2) (RFC 5280 §4.1.2.1)", valueAt);
        }

        return (int)value + 1;
    }

    // RFC 5280 §4.1.2.2: "The serial number MUST be a positive integer"; CAs "MUST NOT use serialNumber values
    // longer than 20 octets". Real certificates break both (negative serials from sign-bit mistakes, zero in
    // test roots), so lenient decoding accepts them with a finding. 20 octets counts the magnitude: a positive
    // 160-bit serial needs a leading 0x00 and 21 content octets, which users must accept (as Go and webpki do).
    private static void CheckSerial(ReadOnlySpan<byte> serial, int at, DecodeContext context)
    {
        if ((serial[0] & 0x80) != 0)
        {
            context.Deviation(Pkcs10ErrorCode.InvalidSerialNumber, "the serial number is negative (RFC 5280 §4.1.2.2)", at);
        }
        else if (serial is [0])
        {
            context.Deviation(Pkcs10ErrorCode.InvalidSerialNumber, "the serial number is zero (RFC 5280 §4.1.2.2: a positive integer)", at);
        }

        int magnitude = serial.Length > 1 && serial[0] == 0 ? serial.Length - 1 : serial.Length;
        if (magnitude > 20)
        {
            context.Deviation(Pkcs10ErrorCode.InvalidSerialNumber, $"the serial number has {magnitude} octets, more than 20 (RFC 5280 §4.1.2.2)", at);
        }
    }

    // Time ::= CHOICE { utcTime UTCTime, generalTime GeneralizedTime } (RFC 5280 §4.1.2.5): UTCTime through 2049,
    // GeneralizedTime from 2050, both in the DER form with seconds and Z; GeneralizedTime without fractions.
    internal static DateTimeOffset ReadTime(ref DerReader reader, DecodeContext context)
    {
        int at = reader.Offset;
        int identifier = reader.PeekIdentifierOctet();
        if (identifier == 0x17)
        {
            // YY 50-99 is 19YY and 00-49 is 20YY (RFC 5280 §4.1.2.5.1), so a UTCTime can never mean 2050 or later.
            return reader.ReadUtcTime();
        }

        if (identifier != 0x18)
        {
            return ThrowHelper.Throw<DateTimeOffset>(Pkcs10ErrorCode.UnexpectedTag, "a validity time must be UTCTime or GeneralizedTime (RFC 5280 §4.1.2.5)", at);
        }

        int length = reader.PeekEncodedValue().Length;
        DateTimeOffset time = reader.ReadGeneralizedTime();
        if (length != 17)
        {
            // RFC 5280 §4.1.2.5.2: "GeneralizedTime values MUST NOT include fractional seconds."
            context.Deviation(Pkcs10ErrorCode.InvalidTime, "a validity GeneralizedTime has fractional seconds (RFC 5280 §4.1.2.5.2)", at);
        }

        if (time.Year < 2050)
        {
            // RFC 5280 §4.1.2.5: "CAs conforming to this profile MUST always encode certificate validity dates
            // through the year 2049 as UTCTime".
            context.Deviation(Pkcs10ErrorCode.InvalidTime, $"GeneralizedTime for {time.Year}, before 2050, where UTCTime is required (RFC 5280 §4.1.2.5)", at);
        }

        return time;
    }

    // issuerUniqueID [1] / subjectUniqueID [2] IMPLICIT UniqueIdentifier (BIT STRING), v2 and v3 only (RFC 5280 §4.1.2.8).
    private static (int Start, int Length) ReadUniqueId(ref DerReader tbs, int number, int version, DecodeContext context)
    {
        if (!tbs.IsNext((byte)(0x80 | number)))
        {
            if (tbs.IsNext((byte)(0xA0 | number)))
            {
                // The constructed form: DER requires BIT STRING primitive (X.690 §10.2); the read reports it.
                tbs.ReadBitString(out _, Asn1Tag.Context(number));
            }

            return (-1, 0);
        }

        int at = tbs.Offset;
        if (version == 1)
        {
            context.Deviation(Pkcs10ErrorCode.FieldNotAllowedForVersion, $"{(number == 1 ? "issuerUniqueID" : "subjectUniqueID")} in a v1 certificate (RFC 5280 §4.1.2.8)", at);
        }

        ReadOnlySpan<byte> data = tbs.ReadBitString(out _, Asn1Tag.Context(number));
        return (tbs.Offset - data.Length, data.Length);
    }
}
