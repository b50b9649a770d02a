using System.Security.Cryptography;
using Pkcs10.Asn1;
using Pkcs10.Keys;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Signatures;

public class RsaExponentLimitTests
{
    private static readonly byte[] s_sha256WithRsa = Convert.FromHexString("300D06092A864886F70D01010B0500");

    private static SubjectPublicKeyInfo RsaKey(ReadOnlySpan<byte> modulus, ReadOnlySpan<byte> exponent)
    {
        using var key = new DerWriter();
        using (key.PushSequence())
        {
            key.WriteIntegerUnsigned(modulus);
            key.WriteIntegerUnsigned(exponent);
        }

        using var spki = new DerWriter();
        using (spki.PushSequence())
        {
            using (spki.PushSequence())
            {
                spki.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                spki.WriteNull();
            }

            spki.WriteBitString(key.Encode());
        }

        return SubjectPublicKeyInfo.Decode(spki.Encode());
    }

    [Fact]
    public void Verify_ExponentOf34Bits_IsUnsupportedInsteadOfComputed()
    {
        using RSA rsa = RSA.Create(2048);
        RSAParameters p = rsa.ExportParameters(false);
        byte[] data = "hostile exponent"u8.ToArray();
        byte[] signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        SignatureAlgorithmIdentifier algorithm = SignatureAlgorithmIdentifier.Decode(s_sha256WithRsa);

        // The genuine key verifies: the limit does not touch ordinary exponents.
        Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(algorithm, RsaKey(p.Modulus, p.Exponent), data, signature));

        // 2^33 + 1: 34 bits, odd, one past the limit.
        byte[] big = [0x02, 0x00, 0x00, 0x00, 0x01];
        Assert.Equal(SignatureStatus.Unsupported, SignatureVerifier.Verify(algorithm, RsaKey(p.Modulus, big), data, signature));

        // 2^33 - 1: 33 bits, the largest accepted; the signature does not match this key.
        byte[] largest = [0x01, 0xFF, 0xFF, 0xFF, 0xFF];
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(algorithm, RsaKey(p.Modulus, largest), data, signature));
    }
}
