using System.Diagnostics.CodeAnalysis;
using Pkcs10.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Keys;
using Pkcs10.Names;
using Pkcs10.Signatures;

namespace Pkcs10.Requests;

/// <summary>
/// A decoded PKCS#10 certification request (RFC 2986). Decoding validates the whole structure once,
/// strictly; every value is a slice of one buffer, and typed views decode on demand.
/// </summary>
/// <remarks>
/// <code>
/// CertificationRequest ::= SEQUENCE {
///   certificationRequestInfo CertificationRequestInfo,
///   signatureAlgorithm       AlgorithmIdentifier,
///   signature                BIT STRING }
/// CertificationRequestInfo ::= SEQUENCE {
///   version       INTEGER { v1(0) },
///   subject       Name,
///   subjectPKInfo SubjectPublicKeyInfo,
///   attributes    [0] IMPLICIT SET OF Attribute }
/// </code>
/// </remarks>
public sealed partial class CertificationRequest
{
    private readonly RequestAttribute[] _attributes;
    private readonly int _extensionsStart, _extensionsLength, _extensionCount;
    private readonly DecodeContext _context;

    private readonly int _infoStart, _infoLength, _subjectStart, _subjectLength, _signatureStart, _signatureLength;

    // Decoding validates everything and records where each part lies; the subject, key and algorithm objects
    // are made when first asked for (one allocation fewer each for callers that never look). The key and the
    // algorithm keep only their extent: their layouts are read again, from bytes already validated, when first
    // needed, which keeps the request object small (144 B instead of 264 B).
    // Concurrent first reads may each make one; the objects are immutable and equal, and one of them stays.
    private readonly int _publicKeyStart, _publicKeyLength, _algorithmStart, _algorithmLength;
    private DistinguishedName? _subject;
    private SubjectPublicKeyInfo? _publicKey;
    private SignatureAlgorithmIdentifier? _signatureAlgorithm;
    private CertificateExtension[]? _extensions;

    private CertificationRequest(ReadOnlyMemory<byte> rawData, int infoStart, int infoLength, int version, int subjectStart, int subjectLength,
        in SubjectPublicKeyInfo.Layout publicKey, RequestAttribute[] attributes, in ExtensionsLayout extensions, bool hasAttributesField,
        in SignatureAlgorithmIdentifier.Layout signatureAlgorithm, int signatureStart, int signatureLength, int signatureUnusedBits, DecodeContext context)
    {
        RawData = rawData;
        _infoStart = infoStart;
        _infoLength = infoLength;
        Version = version;
        _subjectStart = subjectStart;
        _subjectLength = subjectLength;
        (_publicKeyStart, _publicKeyLength) = (publicKey.RawStart, publicKey.RawLength);
        _attributes = attributes;
        (_extensionsStart, _extensionsLength, _extensionCount) = extensions;
        HasAttributesField = hasAttributesField;
        (_algorithmStart, _algorithmLength) = (signatureAlgorithm.RawStart, signatureAlgorithm.RawLength);
        _signatureStart = signatureStart;
        _signatureLength = signatureLength;
        SignatureUnusedBits = signatureUnusedBits;
        _context = context;
    }

    /// <summary>The DER of the whole request.</summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>The DER of the CertificationRequestInfo: exactly the bytes the signature covers.</summary>
    public ReadOnlyMemory<byte> RawInfo => RawData.Slice(_infoStart, _infoLength);

    /// <summary>CertificationRequestInfo.version (0 for v1, the only version RFC 2986 defines).</summary>
    public int Version { get; }

    /// <summary>The subject name.</summary>
    public DistinguishedName Subject => _subject ??= new DistinguishedName(RawData.Slice(_subjectStart, _subjectLength));

    /// <summary>The subject public key.</summary>
    public SubjectPublicKeyInfo PublicKey => _publicKey ??= new SubjectPublicKeyInfo(RawData, ReadPublicKeyLayout());

    /// <summary>Every attribute except extensionRequest, in encoded order.</summary>
    public IReadOnlyList<RequestAttribute> Attributes => _attributes;

    /// <summary>The extensions of the extensionRequest attribute, in encoded order (empty when there is none).</summary>
    public IReadOnlyList<CertificateExtension> Extensions => _extensions ??= MaterialiseExtensions();

    /// <summary>Whether the <c>[0] attributes</c> field was present (RFC 2986 requires it, even empty).</summary>
    public bool HasAttributesField { get; }

    /// <summary>The signature algorithm.</summary>
    public SignatureAlgorithmIdentifier SignatureAlgorithm => _signatureAlgorithm ??= new SignatureAlgorithmIdentifier(RawData, ReadAlgorithmLayout());

