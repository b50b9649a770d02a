using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pkcs10.Extensions;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Requests;

/// <summary>A strictly decodable openssl fixture, named in counterexamples by its id.</summary>
public sealed record StrictFixture(string Id, byte[] Der)
{
    public override string ToString() => Id;
}

/// <summary>Bytes to decode, shown as hex in counterexamples.</summary>
public sealed record DecoderInput(string How, byte[] Bytes)
{
    public override string ToString() => $"{How}: {Convert.ToHexString(Bytes)}";
}

/// <summary>Generators for <see cref="RequestRobustnessTests"/>.</summary>
public static class RequestArbitraries
{
    private static readonly Lazy<StrictFixture[]> s_fixtures =
        new(() => [.. RequestTestFiles.OpensslStrictIds.Select(id => new StrictFixture(id, RequestTestFiles.OpensslDer(id)))]);

    public static StrictFixture[] Fixtures => s_fixtures.Value;

    public static Arbitrary<StrictFixture> StrictFixture() => Gen.Elements(Fixtures).ToArbitrary();

    public static Arbitrary<DecoderInput> DecoderInput()
    {
        Gen<byte> anyByte = Gen.Choose(0, 255).Select(i => (byte)i);

        // Pure noise, and noise behind a plausible SEQUENCE header so the decoder gets past the first TLV.
        Gen<DecoderInput> noise = anyByte.ArrayOf().Select(b => new DecoderInput("random", b));
        Gen<DecoderInput> framed =
            from body in anyByte.ArrayOf()
            from header in Gen.Elements<byte[]>([0x30], [0x30, 0x81], [0x30, 0x82, 0x01], [0x30, 0x80])
            select new DecoderInput("framed", [.. header, .. (header.Length == 1 ? new[] { (byte)Math.Min(body.Length, 127) } : []), .. body]);

        // Structural mutations of real requests reach the deep parts of the decoder.
        Gen<DecoderInput> mutated =
            from f in Gen.Elements(Fixtures)
            from kind in Gen.Choose(0, 6)
            from pos in Gen.Choose(0, f.Der.Length - 1)
            from value in anyByte
            from count in Gen.Choose(1, 16)
            select new DecoderInput($"{f.Id} mutation {kind} at {pos}", Mutate(f.Der, kind, pos, value, count));

        return Gen.Frequency((1, noise), (1, framed), (6, mutated)).ToArbitrary();
    }

    private static byte[] Mutate(byte[] der, int kind, int pos, byte value, int count)
    {
        var list = new List<byte>(der);
        switch (kind)
        {
            case 0: // replace a byte
                list[pos] = value;
                break;
            case 1: // insert bytes
                list.InsertRange(pos, Enumerable.Repeat(value, count));
                break;
            case 2: // delete bytes
                list.RemoveRange(pos, Math.Min(count, list.Count - pos));
                break;
            case 3: // truncate
                list.RemoveRange(pos, list.Count - pos);
                break;
            case 4: // a length-ish byte
                list[pos] = (byte)(0x80 + (value % 6));
                break;
            case 5: // duplicate a slice
                list.InsertRange(pos, der.Skip(pos).Take(count));
                break;
            default: // two flipped bits
                list[pos] ^= (byte)(1 << (value % 8));
                list[(pos + count) % list.Count] ^= (byte)(1 << (count % 8));
                break;
        }

        return [.. list];
    }
}

/// <summary>
/// The decoder on hostile input: TryDecode never throws, Decode throws only <see cref="Pkcs10Exception"/> with an
/// offset inside the input, everything a decoded request reports lies inside it, every typed view of a strictly
/// decoded request works, a strictly decoded request re-encodes to exactly its input, and a mutated request never
/// has a valid signature.
/// </summary>
public sealed class RequestRobustnessTests
{
    private static readonly CertificationRequestDecoderOptions[] s_modes = [CertificationRequestDecoderOptions.Strict, CertificationRequestDecoderOptions.Lenient];

    // A few fixtures covering RSA, EC, PSS, every GeneralName choice, attributes and a rich subject.
    // (fixture, every bit of every byte, or one bit per byte rotating through the 8 positions to bound the run time).
    public static TheoryData<string, bool> FlipIds => new()
    {
        { "p256-sha256", true }, { "ed25519", true }, { "rsa2048-pss-sha256-salt32", false }, { "ext-san-all", false },
        { "attr-ext-and-challenge", false }, { "subject-rich", false },
    };

    public static TheoryData<string> TruncationIds => new("p256-sha256", "rsa2048-sha256", "ext-all", "attr-ext-and-challenge", "subject-utf8", "dsa2048-sha256");

    [Property(Arbitrary = [typeof(RequestArbitraries)], MaxTest = 1000)]
    public void ArbitraryInput_OnlyPkcs10Exception_AndDecodedRequestsAreConsistent(DecoderInput input) =>
        AssertWellBehaved(input.Bytes, original: null);

