using Pkcs10.Asn1;
using Pkcs10.Internal;

namespace Pkcs10.Extensions;

/// <summary>One extension (RFC 5280 §4.1), kept raw; typed views are in <see cref="ExtensionDecoder"/>.</summary>
/// <remarks>
/// <code>
/// Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
/// </code>
/// </remarks>
public sealed class CertificateExtension
{
    // One source buffer and int offsets instead of two slices.
    private readonly ReadOnlyMemory<byte> _source;
    private readonly int _oidStart, _oidLength, _valueLength;

    internal CertificateExtension(ReadOnlyMemory<byte> source, int oidStart, int oidLength, bool critical, int valueLength, int offset, int valueOffset)
    {
        _source = source;
        _oidStart = oidStart;
        _oidLength = oidLength;
        _valueLength = valueLength;
        ValueOffset = valueOffset;
        Critical = critical;
        Offset = offset;
    }

    /// <summary>Creates an extension to put in a request, from its dotted OID.</summary>
    /// <param name="oid">The extnID as dotted text, for example "2.5.29.17".</param>
    /// <param name="critical">The critical flag.</param>
    /// <param name="value">The extnValue content: the DER of the extension's value (copied).</param>
    /// <remarks>
    /// The value of an extension this library understands (subjectAltName, issuerAltName, keyUsage, extKeyUsage,
    /// basicConstraints, subjectKeyIdentifier, authorityKeyIdentifier, nameConstraints, cRLDistributionPoints,
    /// authorityInfoAccess, certificatePolicies, policyMappings, policyConstraints, inhibitAnyPolicy) is checked as
    /// strictly as the decoder checks it; any other value is kept as given.
    /// <see cref="Offset"/> is -1 for an extension created this way.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="oid"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="oid"/> is not a valid OID, or the value of a known extension does not decode.</exception>
    public CertificateExtension(string oid, bool critical, ReadOnlyMemory<byte> value)
        : this(EncodeOid(oid), critical, value)
    {
    }

    /// <summary>Creates an extension to put in a request, from the OID's content octets.</summary>
    /// <param name="oid">The extnID content octets (as <see cref="RawOid"/> holds them; copied).</param>
    /// <param name="critical">The critical flag.</param>
    /// <param name="value">The extnValue content: the DER of the extension's value (copied).</param>
    /// <remarks>See <see cref="CertificateExtension(string, bool, ReadOnlyMemory{byte})"/>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="oid"/> is not a valid OID encoding, or the value of a known extension does not decode.</exception>
    public CertificateExtension(ReadOnlySpan<byte> oid, bool critical, ReadOnlyMemory<byte> value)
    {
        try
        {
            DerRules.CheckObjectIdentifier(oid, 0);
        }
        catch (Pkcs10Exception e)
        {
            throw new ArgumentException($"Not a valid extension OID: {e.Message}", nameof(oid), e);
        }

        try
        {
            ExtensionDecoder.Validate(oid, value.Span, 0, DecodeContext.Strict);
        }
        catch (Pkcs10Exception e)
        {
            throw new ArgumentException($"Not a valid {ObjectIdentifier.ToDisplay(oid)} extension value: {e.Message}", nameof(value), e);
        }

        // One owned buffer: the OID content, then the value.
        byte[] source = new byte[oid.Length + value.Length];
        oid.CopyTo(source);
        value.Span.CopyTo(source.AsSpan(oid.Length));
        _source = source;
        _oidStart = 0;
        _oidLength = oid.Length;
        _valueLength = value.Length;
        ValueOffset = oid.Length;
        Critical = critical;
        Offset = -1;
    }

    /// <summary>The extnID content octets.</summary>
    public ReadOnlyMemory<byte> RawOid => _source.Slice(_oidStart, _oidLength);

    /// <summary>The extnID as dotted text.</summary>
    public string Oid => ObjectIdentifier.ToDotted(RawOid.Span);

    /// <summary>The critical flag.</summary>
    public bool Critical { get; }

    /// <summary>The extnValue OCTET STRING content: the DER of the extension's own value.</summary>
    public ReadOnlyMemory<byte> Value => _source.Slice(ValueOffset, _valueLength);

    /// <summary>The byte offset of the Extension in the request's DER, or -1 for an extension created with a constructor.</summary>
    public int Offset { get; }

    /// <summary>The byte offset of <see cref="Value"/> in the request's DER (in the extension's own buffer when created with a constructor).</summary>
    internal int ValueOffset { get; }

    internal int OidStart => _oidStart;

    internal int OidLength => _oidLength;

    private static byte[] EncodeOid(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        return ObjectIdentifier.TryEncode(oid, out byte[]? encoded)
            ? encoded
            : throw new ArgumentException($"'{oid}' is not a valid dotted OBJECT IDENTIFIER.", nameof(oid));
    }
}