    /// <summary>The signature BIT STRING's data octets.</summary>
    public ReadOnlyMemory<byte> Signature => RawData.Slice(_signatureStart, _signatureLength);

    /// <summary>The signature BIT STRING's unused-bit count (a signature with unused bits never verifies).</summary>
    public int SignatureUnusedBits { get; }

    /// <summary>Deviations accepted by lenient decoding, each with its offset; empty after strict decoding.</summary>
    public IReadOnlyList<DecodeFinding> Findings => _context.Findings;

    /// <summary>The extension with the given OID, or <see langword="null"/>.</summary>
    /// <param name="oid">The dotted OID.</param>
    /// <returns>The extension.</returns>
    public CertificateExtension? GetExtension(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        return ObjectIdentifier.TryEncode(oid, out byte[]? encoded) ? FindExtension(encoded) : null;
    }

    /// <summary>The requested subject alternative names, or <see langword="null"/> when not requested.</summary>
    public IReadOnlyList<GeneralName>? SubjectAlternativeNames =>
        FindExtension(Oids.SubjectAltName) is { } e ? ExtensionDecoder.DecodeSubjectAltName(e.Value) : null;

    /// <summary>The requested key usage, or <see langword="null"/> when not requested.</summary>
    public KeyUsageFlags? KeyUsage => FindExtension(Oids.KeyUsage) is { } e ? ExtensionDecoder.DecodeKeyUsage(e.Value) : null;

    /// <summary>The requested extended key usages as dotted OIDs, or <see langword="null"/> when not requested.</summary>
    public IReadOnlyList<string>? ExtendedKeyUsage => FindExtension(Oids.ExtendedKeyUsage) is { } e ? ExtensionDecoder.DecodeExtendedKeyUsage(e.Value) : null;

    /// <summary>The requested basic constraints, or <see langword="null"/> when not requested.</summary>
    public BasicConstraints? BasicConstraints =>
        FindExtension(Oids.BasicConstraints) is { } e
            ? ExtensionDecoder.ReadBasicConstraints(e.Value.Span, e.ValueOffset, new DecodeContext(_context.Lenient))
            : null;

    /// <summary>The requested subject key identifier, or <see langword="null"/> when not requested.</summary>
    public ReadOnlyMemory<byte>? SubjectKeyIdentifier =>
        FindExtension(Oids.SubjectKeyIdentifier) is { } e ? ExtensionDecoder.DecodeSubjectKeyIdentifier(e.Value) : (ReadOnlyMemory<byte>?)null;

    /// <summary>The challengePassword attribute's text (PKCS#9), or <see langword="null"/>.</summary>
    public string? ChallengePassword => FindAttribute(Oids.ChallengePassword) is { } a ? a.GetDisplayValue(0) : null;

    /// <summary>The first unstructuredName attribute value (PKCS#9), or <see langword="null"/>.</summary>
    public string? UnstructuredName => FindAttribute(Oids.UnstructuredName) is { } a ? a.GetDisplayValue(0) : null;

    /// <summary>
    /// Checks the self-signature over exactly <see cref="RawInfo"/> with <see cref="PublicKey"/>, on the default
    /// <see cref="VerificationEngine.Managed"/> engine.
    /// </summary>
    /// <returns>The cryptographic fact: valid, invalid, or unsupported here.</returns>
    public SignatureStatus CheckSignature() => CheckSignature(VerificationEngine.Managed);

    /// <summary>Checks the self-signature over exactly <see cref="RawInfo"/> with <see cref="PublicKey"/> on the given engine.</summary>
    /// <param name="engine">The implementation for RSA signatures and ECDSA on P-256, P-384 and P-521 (see <see cref="VerificationEngine"/>).</param>
    /// <returns>The cryptographic fact: valid, invalid, or unsupported here.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="engine"/> is not a defined value.</exception>
    public SignatureStatus CheckSignature(VerificationEngine engine) =>
        SignatureUnusedBits != 0 ? SignatureStatus.Invalid : SignatureVerifier.Verify(SignatureAlgorithm, PublicKey, RawInfo.Span, Signature.Span, engine);

    /// <summary>
    /// Whether the self-signature is valid and acceptable under <paramref name="policy"/> (default: MD5 and SHA-1
    /// refused). Never <see langword="true"/> for bytes that were not checked.
    /// </summary>
    /// <param name="policy">The policy, which also names the engine (<see cref="VerificationPolicy.Engine"/>);
    /// <see cref="VerificationPolicy.Default"/> when <see langword="null"/>.</param>
    /// <returns><see langword="true"/> only for a valid, acceptable signature.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The policy's engine is not a defined value.</exception>
    public bool VerifySignature(VerificationPolicy? policy = null)
    {
        VerificationPolicy p = policy ?? VerificationPolicy.Default;
        return p.Allows(SignatureAlgorithm) && CheckSignature(p.Engine) == SignatureStatus.Valid;
    }

