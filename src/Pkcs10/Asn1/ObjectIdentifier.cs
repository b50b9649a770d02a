using System.Globalization;
using System.Text;
using Pkcs10.Internal;

namespace Pkcs10.Asn1;

/// <summary>Conversions between OBJECT IDENTIFIER content octets and dotted text (X.690 §8.19).</summary>
public static class ObjectIdentifier
{
    /// <summary>Formats validated OID content octets as dotted text, e.g. "2.5.4.3".</summary>
    /// <param name="content">The content octets.</param>
    /// <returns>The dotted text.</returns>
    /// <exception cref="Pkcs10Exception">The content is not a valid OID encoding.</exception>
    public static string ToDotted(ReadOnlySpan<byte> content)
    {
        DerRules.CheckObjectIdentifier(content, 0);
        var sb = new StringBuilder(content.Length * 3);
        bool first = true;
        UInt128 arc = 0;
        foreach (byte b in content)
        {
            arc = (arc << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) != 0)
            {
                continue;
            }

            if (first)
            {
                // X.690 §8.19.4: the first subidentifier is 40 * arc1 + arc2, arc1 in 0..2.
                UInt128 a1 = arc < 40 ? 0u : arc < 80 ? 1u : 2u;
                sb.Append(a1.ToString(CultureInfo.InvariantCulture)).Append('.').Append((arc - (a1 * 40)).ToString(CultureInfo.InvariantCulture));
                first = false;
            }
            else
            {
                sb.Append('.').Append(arc.ToString(CultureInfo.InvariantCulture));
            }

            arc = 0;
        }

        return sb.ToString();
    }

    /// <summary>Encodes dotted text as OID content octets.</summary>
    /// <param name="dotted">The dotted text, at least two arcs, first arc 0–2 (second below 40 when the first is 0 or 1).</param>
    /// <returns>The content octets.</returns>
    /// <exception cref="ArgumentException">The text is not a valid OID.</exception>
    public static byte[] Encode(string dotted)
    {
        if (!TryEncode(dotted, out byte[]? encoded))
        {
            throw new ArgumentException($"'{dotted}' is not a valid dotted OBJECT IDENTIFIER.", nameof(dotted));
        }

        return encoded;
    }

    /// <summary>Encodes dotted text as OID content octets.</summary>
    /// <param name="dotted">The dotted text.</param>
    /// <param name="encoded">The content octets when valid.</param>
    /// <returns>Whether the text was a valid OID.</returns>
    public static bool TryEncode(string? dotted, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? encoded)
    {
        encoded = null;
        if (string.IsNullOrEmpty(dotted))
        {
            return false;
        }

        string[] parts = dotted.Split('.');
        if (parts.Length < 2)
        {
            return false;
        }

        var arcs = new UInt128[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i];
            if (p.Length == 0 || (p.Length > 1 && p[0] == '0') || !p.All(char.IsAsciiDigit) ||
                !UInt128.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out arcs[i]))
            {
                return false;
            }
        }

        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40))
        {
            return false;
        }

        var bytes = new List<byte>(parts.Length * 2);
        UInt128 firstArc = arcs[1];
        if (firstArc > UInt128.MaxValue - 80)
        {
            return false;
        }

        AppendBase128(bytes, (arcs[0] * 40) + firstArc);
        for (int i = 2; i < arcs.Length; i++)
        {
            AppendBase128(bytes, arcs[i]);
        }

        encoded = [.. bytes];
        return true;
    }

    /// <summary>Formats OID content octets, or a "#"-hex fallback when they are malformed (for messages).</summary>
    /// <param name="content">The content octets.</param>
    /// <returns>Dotted text or hex.</returns>
    internal static string ToDisplay(ReadOnlySpan<byte> content)
    {
        try
        {
            return ToDotted(content);
        }
        catch (Pkcs10Exception)
        {
            return "#" + Convert.ToHexStringLower(content);
        }
    }

    private static void AppendBase128(List<byte> bytes, UInt128 value)
    {
        Span<byte> tmp = stackalloc byte[19];
        int n = 0;
        do
        {
            tmp[n++] = (byte)(value & 0x7F);
            value >>= 7;
        }
        while (value != 0);

        for (int i = n - 1; i >= 0; i--)
        {
            bytes.Add(i > 0 ? (byte)(tmp[i] | 0x80) : tmp[i]);
        }
    }
}
