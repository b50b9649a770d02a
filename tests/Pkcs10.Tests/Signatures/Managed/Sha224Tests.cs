using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using FsCheck.Xunit;
using Pkcs10.Signatures.Managed;

namespace Pkcs10.Tests.Signatures.Managed;

public sealed class Sha224Tests
{
    // FIPS 180-4 examples (NIST CSRC "SHA224.pdf" and "SHA2_Additional.pdf"); cross-checked with Python hashlib.
    public static TheoryData<string, string, int, string> FipsVectors => new()
    {
        { "empty message", "", 1, "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f" },
        { "one block, \"abc\"", "abc", 1, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7" },
        { "two blocks, 448-bit message", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525" },
        { "one million 'a'", "a", 1_000_000, "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67" },
    };

    [Theory]
    [MemberData(nameof(FipsVectors))]
    public void HashData_FipsExamples(string why, string text, int repeat, string expected)
    {
        _ = why;
        byte[] message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(text, repeat)));
        byte[] digest = new byte[Sha224.HashSizeInBytes];

        Sha224.HashData(message, digest);

        Assert.Equal(expected, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void HashData_EveryLengthAcrossPaddingBoundaries_MatchesPythonHashlib()
    {
        // SHA-256 over SHA-224(m_0) || ... || SHA-224(m_300), m_L[i] = (31 i + 7) mod 256, from Python:
        //   acc = b"".join(hashlib.sha224(bytes((i*31+7)&0xff for i in range(L))).digest() for L in range(301))
        //   hashlib.sha256(acc).hexdigest()
        // Covers lengths 55/56 and 63/64/65 where the padding spills into a second block.
        byte[] all = new byte[301 * Sha224.HashSizeInBytes];
        for (int length = 0; length <= 300; length++)
        {
            byte[] message = Enumerable.Range(0, length).Select(i => (byte)((i * 31) + 7)).ToArray();
            Sha224.HashData(message, all.AsSpan(length * Sha224.HashSizeInBytes, Sha224.HashSizeInBytes));
        }

        Assert.Equal("4ac15c9d7bb8cded2364d143a8e94c47ad6e9856f60fe3615b3a52c0e0afdfdb", Convert.ToHexStringLower(SHA256.HashData(all)));
    }

    [Property(MaxTest = 300)]
    public void HashData_MatchesReferenceImplementation(byte[] message)
    {
        byte[] digest = new byte[Sha224.HashSizeInBytes];
        Sha224.HashData(message, digest);
        Assert.Equal(ReferenceSha224(message), digest);
    }

    [Property(MaxTest = 50)]
    public void HashData_LargerDestination_WritesOnlyTheDigest(byte[] message)
    {
        byte[] destination = Enumerable.Repeat((byte)0xa5, Sha224.HashSizeInBytes + 5).ToArray();
        Sha224.HashData(message, destination);
        Assert.Equal(ReferenceSha224(message), destination[..Sha224.HashSizeInBytes]);
        Assert.All(destination[Sha224.HashSizeInBytes..], b => Assert.Equal(0xa5, b));
    }

    [Fact]
    public void HashData_ShortDestination_Throws()
    {
        byte[] destination = new byte[Sha224.HashSizeInBytes - 1];
        Assert.Throws<ArgumentException>("destination", () => Sha224.HashData("abc"u8, destination));
    }

    [Fact]
    public void HashData_DoesNotAllocate()
    {
        byte[] message = new byte[1000];
        byte[] digest = new byte[Sha224.HashSizeInBytes];
        for (int i = 0; i < 200; i++)
        {
            Sha224.HashData(message, digest); // past tiering and OSR transitions
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Sha224.HashData(message.AsSpan(0, i * 7), digest);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    // A deliberately plain FIPS 180-4 transcription: pad the whole message into an array, then
    // run the compression over it. It shares no code with the implementation under test.
    private static byte[] ReferenceSha224(byte[] message)
    {
        uint[] k =
        [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        ];
        uint[] hv = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];

        int paddedLength = ((message.Length + 8) / 64 * 64) + 64;
        byte[] padded = new byte[paddedLength];
        message.CopyTo(padded, 0);
        padded[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(paddedLength - 8), (ulong)message.Length * 8);

        for (int block = 0; block < paddedLength; block += 64)
        {
            uint[] w = new uint[64];
            for (int t = 0; t < 64; t++)
            {
                if (t < 16)
                {
                    w[t] = BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(block + (4 * t)));
                }
                else
                {
                    uint s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
                    uint s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
                    w[t] = unchecked(w[t - 16] + s0 + w[t - 7] + s1);
                }
            }

            uint[] v = (uint[])hv.Clone();
            for (int t = 0; t < 64; t++)
            {
                uint s1 = BitOperations.RotateRight(v[4], 6) ^ BitOperations.RotateRight(v[4], 11) ^ BitOperations.RotateRight(v[4], 25);
                uint ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
                uint temp1 = unchecked(v[7] + s1 + ch + k[t] + w[t]);
                uint s0 = BitOperations.RotateRight(v[0], 2) ^ BitOperations.RotateRight(v[0], 13) ^ BitOperations.RotateRight(v[0], 22);
                uint maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
                uint temp2 = unchecked(s0 + maj);
                v = [unchecked(temp1 + temp2), v[0], v[1], v[2], unchecked(v[3] + temp1), v[4], v[5], v[6]];
            }

            for (int i = 0; i < 8; i++)
            {
                hv[i] = unchecked(hv[i] + v[i]);
            }
        }

        byte[] digest = new byte[28];
        for (int i = 0; i < 7; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(4 * i), hv[i]);
        }

        return digest;
    }
}