    private CertificateExtension? FindExtension(ReadOnlySpan<byte> oid)
    {
        foreach (CertificateExtension e in Extensions)
        {
            if (e.RawOid.Span.SequenceEqual(oid))
            {
                return e;
            }
        }

        return null;
    }

    private RequestAttribute? FindAttribute(ReadOnlySpan<byte> oid)
    {
        foreach (RequestAttribute a in _attributes)
        {
            if (a.RawType.Span.SequenceEqual(oid))
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>Decodes a DER request. The request keeps <paramref name="der"/> (no copy): do not change it afterwards.</summary>
    /// <param name="der">The DER bytes: exactly one CertificationRequest.</param>
    /// <param name="options">Decoding options; <see cref="CertificationRequestDecoderOptions.Strict"/> when <see langword="null"/>.</param>
    /// <returns>The request.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed; <see cref="Pkcs10Exception.Code"/> and <see cref="Pkcs10Exception.Offset"/> say why and where.</exception>
    public static CertificationRequest Decode(ReadOnlyMemory<byte> der, CertificationRequestDecoderOptions? options = null)
    {
        options ??= CertificationRequestDecoderOptions.Strict;
        if (der.Length > options.MaxLength)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InputTooLarge, $"{der.Length} bytes is more than the {options.MaxLength} allowed", 0);
        }

        return DecodeCore(der, options);
    }

    /// <summary>Decodes a DER request over <paramref name="der"/> without copying it: do not change the array afterwards.</summary>
    /// <param name="der">The DER bytes: exactly one CertificationRequest.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="der"/> is <see langword="null"/>.</exception>
    /// <exception cref="Pkcs10Exception">The input is malformed.</exception>
    public static CertificationRequest Decode(byte[] der, CertificationRequestDecoderOptions? options = null)
    {
        // Without this overload an array would bind to the span overload (C# 14 first-class spans) and be copied.
        ArgumentNullException.ThrowIfNull(der);
        return Decode(new ReadOnlyMemory<byte>(der), options);
    }

    /// <summary>Decodes a DER request from a span; the bytes are copied into a buffer the request owns.</summary>
    /// <param name="der">The DER bytes.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>The request.</returns>
    /// <exception cref="Pkcs10Exception">The input is malformed.</exception>
    public static CertificationRequest Decode(ReadOnlySpan<byte> der, CertificationRequestDecoderOptions? options = null) =>
        Decode(new ReadOnlyMemory<byte>(der.ToArray()), options);

    /// <summary>Decodes a DER request without throwing on bad input.</summary>
    /// <param name="der">The DER bytes (kept, not copied).</param>
    /// <param name="request">The request when decoding succeeded.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> der, [NotNullWhen(true)] out CertificationRequest? request, CertificationRequestDecoderOptions? options = null) =>
        TryDecode(der, out request, out _, options);

