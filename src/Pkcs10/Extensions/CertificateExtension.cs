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
    internal CertificateExtension(ReadOnlyMemory<byte> rawOid, bool critical, ReadOnlyMemory<byte> value, int offset, int valueOffset)
    {
        ValueOffset = valueOffset;
        RawOid = rawOid;
        Critical = critical;
        Value = value;
        Offset = offset;
    }

    /// <summary>The extnID content octets.</summary>
    public ReadOnlyMemory<byte> RawOid { get; }

    /// <summary>The extnID as dotted text.</summary>
    public string Oid => ObjectIdentifier.ToDotted(RawOid.Span);

    /// <summary>The critical flag.</summary>
    public bool Critical { get; }

    /// <summary>The extnValue OCTET STRING content: the DER of the extension's own value.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>The byte offset of the Extension in the request's DER.</summary>
    public int Offset { get; }

    /// <summary>The byte offset of <see cref="Value"/> in the request's DER.</summary>
    internal int ValueOffset { get; }
}
