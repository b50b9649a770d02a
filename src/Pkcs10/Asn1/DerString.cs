using System.Text;

namespace Pkcs10.Asn1;

/// <summary>Decoding of the ASN.1 character string types to .NET strings.</summary>
public static class DerString
{
    /// <summary>Whether <paramref name="type"/> is one of the character string types this library decodes.</summary>
    /// <param name="type">A universal tag number.</param>
    /// <returns><see langword="true"/> for the directory string types and their relatives.</returns>
    public static bool IsCharacterStringType(UniversalTagNumber type) => type is
        UniversalTagNumber.Utf8String or UniversalTagNumber.NumericString or UniversalTagNumber.PrintableString or
        UniversalTagNumber.TeletexString or UniversalTagNumber.VideotexString or UniversalTagNumber.IA5String or
        UniversalTagNumber.GraphicString or UniversalTagNumber.VisibleString or UniversalTagNumber.GeneralString or
        UniversalTagNumber.UniversalString or UniversalTagNumber.BmpString;

    // Bit n set for each universal tag number n that IsCharacterStringType accepts (12, 18-22, 25-28, 30).
    private const uint CharacterStringMask =
        (1u << 12) | (1u << 18) | (1u << 19) | (1u << 20) | (1u << 21) | (1u << 22) |
        (1u << 25) | (1u << 26) | (1u << 27) | (1u << 28) | (1u << 30);

    /// <summary><see cref="IsCharacterStringType"/> for a low tag number (0-30).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsCharacterStringNumber(int lowTagNumber) => ((CharacterStringMask >> (lowTagNumber & 0x1F)) & 1) != 0;

    /// <summary>
    /// Decodes validated content octets of a character string: UTF-8, UCS-2 big-endian, UCS-4 big-endian,
    /// TeletexString and the other 8-bit types as Latin-1 (the common practice; full T.61 is not implemented),
    /// the ASCII subsets as ASCII.
    /// </summary>
    /// <param name="type">The string type.</param>
    /// <param name="content">The content octets, as returned by <see cref="DerReader.ReadCharacterString(out UniversalTagNumber)"/>.</param>
    /// <returns>The text.</returns>
    public static string Decode(UniversalTagNumber type, ReadOnlySpan<byte> content) => type switch
    {
        UniversalTagNumber.Utf8String => Encoding.UTF8.GetString(content),
        UniversalTagNumber.BmpString => Encoding.BigEndianUnicode.GetString(content),
        UniversalTagNumber.UniversalString => DecodeUcs4(content),
        UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String or UniversalTagNumber.NumericString or
        UniversalTagNumber.VisibleString => Encoding.ASCII.GetString(content),
        _ => Encoding.Latin1.GetString(content),
    };

    private static string DecodeUcs4(ReadOnlySpan<byte> content)
    {
        var sb = new StringBuilder(content.Length / 4);
        for (int i = 0; i + 3 < content.Length; i += 4)
        {
            int cp = (content[i] << 24) | (content[i + 1] << 16) | (content[i + 2] << 8) | content[i + 3];
            sb.Append(char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }
}