    /// <summary>Decodes a DER request without throwing on bad input, reporting why it failed.</summary>
    /// <param name="der">The DER bytes (kept, not copied).</param>
    /// <param name="request">The request when decoding succeeded.</param>
    /// <param name="error">The error when decoding failed.</param>
    /// <param name="options">Decoding options.</param>
    /// <returns>Whether decoding succeeded.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> der, [NotNullWhen(true)] out CertificationRequest? request, [NotNullWhen(false)] out Pkcs10Exception? error,
        CertificationRequestDecoderOptions? options = null)
    {
        try
        {
            request = Decode(der, options);
            error = null;
            return true;
        }
        catch (Pkcs10Exception e)
        {
            request = null;
            error = e;
            return false;
        }
    }

    private static CertificationRequest DecodeCore(ReadOnlyMemory<byte> source, CertificationRequestDecoderOptions options)
    {
        // Strict decoding records nothing, so it shares one context; lenient decoding collects findings.
        DecodeContext context = options.AllowDeviations ? new DecodeContext(true) : DecodeContext.Strict;
        var reader = new DerReader(source.Span, 0, options.MaxDepth);
        DerReader outer = reader.ReadSequence();
        reader.ThrowIfNotEmpty();

        int infoStart = outer.Offset;
        DerReader info = outer.ReadSequence();
        int infoLength = outer.Offset - infoStart;

        // version INTEGER { v1(0) }: nearly always exactly 02 01 00.
        long version = 0;
        if (info.RemainingBytes is [0x02, 0x01, 0x00, ..])
        {
            info.Skip(3);
        }
        else
        {
            int versionOffset = info.Offset;
            version = info.ReadInt64(out _);
            if (version != 0)
            {
                CheckVersion(version, versionOffset, context);
            }
        }

        int subjectStart = info.Offset;
        DistinguishedName.Validate(ref info, context);
        int subjectLength = info.Offset - subjectStart;
        SubjectPublicKeyInfo.Layout spki = SubjectPublicKeyInfo.ReadLayout(ref info, 0, context);

        RequestAttribute[] attributes = [];
        ExtensionsLayout extensions = default;
        bool hasAttributes = info.IsNext((byte)0xA0); // [0] IMPLICIT SET OF, constructed
        if (hasAttributes)
        {
            ReadAttributes(ref info, source, options, context, out attributes, out extensions);
        }
        else
        {
            context.Deviation(Pkcs10ErrorCode.UnexpectedTag, "the [0] attributes field is missing (RFC 2986 §4.1 requires it, even when empty)", info.Offset);
        }

        info.ThrowIfNotEmpty();

        SignatureAlgorithmIdentifier.Layout algorithm = SignatureAlgorithmIdentifier.ReadLayout(ref outer, 0, context);
        ReadOnlySpan<byte> signature = outer.ReadBitString(out int unused);
        int signatureStart = outer.Offset - signature.Length;
        outer.ThrowIfNotEmpty();

        return new CertificationRequest(source, infoStart, infoLength, (int)version, subjectStart, subjectLength, spki, attributes, extensions, hasAttributes,
            algorithm, signatureStart, signature.Length, unused, context);
    }

    private static void ReadAttributes(ref DerReader info, ReadOnlyMemory<byte> source, CertificationRequestDecoderOptions options,
        DecodeContext context, out RequestAttribute[] attributes, out ExtensionsLayout extensions)
    {
        DerReader set = context.ReadSetOf(ref info, 0xA0);
        List<RequestAttribute>? list = null;
        extensions = default;
        bool sawExtensionRequest = false, sawChallenge = false;
        int count = 0;
        while (set.HasData)
        {
            int attributeOffset = set.Offset;
            if (++count > options.MaxItems)
            {
                ThrowTooMany(options.MaxItems, "attributes", attributeOffset);
            }

            DerReader attribute = set.ReadSequence(0x30);
            ReadOnlySpan<byte> type = attribute.ReadObjectIdentifier();
            int typeStart = attribute.Offset - type.Length;
            int valuesOffset = attribute.Offset;
            DerReader values = context.ReadSetOf(ref attribute);
            attribute.ThrowIfNotEmpty();

            // Nearly every attribute has exactly one value: keep it in a local, a list only for the rest.
            int valueCount = 0, firstAt = 0, firstLength = 0;
            List<ReadOnlyMemory<byte>>? moreValues = null;
            while (values.HasData)
            {
                int at = values.Offset;
                int length = values.ReadEncodedValue().Length;
                if (valueCount++ == 0)
                {
                    (firstAt, firstLength) = (at, length);
                }
                else
                {
                    (moreValues ??= []).Add(source.Slice(at, length));
                }
            }

            if (valueCount == 0)
            {
                NoAttributeValues(type, valuesOffset, context);
            }

            if (type.SequenceEqual(Oids.ExtensionRequest))
            {
                if (sawExtensionRequest)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.DuplicateAttribute, "more than one extensionRequest attribute", attributeOffset);
                }

                sawExtensionRequest = true;
                if (valueCount > 1)
                {
                    context.Deviation(Pkcs10ErrorCode.InvalidAttribute, "extensionRequest must have exactly one value (PKCS#9 SINGLE VALUE)", valuesOffset);
                }

                if (valueCount > 0)
                {
                    extensions = ReadExtensions(source.Span.Slice(firstAt, firstLength), firstAt, options, context);
                }

                continue;
            }

            ReadOtherAttribute(ref list, ref sawChallenge, type, source.Slice(typeStart, type.Length), valueCount, source.Slice(firstAt, firstLength), moreValues, attributeOffset, valuesOffset, context);
        }

        attributes = list is null ? [] : [.. list];
    }

    // Attributes other than extensionRequest (rare in practice): kept out of the main loop's frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ReadOtherAttribute(ref List<RequestAttribute>? list, ref bool sawChallenge, ReadOnlySpan<byte> type, ReadOnlyMemory<byte> rawType,
        int valueCount, ReadOnlyMemory<byte> firstValue, List<ReadOnlyMemory<byte>>? moreValues, int attributeOffset, int valuesOffset, DecodeContext context)
    {
        ReadOnlyMemory<byte>[] valueList = valueCount == 0 ? [] : moreValues is null ? [firstValue] : [firstValue, .. moreValues];

        if (type.SequenceEqual(Oids.ChallengePassword))
        {
            if (sawChallenge)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.DuplicateAttribute, "more than one challengePassword attribute", attributeOffset);
            }

            sawChallenge = true;
            CheckDirectoryStringValues(valueList, "challengePassword", valuesOffset, single: true, context);
        }
        else if (type.SequenceEqual(Oids.UnstructuredName))
        {
            CheckDirectoryStringValues(valueList, "unstructuredName", valuesOffset, single: false, context);
        }

        (list ??= []).Add(new RequestAttribute(rawType, valueList, attributeOffset));
    }

    // PKCS#9 (RFC 2985 §5.4.1, §5.4.2): challengePassword is a single DirectoryString;
    // unstructuredName is a PKCS9String (IA5String or DirectoryString).
    private static void CheckDirectoryStringValues(ReadOnlyMemory<byte>[] values, string name, int offset, bool single, DecodeContext context)
    {
        if (single && values.Length > 1)
        {
            context.Deviation(Pkcs10ErrorCode.InvalidAttribute, $"{name} must have exactly one value (RFC 2985 SINGLE VALUE)", offset);
        }

        foreach (ReadOnlyMemory<byte> value in values)
        {
            var reader = new DerReader(value.Span, offset);
            Asn1Tag tag = reader.PeekTag();
            if (tag.TagClass != TagClass.Universal || tag.IsConstructed ||
                (UniversalTagNumber)tag.TagValue is not (UniversalTagNumber.Utf8String or UniversalTagNumber.PrintableString or
                    UniversalTagNumber.TeletexString or UniversalTagNumber.UniversalString or UniversalTagNumber.BmpString or UniversalTagNumber.IA5String))
            {
                context.Deviation(Pkcs10ErrorCode.InvalidAttribute, $"{name} value {tag} is not a DirectoryString (RFC 2985 §5.4)", offset);
                continue;
            }

            reader.ReadCharacterString(out _);
        }
    }

    // The extensionRequest value: Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension, validated by the shared reader.
    private static ExtensionsLayout ReadExtensions(ReadOnlySpan<byte> value, int baseOffset, CertificationRequestDecoderOptions options, DecodeContext context) =>
        ExtensionList.Read(value, baseOffset, options.MaxDepth, options.MaxItems, context, "extensionRequest holds no extensions (SEQUENCE SIZE (1..MAX))");

    // The key and algorithm layouts again, from the bytes Decode validated: the same reads give the same answers. A
    // lenient decode's findings were recorded the first time, so the repeat collects into a context of its own.
    private SubjectPublicKeyInfo.Layout ReadPublicKeyLayout()
    {
        var reader = new DerReader(RawData.Span.Slice(_publicKeyStart, _publicKeyLength), _publicKeyStart);
        return SubjectPublicKeyInfo.ReadLayout(ref reader, 0, RereadContext());
    }

    private SignatureAlgorithmIdentifier.Layout ReadAlgorithmLayout()
    {
        var reader = new DerReader(RawData.Span.Slice(_algorithmStart, _algorithmLength), _algorithmStart);
        return SignatureAlgorithmIdentifier.ReadLayout(ref reader, 0, RereadContext());
    }

    private DecodeContext RereadContext() => _context.Lenient ? new DecodeContext(true) : DecodeContext.Strict;

    private CertificateExtension[] MaterialiseExtensions() =>
        ExtensionList.Materialise(RawData, new ExtensionsLayout(_extensionsStart, _extensionsLength, _extensionCount));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckVersion(long version, int offset, DecodeContext context)
    {
        if (version is < 0 or > 2)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.UnsupportedVersion, $"version {version} is not v1 (0), the only version RFC 2986 defines", offset);
        }

        context.Deviation(Pkcs10ErrorCode.UnsupportedVersion, $"version {version} is not v1 (0), the only version RFC 2986 defines", offset);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void NoAttributeValues(ReadOnlySpan<byte> type, int offset, DecodeContext context) =>
        context.Deviation(Pkcs10ErrorCode.InvalidAttribute, $"attribute {ObjectIdentifier.ToDotted(type)} has no values (SET SIZE(1..MAX), RFC 2986 §4.1)", offset);

    [DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowTooMany(int max, string what, int offset) =>
        ThrowHelper.Throw(Pkcs10ErrorCode.MaxElementsExceeded, $"more than {max} {what}", offset);
}
