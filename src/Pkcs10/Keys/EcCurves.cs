using System.Security.Cryptography;
using Pkcs10.Internal;

namespace Pkcs10.Keys;

/// <summary>Names and sizes of the named curves this library knows.</summary>
internal static class EcCurves
{
    public static string? GetName(ReadOnlySpan<byte> oid)
    {
        if (oid.SequenceEqual(Oids.Secp256r1)) { return "P-256"; }
        if (oid.SequenceEqual(Oids.Secp384r1)) { return "P-384"; }
        if (oid.SequenceEqual(Oids.Secp521r1)) { return "P-521"; }
        if (oid.SequenceEqual(Oids.Secp256k1)) { return "secp256k1"; }
        if (oid.SequenceEqual(Oids.Secp224r1)) { return "P-224"; }
        if (oid.SequenceEqual(Oids.Prime192v1)) { return "P-192"; }
        if (oid.SequenceEqual(Oids.BrainpoolP256r1)) { return "brainpoolP256r1"; }
        if (oid.SequenceEqual(Oids.BrainpoolP384r1)) { return "brainpoolP384r1"; }
        if (oid.SequenceEqual(Oids.BrainpoolP512r1)) { return "brainpoolP512r1"; }
        return null;
    }

    public static int GetFieldBits(ReadOnlySpan<byte> oid)
    {
        if (oid.SequenceEqual(Oids.Secp256r1) || oid.SequenceEqual(Oids.Secp256k1) || oid.SequenceEqual(Oids.BrainpoolP256r1)) { return 256; }
        if (oid.SequenceEqual(Oids.Secp384r1) || oid.SequenceEqual(Oids.BrainpoolP384r1)) { return 384; }
        if (oid.SequenceEqual(Oids.Secp521r1)) { return 521; }
        if (oid.SequenceEqual(Oids.BrainpoolP512r1)) { return 512; }
        if (oid.SequenceEqual(Oids.Secp224r1)) { return 224; }
        if (oid.SequenceEqual(Oids.Prime192v1)) { return 192; }
        return 0;
    }

    /// <summary>The BCL curve for verification, when the platform may support it.</summary>
    public static ECCurve? GetBclCurve(ReadOnlySpan<byte> oid)
    {
        if (oid.SequenceEqual(Oids.Secp256r1)) { return ECCurve.NamedCurves.nistP256; }
        if (oid.SequenceEqual(Oids.Secp384r1)) { return ECCurve.NamedCurves.nistP384; }
        if (oid.SequenceEqual(Oids.Secp521r1)) { return ECCurve.NamedCurves.nistP521; }
        if (oid.SequenceEqual(Oids.Secp256k1)) { return ECCurve.CreateFromValue("1.3.132.0.10"); }
        if (oid.SequenceEqual(Oids.BrainpoolP256r1)) { return ECCurve.NamedCurves.brainpoolP256r1; }
        if (oid.SequenceEqual(Oids.BrainpoolP384r1)) { return ECCurve.NamedCurves.brainpoolP384r1; }
        if (oid.SequenceEqual(Oids.BrainpoolP512r1)) { return ECCurve.NamedCurves.brainpoolP512r1; }
        return null;
    }
}
