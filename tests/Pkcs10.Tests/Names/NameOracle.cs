using Pkcs10.Asn1;
using Pkcs10.Names;
using Bcl = System.Formats.Asn1;

namespace Pkcs10.Tests.Names;

/// <summary>One attribute for the oracle: a dotted OID and either a string of a type, or an encoded value.</summary>
internal sealed record OracleAttribute(string Oid, UniversalTagNumber Type, string? Value, byte[]? Encoded = null)
{
    public static OracleAttribute Utf8(string oid, string value) => new(oid, UniversalTagNumber.Utf8String, value);

    public static OracleAttribute Printable(string oid, string value) => new(oid, UniversalTagNumber.PrintableString, value);

    public static OracleAttribute IA5(string oid, string value) => new(oid, UniversalTagNumber.IA5String, value);

    public static OracleAttribute Raw(string oid, string hex) => new(oid, default, null, Convert.FromHexString(hex));
}

/// <summary>Names written by System.Formats.Asn1's <c>AsnWriter</c>: the independent oracle for our DER.</summary>
internal static class NameOracle
{
    public const string CN = "2.5.4.3";
    public const string C = "2.5.4.6";
    public const string O = "2.5.4.10";
    public const string OU = "2.5.4.11";
    public const string L = "2.5.4.7";
    public const string ST = "2.5.4.8";
    public const string SerialNumber = "2.5.4.5";
    public const string DnQualifier = "2.5.4.46";
    public const string DC = "0.9.2342.19200300.100.1.25";
    public const string UID = "0.9.2342.19200300.100.1.1";
    public const string Email = "1.2.840.113549.1.9.1";

    /// <summary>The DER of a Name whose RDNs are given in encoded order (the reverse of RFC 4514 text).</summary>
    public static byte[] Name(params OracleAttribute[][] rdnsInEncodedOrder)
    {
        var writer = new Bcl.AsnWriter(Bcl.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (OracleAttribute[] rdn in rdnsInEncodedOrder)
            {
                using (writer.PushSetOf())
                {
                    foreach (OracleAttribute a in rdn)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(a.Oid);
                            if (a.Encoded is not null)
                            {
                                writer.WriteEncodedValue(a.Encoded);
                            }
                            else
                            {
                                writer.WriteCharacterString((Bcl.UniversalTagNumber)(int)a.Type, a.Value!);
                            }
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>A single-RDN-per-attribute name, attributes in encoded order.</summary>
    public static byte[] Simple(params OracleAttribute[] attributesInEncodedOrder) => Name([.. attributesInEncodedOrder.Select(a => new[] { a })]);

    public static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexString(bytes.Span);

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>Asserts that <paramref name="name"/>'s DER equals the oracle's.</summary>
    public static void AssertDer(byte[] expected, DistinguishedName name) => Assert.Equal(Hex(expected), Hex(name.RawData));
}
