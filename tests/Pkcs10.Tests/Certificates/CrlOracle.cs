using System.Formats.Asn1;
using System.Numerics;

namespace Pkcs10.Tests.Certificates;

/// <summary>A CRL read with System.Formats.Asn1 (DER rules), as the oracle for the differential tests.</summary>
internal sealed record CrlOracle(int Version, byte[] Issuer, DateTimeOffset ThisUpdate, DateTimeOffset? NextUpdate,
    IReadOnlyList<(byte[] Serial, DateTimeOffset Date, string[] ExtensionOids)> Entries, string[] ExtensionOids, byte[]? CrlNumber, byte[] Signature)
{
    public static CrlOracle Read(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        AsnReader tbs = outer.ReadSequence();
        int version = 1;
        if (tbs.PeekTag() == Asn1Tag.Integer)
        {
            version = (int)tbs.ReadInteger() + 1;
        }

        tbs.ReadSequence(); // signature
        byte[] issuer = tbs.ReadEncodedValue().ToArray();
        DateTimeOffset thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && (tbs.PeekTag() == Asn1Tag.UtcTime || tbs.PeekTag() == Asn1Tag.GeneralizedTime) ? ReadTime(tbs) : null;
        var entries = new List<(byte[], DateTimeOffset, string[])>();
        if (tbs.HasData && tbs.PeekTag() == Asn1Tag.Sequence)
        {
            AsnReader list = tbs.ReadSequence();
            while (list.HasData)
            {
                AsnReader entry = list.ReadSequence();
                byte[] serial = entry.ReadIntegerBytes().ToArray();
                DateTimeOffset date = ReadTime(entry);
                string[] oids = entry.HasData ? ReadExtensionOids(entry, out _) : [];
                entries.Add((serial, date, oids));
            }
        }

        string[] extensions = [];
        byte[]? crlNumber = null;
        if (tbs.HasData)
        {
            AsnReader explicitExtensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
            extensions = ReadExtensionOids(explicitExtensions, out crlNumber);
        }

        tbs.ThrowIfNotEmpty();
        outer.ReadSequence();
        byte[] signature = outer.ReadBitString(out _);
        return new CrlOracle(version, issuer, thisUpdate, nextUpdate, entries, extensions, crlNumber, signature);
    }

    private static string[] ReadExtensionOids(AsnReader reader, out byte[]? crlNumber)
    {
        crlNumber = null;
        var oids = new List<string>();
        AsnReader seq = reader.ReadSequence();
        while (seq.HasData)
        {
            AsnReader ext = seq.ReadSequence();
            string oid = ext.ReadObjectIdentifier();
            if (ext.PeekTag() == Asn1Tag.Boolean)
            {
                ext.ReadBoolean();
            }

            byte[] value = ext.ReadOctetString();
            if (oid == "2.5.29.20")
            {
                crlNumber = new AsnReader(value, AsnEncodingRules.DER).ReadIntegerBytes().ToArray();
            }

            oids.Add(oid);
        }

        return [.. oids];
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag() == Asn1Tag.UtcTime ? reader.ReadUtcTime(2049) : reader.ReadGeneralizedTime();

    public static BigInteger ToBigInteger(ReadOnlySpan<byte> content) => new(content, isUnsigned: false, isBigEndian: true);
}