    [Property(Arbitrary = [typeof(RequestArbitraries)], MaxTest = 300)]
    public void EncodeDecode_RoundTripsEveryStrictFixture(StrictFixture fixture)
    {
        CertificationRequest request = CertificationRequest.Decode(fixture.Der);
        byte[] encoded = request.Encode();
        Assert.Equal(fixture.Der, encoded);

        // Decode(Encode(x)) == x, field by field.
        CertificationRequest again = CertificationRequest.Decode(encoded);
        Assert.Equal(request.Version, again.Version);
        Assert.Equal(request.Subject.ToString(), again.Subject.ToString());
        Assert.Equal(request.PublicKey.RawData.ToArray(), again.PublicKey.RawData.ToArray());
        Assert.Equal(request.Extensions.Select(e => (e.Oid, e.Critical, Convert.ToHexString(e.Value.Span))), again.Extensions.Select(e => (e.Oid, e.Critical, Convert.ToHexString(e.Value.Span))));
        Assert.Equal(request.Attributes.Select(a => a.Oid), again.Attributes.Select(a => a.Oid));
        Assert.Equal(request.SignatureAlgorithm.RawData.ToArray(), again.SignatureAlgorithm.RawData.ToArray());
        Assert.Equal(request.Signature.ToArray(), again.Signature.ToArray());
    }

