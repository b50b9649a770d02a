using System.Numerics;
using Pkcs10.Signatures;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.EdDsa;

/// <summary>
/// The verification rules chosen for EdDSA (documented on <see cref="Ed25519"/> and in the README), case by case:
/// S &lt; L; canonical A and R only; small-order A refused; small-order R accepted; the cofactored equation.
/// </summary>
/// <remarks>
/// The first table is the 15 vectors of ed25519-speccheck (novifinancial/ed25519-speccheck, <c>cases.json</c> at commit
/// d2b2ba588feb81f64c30f7094c05803b5e7d0066), the test set of Chalkias, Garillot and Nikolaenko, "Taming the many
/// EdDSAs" (SSR 2020). The other cases are built during the test with <see cref="EdDsaReference"/>, for both curves.
/// Each case also records what the reference verifier says under the cofactorless equation with small-order keys
/// allowed (the equation of OpenSSL, BoringSSL and Go; decoding stays strict, so unlike those libraries it refuses
/// speccheck vector 14's x = 0 key with the sign bit set), so the divergences are written down rather than implied.
/// </remarks>
public sealed class EdDsaSemanticsTests
{
    // (index, what it exercises, message, public key, signature, our result, cofactorless + small keys allowed)
    public static TheoryData<int, string, string, string, string, bool, bool> SpeccheckVectors => new()
    {
        { 0, "S = 0, small A, small R: cofactored only", "2a66241a42a9ee12994d8068dcf1bb7dfc6637b45450acd43711f637fa5080fc", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a0000000000000000000000000000000000000000000000000000000000000000", false, false },
        { 1, "S = 0, small A, small R: both equations", "8c93255d71dcab10e8f379c26200f3c7bd5f09d9bc3068d3ef4edeb4853022b6", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a0000000000000000000000000000000000000000000000000000000000000000", false, true },
        { 2, "small A, mixed R: cofactored only", "9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04", false, false },
        { 3, "small A, mixed R: both equations", "9bd9f44f4dcc75bd531b56b2cd280b0bb38fc1cd6d1230e14861d861de092e79", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43a5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04", false, true },
        { 4, "mixed A, small R: cofactored only", "9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa182ef1a5b928da07fec769cc8a12db6bcf70dab3f3227fa315e9d5e3e01a3405", true, false },
        { 5, "mixed A, small R: both equations", "aebf3f2601a0c8c5d39cc7d8911642f740b78168218da8471772b35f9d35b9ab", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa8c4bd45aecaca5b24fb97bc10ac27ac8751a7dfe1baff8b953ec9f5833ca260e", true, true },
        { 6, "mixed A, mixed R: both equations", "9bd9f44f4dcc75bd531b56b2cd280b0bb38fc1cd6d1230e14861d861de092e79", "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d", "9046a64750444938de19f227bb80485e92b83fdb4b6506c160484c016cc1852f87909e14428a7a1d62e9f22f3d3ad7802db02eb2e688b6c52fcd6648a98bd009", true, true },
        { 7, "mixed A, mixed R: cofactored only", "e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec4011eaccd55b53f56c", "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d", "160a1cb0dc9c0258cd0a7d23e94d8fa878bcb1925f2c64246b2dee1796bed5125ec6bc982a269b723e0668e540911a9a6a58921d6925e434ab10aa7940551a09", true, false },
        { 8, "k not pre-reduced: [8](R + kA), not [8]R + [8k mod L]A", "e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec4011eaccd55b53f56c", "cdb267ce40c5cd45306fa5d2f29731459387dbf9eb933b7bd5aed9a765b88d4d", "21122a84e0b5fca4052f5b1235c80a537878b38f3142356b2c2384ebad4668b7e40bc836dac0f71076f9abe3a53f9c03c1ceeeddb658d0030494ace586687405", true, false },
        { 9, "S > L", "85e241a07d148b41e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec40", "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623", "e96f66be976d82e60150baecff9906684aebb1ef181f67a7189ac78ea23b6c0e547f7690a0e2ddcd04d87dbc3490dc19b3b3052f7ff0538cb68afb369ba3a514", false, false },
        { 10, "S >> L", "85e241a07d148b41e47d62c63f830dc7a6851a0b1f33ae4bb2f507fb6cffec40", "442aad9f089ad9e14647b1ef9099a1ff4798d78589e66f28eca69c11f582a623", "8ce5b96c8f26d0ab6c47958c9e68b937104cd36e13c33566acd2fe8d38aa19427e71f98a473474f2f13f06f97c20d58cc3f54b8bd0d272f42b695dd7e89a8c22", false, false },
        { 11, "R is x = 0 with the sign bit set", "9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff03be9678ac102edcd92b0210bb34d7428d12ffc5df5f37e359941266a4e35f0f", false, false },
        { 12, "R is x = 0 with the sign bit set", "9bedc267423725d473888631ebf45988bad3db83851ee85c85e241a07d148b41", "f7badec5b8abeaf699583992219b7b223f1df3fbbea919844e3f7c554a43dd43", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffca8c5b64cd208982aa38d4936621a4775aa233aa0505711d8fdcfdaa943d4908", false, false },
        { 13, "A is x = 0 with the sign bit set", "e96b7021eb39c1a163b6da4e3093dcd3f21387da4cc4572be588fafae23c155b", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "a9d55260f765261eb9b84e106f665e00b867287a761990d7135963ee0a7d59dca5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04", false, false },
        { 14, "A is x = 0 with the sign bit set", "39a591f5321bbe07fd5a23dc2f39d025d74526615746727ceefd6e82ae65c06f", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "a9d55260f765261eb9b84e106f665e00b867287a761990d7135963ee0a7d59dca5bb704786be79fc476f91d3f3f89b03984d8068dcf1bb7dfc6637b45450ac04", false, false },
    };

    [Theory, MemberData(nameof(SpeccheckVectors))]
    public void Speccheck_Ed25519(int index, string what, string message, string publicKey, string signature, bool ours, bool cofactorlessWithSmallKeys)
    {
        byte[] pk = Convert.FromHexString(publicKey), msg = Convert.FromHexString(message), sig = Convert.FromHexString(signature);
        EdDsaReference curve = EdDsaReference.Ed25519;

        Assert.Equal(ours, Ed25519.Verify(pk, msg, sig));
        Assert.Equal(ours ? SignatureStatus.Valid : SignatureStatus.Invalid, EdDsaTestKeys.Verify(curve, pk, msg, sig));

        // The table's two columns, recomputed by the reference verifier.
        Assert.Equal(ours, curve.Verify(pk, msg, sig, cofactored: true, rejectSmallOrderKey: true));
        Assert.Equal(cofactorlessWithSmallKeys, curve.Verify(pk, msg, sig, cofactored: false, rejectSmallOrderKey: false));
        _ = (index, what);
    }

    public static TheoryData<bool> Curves => new(false, true);

    private static EdDsaReference Curve(bool is448) => is448 ? EdDsaReference.Ed448 : EdDsaReference.Ed25519;

    private static bool Verify(bool is448, byte[] publicKey, byte[] message, byte[] signature)
    {
        bool result = is448 ? Ed448.Verify(publicKey, message, signature) : Ed25519.Verify(publicKey, message, signature);
        Assert.Equal(result ? SignatureStatus.Valid : SignatureStatus.Invalid, EdDsaTestKeys.Verify(Curve(is448), publicKey, message, signature));
        if (is448)
        {
            Assert.Equal(result, Ed448.Verify(publicKey, message, signature, useBclShake256: false));
        }

        return result;
    }

    private static byte[] Message(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    // A fixed secret scalar (not clamped: any scalar works for verification) and its key.
    private static BigInteger Secret(EdDsaReference curve) => EdDsaReference.Mod(BigInteger.Parse("123456789012345678901234567890123456789", System.Globalization.CultureInfo.InvariantCulture) * 7919, curve.L);

    [Theory, MemberData(nameof(Curves))]
    public void SmallOrderKey_IsRefused_EvenWithTheUniversalSignature(bool is448)
    {
        EdDsaReference curve = Curve(is448);
        byte[] identity = curve.Encode(curve.Identity);

        // A = R = identity, S = 0 satisfies both equations for every message: a key that proves nothing.
        byte[] universal = [.. identity, .. new byte[curve.EncodedLength]];
        foreach (string m in new[] { "", "any message", "another" })
        {
            Assert.True(curve.Verify(identity, Message(m), universal, cofactored: false, rejectSmallOrderKey: false));
            Assert.False(Verify(is448, identity, Message(m), universal));
        }

        // Every small-order point as the key, with a signature that the equations accept: R = -[k]A, S = 0.
        IReadOnlyList<byte[]> smallOrder = curve.SmallOrderEncodings();
        Assert.Equal(curve.Cofactor, smallOrder.Count);
        foreach (byte[] a in smallOrder)
        {
            RefPoint point = curve.Decode(a)!;
            Assert.True(curve.HasSmallOrder(point));
            byte[] signature = [.. identity, .. new byte[curve.EncodedLength]];
            Assert.True(curve.Verify(a, Message("m"), signature, cofactored: true, rejectSmallOrderKey: false));
            Assert.False(Verify(is448, a, Message("m"), signature));
        }
    }

    [Theory, MemberData(nameof(Curves))]
    public void SmallOrderR_IsAccepted_WhenTheEquationHolds(bool is448)
    {
        EdDsaReference curve = Curve(is448);
        BigInteger secret = Secret(curve);
        byte[] a = curve.Encode(curve.Multiply(secret, curve.B));
        foreach (byte[] r in curve.SmallOrderEncodings())
        {
            // R of small order and S = k·a: [S]B = [k]A, so [c]R + [c][k]A = [c][S]B.
            byte[] signature = curve.SignRaw(secret, a, 0, r, Message("small R"));
            bool identityR = curve.AreEqual(curve.Decode(r)!, curve.Identity);
            Assert.True(Verify(is448, a, Message("small R"), signature));

            // Only R = identity also passes the cofactorless equation.
            Assert.Equal(identityR, curve.Verify(a, Message("small R"), signature, cofactored: false));
        }
    }

    [Theory, MemberData(nameof(Curves))]
    public void MixedOrderKey_HonestSignature_IsValid_Cofactored(bool is448)
    {
        // A = [a]B + T with T of order c: [S]B = R + [k]A - [k]T, which holds after multiplying by c only.
        EdDsaReference curve = Curve(is448);
        BigInteger secret = Secret(curve);
        RefPoint mixed = curve.Add(curve.Multiply(secret, curve.B), curve.TorsionGenerator());
        byte[] a = curve.Encode(mixed);
        Assert.False(curve.HasSmallOrder(mixed));
        int cofactorlessAccepted = 0;
        for (int i = 0; i < 8; i++)
        {
            byte[] message = Message("mixed key " + i);
            byte[] signature = curve.SignRaw(secret, a, 1000 + i, curve.Encode(curve.Multiply(1000 + i, curve.B)), message);
            Assert.True(Verify(is448, a, message, signature));
            cofactorlessAccepted += curve.Verify(a, message, signature, cofactored: false) ? 1 : 0;
        }

        // The cofactorless equation holds only when c divides k (about 1 in c).
        Assert.True(cofactorlessAccepted < 8);
    }

    [Theory, MemberData(nameof(Curves))]
    public void TorsionInR_IsValid_Cofactored(bool is448)
    {
        EdDsaReference curve = Curve(is448);
        BigInteger secret = Secret(curve);
        byte[] a = curve.Encode(curve.Multiply(secret, curve.B));
        byte[] r = curve.Encode(curve.Add(curve.Multiply(777, curve.B), curve.TorsionGenerator()));
        byte[] signature = curve.SignRaw(secret, a, 777, r, Message("torsion in R"));
        Assert.True(Verify(is448, a, Message("torsion in R"), signature));
        Assert.False(curve.Verify(a, Message("torsion in R"), signature, cofactored: false));
    }

    public static TheoryData<bool, string> NonCanonicalEncodings => new()
    {
        // Ed25519: y = p + 1 (the identity); y = p (reduces to 0: the order-4 points x = ±sqrt(-1)), without and with
        // the sign bit; the identity with the sign bit (x = 0); y = p - 1 = -1 (x = 0, order 2) with the sign bit.
        { false, "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f" },
        { false, "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f" },
        { false, "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
        { false, "0100000000000000000000000000000000000000000000000000000000000080" },
        { false, "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
        // Ed448: y = p + 1 (the identity), the identity with the sign bit, y = 1 with one of the seven unused bits of
        // the last byte set, y = p + 1 with the sign bit.
        { true, "00000000000000000000000000000000000000000000000000000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff00" },
        { true, "010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000080" },
        { true, "010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001" },
        { true, "00000000000000000000000000000000000000000000000000000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff80" },
    };

    [Theory, MemberData(nameof(NonCanonicalEncodings))]
    public void NonCanonicalR_IsRefused_ThoughALenientDecoderWouldAccept(bool is448, string encodedHex)
    {
        EdDsaReference curve = Curve(is448);
        byte[] encoded = Convert.FromHexString(encodedHex);
        Assert.Null(curve.Decode(encoded));
        RefPoint? lenient = curve.Decode(encoded, lenient: true);

        BigInteger secret = Secret(curve);
        byte[] a = curve.Encode(curve.Multiply(secret, curve.B));
        byte[] message = Message("non-canonical R");
        if (lenient is not null && curve.HasSmallOrder(lenient))
        {
            // R (leniently) of small order, S = k·a: a verifier that reduces y mod p, or ignores the sign of x = 0,
            // accepts this with the cofactored equation.
            byte[] signature = curve.SignRaw(secret, a, 0, encoded, message);
            Assert.True(curve.Verify(a, message, signature, lenientDecoding: true));
            Assert.False(Verify(is448, a, message, signature));
        }
        else
        {
            byte[] signature = curve.SignRaw(secret, a, 5, encoded, message);
            Assert.False(Verify(is448, a, message, signature));
        }
    }

    [Theory, MemberData(nameof(NonCanonicalEncodings))]
    public void NonCanonicalA_IsRefused(bool is448, string encodedHex)
    {
        EdDsaReference curve = Curve(is448);
        byte[] a = Convert.FromHexString(encodedHex);
        byte[] identity = curve.Encode(curve.Identity);
        byte[] signature = [.. identity, .. new byte[curve.EncodedLength]];
        Assert.False(Verify(is448, a, Message("m"), signature));
        Assert.False(is448 ? Ed448.TryDecode(a, out _) : Ed25519.TryDecode(a, out _));
    }

    [Theory, MemberData(nameof(Curves))]
    public void SPlusL_AndSEqualL_AreRefused(bool is448)
    {
        EdDsaReference curve = Curve(is448);
        BigInteger secret = Secret(curve);
        byte[] a = curve.Encode(curve.Multiply(secret, curve.B));
        byte[] message = Message("malleability");
        byte[] signature = curve.SignRaw(secret, a, 4242, curve.Encode(curve.Multiply(4242, curve.B)), message);
        Assert.True(Verify(is448, a, message, signature));

        BigInteger s = new(signature.AsSpan(curve.EncodedLength), isUnsigned: true, isBigEndian: false);
        byte[] plusL = [.. signature[..curve.EncodedLength], .. curve.EncodeScalar(s + curve.L)];
        Assert.False(Verify(is448, a, message, plusL));

        byte[] equalL = [.. signature[..curve.EncodedLength], .. curve.EncodeScalar(curve.L)];
        Assert.False(Verify(is448, a, message, equalL));
    }

    [Theory, MemberData(nameof(Curves))]
    public void WrongLengths_AreInvalid(bool is448)
    {
        EdDsaReference curve = Curve(is448);
        byte[] a = curve.Encode(curve.Multiply(Secret(curve), curve.B));
        byte[] signature = curve.SignRaw(Secret(curve), a, 99, curve.Encode(curve.Multiply(99, curve.B)), Message("len"));
        Assert.True(Verify(is448, a, Message("len"), signature));
        Assert.False(Verify(is448, a, Message("len"), signature[..^1]));
        Assert.False(Verify(is448, a, Message("len"), [.. signature, 0]));
        Assert.False(Verify(is448, a, Message("len"), []));
        Assert.False(is448 ? Ed448.Verify(a.AsSpan(1), Message("len"), signature) : Ed25519.Verify(a.AsSpan(1), Message("len"), signature));
    }

    [Fact]
    public void KeyAndAlgorithmMustMatch()
    {
        EdDsaReference ed25519 = EdDsaReference.Ed25519, ed448 = EdDsaReference.Ed448;
        byte[] a25519 = ed25519.Encode(ed25519.Multiply(Secret(ed25519), ed25519.B));
        byte[] a448 = ed448.Encode(ed448.Multiply(Secret(ed448), ed448.B));
        byte[] sig25519 = ed25519.SignRaw(Secret(ed25519), a25519, 7, ed25519.Encode(ed25519.Multiply(7, ed25519.B)), Message("x"));
        byte[] sig448 = ed448.SignRaw(Secret(ed448), a448, 7, ed448.Encode(ed448.Multiply(7, ed448.B)), Message("x"));

        Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(EdDsaTestKeys.Ed25519Algorithm, EdDsaTestKeys.Spki(a25519), Message("x"), sig25519));
        Assert.Equal(SignatureStatus.Valid, SignatureVerifier.Verify(EdDsaTestKeys.Ed448Algorithm, EdDsaTestKeys.Spki(a448), Message("x"), sig448));
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(EdDsaTestKeys.Ed448Algorithm, EdDsaTestKeys.Spki(a25519), Message("x"), sig25519));
        Assert.Equal(SignatureStatus.Invalid, SignatureVerifier.Verify(EdDsaTestKeys.Ed25519Algorithm, EdDsaTestKeys.Spki(a448), Message("x"), sig448));
    }
}
