using Pkcs10.Asn1;

namespace Pkcs10.Signatures;

/// <summary>Converts (EC)DSA signatures between IEEE P1363 (fixed-size r‖s) and the DER Dss-Sig-Value / Ecdsa-Sig-Value.</summary>
internal static class DsaSignatureConverter
{
    /// <summary>r‖s, each half the input, to <c>SEQUENCE { r INTEGER, s INTEGER }</c> (RFC 3279 §2.2.2–2.2.3).</summary>
    /// <exception cref="ArgumentException">The input is empty or of odd length.</exception>
    public static byte[] P1363ToDer(ReadOnlySpan<byte> signature)
    {
        if (signature.IsEmpty || signature.Length % 2 != 0)
        {
            throw new ArgumentException($"an IEEE P1363 signature is r and s of equal length; {signature.Length} bytes cannot be split", nameof(signature));
        }

        int half = signature.Length / 2;
        using var writer = new DerWriter(signature.Length + 16);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(signature[..half]);
            writer.WriteIntegerUnsigned(signature[half..]);
        }

        return writer.Encode();
    }
}
