using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Pkcs10.Tests.Certificates;

/// <summary>
/// A test-only certificate writer (System.Formats.Asn1) with switches that corrupt one field at a time, signed with
/// a fixed P-256 key so that an unmodified build verifies. Fields are written raw (as DER the caller gives) where a
/// test needs to put a defect there.
/// </summary>
internal sealed class TestCertificateBuilder
{
    private static readonly Lazy<ECDsa> s_key = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));

    // ecdsa-with-SHA256 and ecdsa-with-SHA384, without parameters (RFC 5758 §3.2).
    public static readonly byte[] EcdsaSha256 = Convert.FromHexString("300A06082A8648CE3D040302");
    public static readonly byte[] EcdsaSha384 = Convert.FromHexString("300A06082A8648CE3D040303");

    public static ECDsa Key => s_key.Value;

    /// <summary>The version field's DER ([0] EXPLICIT INTEGER), or null to omit it (v1).</summary>
    public byte[]? VersionField { get; set; } = Convert.FromHexString("A003020102");

    public byte[] Serial { get; set; } = [0x01, 0x23];

    public byte[] InnerAlgorithm { get; set; } = EcdsaSha256;

    public byte[] OuterAlgorithm { get; set; } = EcdsaSha256;

    public byte[] NotBefore { get; set; } = Time("250101000000Z", UniversalTagNumber.UtcTime);

    public byte[] NotAfter { get; set; } = Time("20550101000000Z", UniversalTagNumber.GeneralizedTime);

    public string Subject { get; set; } = "CN=Test";

    public string Issuer { get; set; } = "CN=Test";

    public byte[]? IssuerUniqueId { get; set; }

    public byte[]? SubjectUniqueId { get; set; }

    /// <summary>Each extension's whole DER (SEQUENCE { OID, [BOOLEAN], OCTET STRING }); null omits the [3] field.</summary>
    public List<byte[]>? Extensions { get; set; } = [Extension("2.5.29.19", true, Convert.FromHexString("30030101FF"))];

    public byte[] Trailing { get; set; } = [];

    public static byte[] Time(string text, UniversalTagNumber type)
    {
        byte[] content = System.Text.Encoding.ASCII.GetBytes(text);
        return [(byte)type, (byte)content.Length, .. content];
    }

    public static byte[] Extension(string oid, bool? critical, byte[] value)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
            if (critical is bool c)
            {
                w.WriteBoolean(c);
            }

            w.WriteOctetString(value);
        }

        return w.Encode();
    }

    public byte[] BuildTbs()
    {
        var w = new AsnWriter(AsnEncodingRules.BER);
        using (w.PushSequence())
        {
            if (VersionField is not null)
            {
                w.WriteEncodedValue(VersionField);
            }

            w.WriteInteger(1); // a placeholder: ReplaceSerial writes the exact octets
            w.WriteEncodedValue(InnerAlgorithm);
            w.WriteEncodedValue(new System.Security.Cryptography.X509Certificates.X500DistinguishedName(Issuer).RawData);
            using (w.PushSequence())
            {
                w.WriteEncodedValue(NotBefore);
                w.WriteEncodedValue(NotAfter);
            }

            w.WriteEncodedValue(new System.Security.Cryptography.X509Certificates.X500DistinguishedName(Subject).RawData);
            w.WriteEncodedValue(Key.ExportSubjectPublicKeyInfo());
            if (IssuerUniqueId is not null)
            {
                w.WriteBitString(IssuerUniqueId, 0, new Asn1Tag(TagClass.ContextSpecific, 1));
            }

            if (SubjectUniqueId is not null)
            {
                w.WriteBitString(SubjectUniqueId, 0, new Asn1Tag(TagClass.ContextSpecific, 2));
            }

            if (Extensions is not null)
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 3, true)))
                using (w.PushSequence())
                {
                    foreach (byte[] e in Extensions)
                    {
                        w.WriteEncodedValue(e);
                    }
                }
            }
        }

        byte[] tbs = w.Encode();

        // Replace the serial with the exact content octets the test asked for (AsnWriter would normalise them).
        return ReplaceSerial(tbs);
    }

    public byte[] Build()
    {
        byte[] tbs = BuildTbs();
        byte[] signature = Key.SignData(tbs, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteEncodedValue(tbs);
            w.WriteEncodedValue(OuterAlgorithm);
            w.WriteBitString(signature);
        }

        return [.. w.Encode(), .. Trailing];
    }

    private byte[] ReplaceSerial(byte[] tbs)
    {
        var reader = new AsnReader(tbs, AsnEncodingRules.BER).ReadSequence();
        if (VersionField is not null)
        {
            reader.ReadEncodedValue();
        }

        ReadOnlyMemory<byte> old = reader.ReadEncodedValue();
        int at = OffsetIn(tbs, old);
        byte[] serial = [0x02, (byte)Serial.Length, .. Serial];
        byte[] content = [.. tbs.AsSpan(0, at), .. serial, .. tbs.AsSpan(at + old.Length)];

        // Re-frame the TBS SEQUENCE around the new content.
        int headerLength = HeaderLength(tbs);
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteEncodedValue(Frame(0x30, content.AsSpan(headerLength)));
        return w.Encode();
    }

    public static byte[] Frame(byte tag, ReadOnlySpan<byte> content)
    {
        int n = content.Length;
        byte[] header = n < 0x80 ? [tag, (byte)n] : n < 0x100 ? [tag, 0x81, (byte)n] : [tag, 0x82, (byte)(n >> 8), (byte)n];
        return [.. header, .. content];
    }

    private static int HeaderLength(byte[] der) => der[1] < 0x80 ? 2 : 2 + (der[1] & 0x7F);

    /// <summary>The offset of <paramref name="slice"/> (a slice of <paramref name="array"/>) in the array.</summary>
    public static int OffsetIn(byte[] array, ReadOnlyMemory<byte> slice)
    {
        Assert.True(MemoryMarshal.TryGetArray(slice, out ArraySegment<byte> segment) && ReferenceEquals(segment.Array, array));
        return segment.Offset;
    }
}
