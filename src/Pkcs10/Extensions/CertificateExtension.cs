using Pkcs10.Asn1;

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

    /// <summary>The extnID content octets.</summary>
    public ReadOnlyMemory<byte> RawOid => _source.Slice(_oidStart, _oidLength);

    /// <summary>The extnID as dotted text.</summary>
    public string Oid => ObjectIdentifier.ToDotted(RawOid.Span);

    /// <summary>The critical flag.</summary>
    public bool Critical { get; }

    /// <summary>The extnValue OCTET STRING content: the DER of the extension's own value.</summary>
    public ReadOnlyMemory<byte> Value => _source.Slice(ValueOffset, _valueLength);

    /// <summary>The byte offset of the Extension in the request's DER.</summary>
    public int Offset { get; }

    /// <summary>The byte offset of <see cref="Value"/> in the request's DER.</summary>
    internal int ValueOffset { get; }

    internal int OidStart => _oidStart;

    internal int OidLength => _oidLength;
}
