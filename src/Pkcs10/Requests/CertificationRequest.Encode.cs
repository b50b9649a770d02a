using System.Buffers;
using Pkcs10.Asn1;
using Pkcs10.Extensions;
using Pkcs10.Internal;

namespace Pkcs10.Requests;

public sealed partial class CertificationRequest
{
    /// <summary>
    /// Re-encodes the request from its decoded parts (version, subject, key, attributes, extensions, signature
    /// algorithm and value) as canonical DER. For every request that decoded strictly this equals
    /// <see cref="RawData"/>; after lenient decoding the deviations are canonicalised, so the result may differ
    /// and its signature may no longer verify.
    /// </summary>
    /// <returns>The DER.</returns>
    public byte[] Encode()
    {
        using DerWriter writer = new(RawData.Length + 16);
        Write(writer);
        return writer.Encode();
    }

    /// <summary>Re-encodes the request into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <returns><see langword="false"/> when the buffer is too small.</returns>
    public bool TryEncode(Span<byte> destination, out int bytesWritten)
    {
        using DerWriter writer = new(RawData.Length + 16);
        Write(writer);
        return writer.TryEncode(destination, out bytesWritten);
    }

    /// <summary>Re-encodes the request to <paramref name="output"/>.</summary>
    /// <param name="output">The destination.</param>
    /// <returns>The number of bytes written.</returns>
    public int Encode(IBufferWriter<byte> output)
    {
        using DerWriter writer = new(RawData.Length + 16);
        Write(writer);
        return writer.Encode(output);
    }

    private void Write(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(Version);
                writer.WriteEncodedValue(Subject.RawData.Span);
                writer.WriteEncodedValue(PublicKey.RawData.Span);
                // Always written: RFC 2986 requires [0] even when empty (lenient input may have lacked it).
                WriteAttributes(writer);
            }

            writer.WriteEncodedValue(SignatureAlgorithm.RawData.Span);
            writer.WriteBitString(Signature.Span, SignatureUnusedBits);
        }
    }

    private void WriteAttributes(DerWriter writer)
    {
        using (writer.PushSetOf(Asn1Tag.Context(0, isConstructed: true)))
        {
            if (_extensionCount > 0)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Oids.ExtensionRequest);
                    using (writer.PushSetOf())
                    using (writer.PushSequence())
                    {
                        foreach (CertificateExtension e in Extensions)
                        {
                            using (writer.PushSequence())
                            {
                                writer.WriteObjectIdentifier(e.RawOid.Span);
                                if (e.Critical)
                                {
                                    writer.WriteBoolean(true);
                                }

                                writer.WriteOctetString(e.Value.Span);
                            }
                        }
                    }
                }
            }

            foreach (RequestAttribute a in _attributes)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(a.RawType.Span);
                    using (writer.PushSetOf())
                    {
                        foreach (ReadOnlyMemory<byte> v in a.Values)
                        {
                            writer.WriteEncodedValue(v.Span);
                        }
                    }
                }
            }
        }
    }
}
