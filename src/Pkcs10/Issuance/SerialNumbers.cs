using System.Security.Cryptography;

namespace Pkcs10.Issuance;

/// <summary>Serial numbers for issued certificates (RFC 5280 §4.1.2.2).</summary>
internal static class SerialNumbers
{
    /// <summary>The octets of a random serial: 127 random bits, well above the 64 CA/B BR §7.1 requires.</summary>
    public const int RandomLength = 16;

    /// <summary>The most content octets a serial's INTEGER may have (RFC 5280 §4.1.2.2).</summary>
    public const int MaxOctets = 20;

    /// <summary>
    /// 16 random octets from <see cref="RandomNumberGenerator"/> with the top bit cleared (so the INTEGER is positive
    /// without a sign octet) and a non-zero first octet (so it is DER-minimal and always 16 octets long).
    /// </summary>
    public static byte[] CreateRandom()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(RandomLength);
        serial[0] &= 0x7F;
        if (serial[0] == 0)
        {
            // One value in 128 would start with 0x00; 0x01 keeps the length fixed at the cost of a negligible bias.
            serial[0] = 0x01;
        }

        return serial;
    }

    /// <summary>Checks a caller-given serial and returns its minimal magnitude.</summary>
    public static byte[] Validate(ReadOnlySpan<byte> magnitude, string paramName)
    {
        ReadOnlySpan<byte> m = magnitude.TrimStart((byte)0);
        int encodedLength = m.IsEmpty ? 0 : m.Length + ((m[0] & 0x80) != 0 ? 1 : 0);
        if (m.IsEmpty || encodedLength > MaxOctets)
        {
            throw new ArgumentException("a serial number is a positive integer whose DER content is at most 20 octets (RFC 5280 §4.1.2.2)", paramName);
        }

        return m.ToArray();
    }
}
