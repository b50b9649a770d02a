using Pkcs10.Keys;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>RFC 8410 SubjectPublicKeyInfo and AlgorithmIdentifier encodings for raw EdDSA keys, decoded by the library.</summary>
internal static class EdDsaTestKeys
{
    // id-Ed25519 1.3.101.112, id-Ed448 1.3.101.113; RFC 8410 §3: parameters absent.
    public static SignatureAlgorithmIdentifier Ed25519Algorithm { get; } = SignatureAlgorithmIdentifier.Decode((byte[])[0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70]);

    public static SignatureAlgorithmIdentifier Ed448Algorithm { get; } = SignatureAlgorithmIdentifier.Decode((byte[])[0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x71]);

    public static bool Is448(EdDsaReference curve) => curve.EncodedLength == 57;

    public static SignatureAlgorithmIdentifier Algorithm(EdDsaReference curve) => Is448(curve) ? Ed448Algorithm : Ed25519Algorithm;

    /// <summary>RFC 8410 §4: SEQUENCE { SEQUENCE { OID }, BIT STRING { 0 unused bits, key } }.</summary>
    public static byte[] SpkiDer(byte[] publicKey)
    {
        byte oidLast = publicKey.Length == 57 ? (byte)0x71 : (byte)0x70;
        byte bitStringLength = (byte)(publicKey.Length + 1);
        return [0x30, (byte)(7 + 2 + bitStringLength), 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, oidLast, 0x03, bitStringLength, 0x00, .. publicKey];
    }

    public static SubjectPublicKeyInfo Spki(byte[] publicKey) => SubjectPublicKeyInfo.Decode(SpkiDer(publicKey));

    /// <summary>Verifies through the library's one public entry point.</summary>
    public static SignatureStatus Verify(EdDsaReference curve, byte[] publicKey, byte[] message, byte[] signature) =>
        SignatureVerifier.Verify(Algorithm(curve), Spki(publicKey), message, signature);
}