    [Theory, MemberData(nameof(TruncationIds))]
    public void EveryTruncation_ThrowsTruncated(string id)
    {
        byte[] der = RequestTestFiles.OpensslDer(id);
        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            foreach (CertificationRequestDecoderOptions options in s_modes)
            {
                Assert.False(CertificationRequest.TryDecode(prefix, out CertificationRequest? r, out Pkcs10Exception? error, options), $"{id}: {length} bytes decoded");
                Assert.Null(r);
                Assert.Equal(Pkcs10ErrorCode.Truncated, error!.Code);
                Assert.InRange(error.Offset ?? -1, 0, length);
            }
        }
    }

    [Theory, MemberData(nameof(TruncationIds))]
    public void TrailingData_IsRejected(string id)
    {
        byte[] der = RequestTestFiles.OpensslDer(id);
        foreach (CertificationRequestDecoderOptions options in s_modes)
        {
            Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode((byte[])[.. der, 0x00], options));
            Assert.Equal(Pkcs10ErrorCode.TrailingData, e.Code);
            Assert.Equal(der.Length, e.Offset);
        }
    }

    [Theory, MemberData(nameof(FlipIds))]
    public void EverySingleBitFlip_IsRejectedOrNeverValid(string id, bool everyBit)
    {
        byte[] der = RequestTestFiles.OpensslDer(id);
        for (int i = 0; i < der.Length; i++)
        {
            for (int bit = everyBit ? 0 : i % 8; bit < (everyBit ? 8 : (i % 8) + 1); bit++)
            {
                byte[] copy = (byte[])der.Clone();
                copy[i] ^= (byte)(1 << bit);
                AssertWellBehaved(copy, original: der);
            }
        }
    }

    [Fact]
    public void MaxLength_IsEnforcedBeforeParsing()
    {
        byte[] der = RequestTestFiles.OpensslDer("p256-sha256");
        var options = new CertificationRequestDecoderOptions { MaxLength = der.Length - 1 };
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der, options));
        Assert.Equal(Pkcs10ErrorCode.InputTooLarge, e.Code);
        Assert.NotNull(CertificationRequest.Decode(der, new CertificationRequestDecoderOptions { MaxLength = der.Length }));
    }

    [Fact]
    public void MaxItems_IsEnforced()
    {
        byte[] der = RequestTestFiles.OpensslDer("ext-all");
        Pkcs10Exception e = Assert.Throws<Pkcs10Exception>(() => CertificationRequest.Decode(der, new CertificationRequestDecoderOptions { MaxItems = 6 }));
        Assert.Equal(Pkcs10ErrorCode.MaxElementsExceeded, e.Code);
        Assert.Equal(7, CertificationRequest.Decode(der, new CertificationRequestDecoderOptions { MaxItems = 7 }).Extensions.Count);
    }

    [Fact]
    public void DecodeFromSpan_CopiesTheInput()
    {
        byte[] der = RequestTestFiles.OpensslDer("p256-sha256");
        byte[] buffer = (byte[])der.Clone();
        CertificationRequest request = CertificationRequest.Decode(new ReadOnlySpan<byte>(buffer));
        Array.Clear(buffer);
        Assert.Equal(der, request.RawData.ToArray());
        Assert.Equal(SignatureStatus.Valid, request.CheckSignature());
    }

    private static void AssertWellBehaved(byte[] input, byte[]? original)
    {
        foreach (CertificationRequestDecoderOptions options in s_modes)
        {
            bool strict = !options.AllowDeviations;
            CertificationRequest? request = null;
            try
            {
                request = CertificationRequest.Decode(input, options);
            }
            catch (Pkcs10Exception e)
            {
                Assert.NotEqual(Pkcs10ErrorCode.None, e.Code);
                Assert.InRange(e.Offset ?? 0, 0, input.Length);
            }
            catch (Exception e)
            {
                Assert.Fail($"Decode ({(strict ? "strict" : "lenient")}) threw {e.GetType().Name} for {Convert.ToHexString(input)}: {e}");
            }

            bool ok;
            try
            {
                ok = CertificationRequest.TryDecode(input, out CertificationRequest? tried, options);
                Assert.Equal(ok, tried is not null);
            }
            catch (Exception e)
            {
                Assert.Fail($"TryDecode threw {e.GetType().Name}: {e}");
                throw;
            }

            Assert.Equal(request is not null, ok);
            if (request is null)
            {
                continue;
            }

            if (strict)
            {
                Assert.Empty(request.Findings);
            }

            AssertInBounds(request, input.Length);
            SignatureStatus status = TouchEverything(request, strict, input);
            if (strict)
            {
                Assert.Equal(input, request.Encode());
            }

            if (original is not null && !input.AsSpan().SequenceEqual(original))
            {
                Assert.True(status != SignatureStatus.Valid, $"mutated request still has a Valid signature: {Convert.ToHexString(input)}");
            }
        }
    }

    private static void AssertInBounds(CertificationRequest request, int length)
    {
        ReadOnlySpan<byte> all = request.RawData.Span;
        Assert.Equal(length, all.Length);
        AssertInside(all, request.RawInfo.Span);
        AssertInside(all, request.Subject.RawData.Span);
        AssertInside(all, request.PublicKey.RawData.Span);
        AssertInside(all, request.SignatureAlgorithm.RawData.Span);
        AssertInside(all, request.Signature.Span);
        foreach (DecodeFinding f in request.Findings)
        {
            Assert.InRange(f.Offset, 0, length - 1);
        }

        foreach (CertificateExtension e in request.Extensions)
        {
            Assert.InRange(e.Offset, 0, length - 1);
            AssertInside(all, e.Value.Span);
            AssertInside(all, e.RawOid.Span);
        }

        foreach (RequestAttribute a in request.Attributes)
        {
            Assert.InRange(a.Offset, 0, length - 1);
            foreach (ReadOnlyMemory<byte> v in a.Values)
            {
                AssertInside(all, v.Span);
            }
        }
    }

    private static void AssertInside(ReadOnlySpan<byte> outer, ReadOnlySpan<byte> inner)
    {
        if (inner.IsEmpty)
        {
            return;
        }

        Assert.True(outer.Overlaps(inner, out int offset) && offset >= 0 && offset + inner.Length <= outer.Length, "a slice lies outside the input");
    }

    // Reads every view. After strict decoding nothing may throw; after lenient decoding only Pkcs10Exception may
    // (a typed view re-validates strictly).
    private static SignatureStatus TouchEverything(CertificationRequest r, bool strict, byte[] input)
    {
        SignatureStatus status;
        try
        {
            // Both engines (managed RSA/ECDSA and the platform's) must give the same answer on every mutation.
            status = r.CheckSignature();
            Assert.Equal(status, r.CheckSignature(VerificationEngine.Platform));
        }
        catch (Exception e)
        {
            Assert.Fail($"CheckSignature threw {e.GetType().Name} for {Convert.ToHexString(input)}: {e}");
            throw;
        }

        try
        {
            _ = r.Version;
            _ = r.Subject.ToString();
            foreach (RelativeDistinguishedName rdn in r.Subject.Rdns)
            {
                foreach (AttributeTypeAndValue atv in rdn.Attributes)
                {
                    _ = atv.ToString();
                }
            }

            _ = r.PublicKey.AlgorithmName;
            _ = r.PublicKey.AlgorithmOid;
            _ = r.PublicKey.KeySize;
            _ = r.PublicKey.CurveName;
            _ = r.PublicKey.GetSha256Fingerprint();
            _ = r.SignatureAlgorithm.Name;
            _ = r.SignatureAlgorithm.Oid;
            _ = r.SignatureAlgorithm.IsWeakHash;
            foreach (RequestAttribute a in r.Attributes)
            {
                _ = a.Oid;
                for (int i = 0; i < a.Values.Count; i++)
                {
                    _ = a.GetDisplayValue(i);
                }
            }

            foreach (CertificateExtension e in r.Extensions)
            {
                _ = e.Oid;
            }

            _ = r.ChallengePassword;
            _ = r.UnstructuredName;
            foreach (GeneralName n in r.SubjectAlternativeNames ?? [])
            {
                _ = n.ToString();
            }

            _ = r.KeyUsage;
            _ = r.ExtendedKeyUsage;
            _ = r.BasicConstraints;
            _ = r.SubjectKeyIdentifier;
            Assert.Equal(status == SignatureStatus.Valid && !r.SignatureAlgorithm.IsWeakHash, r.VerifySignature());
            _ = r.Encode();
        }
        catch (Pkcs10Exception) when (!strict)
        {
            // Lenient decoding may keep values a typed view rejects; see the report.
        }
        catch (Exception e)
        {
            Assert.Fail($"a view of a {(strict ? "strictly" : "leniently")} decoded request threw {e.GetType().Name} for {Convert.ToHexString(input)}: {e}");
        }

        return status;
    }
}
