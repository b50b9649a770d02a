using Pkcs10.Keys;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Managed;

/// <summary>
/// SHA-512/224 and SHA-512/256 against FIPS 180-4's "abc" example and against OpenSSL 3.0
/// (<c>openssl dgst -sha512-224 / -sha512-256</c>) on messages byte i = (7i + 3) mod 256 whose lengths sit
/// on each side of the one- and two-block padding boundaries (111/112, 127/128, 239/240).
/// </summary>
public class Sha512TTests
{
    [Theory]
    [InlineData(0, "6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4", "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")]
    [InlineData(3, "eabf68aa4a516c09ea8d23ec0940dd7af21b95f92be93ea31c5ee849", "3ebca6ae309ae6ee4154c7500c1773319fad8db1beeabcfb0f33b9544db51069")]
    [InlineData(111, "3d129253d4ab49fc6068dd89a1d20ac62c1b9813e8c751599e55b2e9", "32889a63b00e93a91df09b4292875c8e9ea2d30e482b2f5ab713396275e9378b")]
    [InlineData(112, "04bb9fe23acddc19212885e31154a8b013ffd1772e27a7254cb843e0", "468a00c6f938065156bfddf56b22592f569052587264673bc893e92cd1953953")]
    [InlineData(127, "f461be3cb34e035bc26c9c1063a44d96f793ec041c1c3f9b3ef16d32", "b7c1bcb3d1d523364187e023ee03210674ee05a8fd54d40aad07ecf6bdfe4c8c")]
    [InlineData(128, "f635f046846689502b92ab1c55f8511150b9bf221be32b3454d68dc4", "5e14bd0208397b56f5f1b3afb8e48bfcce3c7312684a46bbe9b210503680e547")]
    [InlineData(239, "b39283623262002bc414de64a597e11bc032dbb23894fdffbd79a244", "a532f50742de4eeb13a3cf3f57e1bb0419b808f98dab375663370328f155a7db")]
    [InlineData(240, "282aea58bef3045fcd8af74e1498e5d9abc74385fe6c303e8b674225", "50bf285d854644fdb23f955a2f6b19ee739082647901b3355c2f57815d9a6af6")]
    [InlineData(1000, "b6c1c1e13c07e992f0df6a5c8e4c6c153f91516cfa051b9fbfa88514", "14271b3d36ca983ae2da2693d995fe68412c0bd5394ec2f05b763586db6e24fd")]
    public void Digest_MatchesOpenssl(int length, string sha512_224, string sha512_256)
    {
        byte[] message = new byte[length];
        for (int i = 0; i < length; i++)
        {
            message[i] = (byte)(((7 * i) + 3) % 256);
        }

        Span<byte> digest = stackalloc byte[64];
        Assert.Equal(28, Digest.HashData(HashAlgorithms.Sha512_224, message, digest));
        Assert.Equal(sha512_224, Convert.ToHexStringLower(digest[..28]));
        Assert.Equal(32, Digest.HashData(HashAlgorithms.Sha512_256, message, digest));
        Assert.Equal(sha512_256, Convert.ToHexStringLower(digest[..32]));
    }

    [Fact]
    public void Abc_IsTheFips180Example()
    {
        Span<byte> digest = stackalloc byte[32];
        Sha512T.HashData(28, "abc"u8, digest);
        Assert.Equal("4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa", Convert.ToHexStringLower(digest[..28]));
        Sha512T.HashData(32, "abc"u8, digest);
        Assert.Equal("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23", Convert.ToHexStringLower(digest));
        Assert.Throws<ArgumentException>(() => Sha512T.HashData(48, "abc"u8, new byte[64]));
    }
}
