namespace Pkcs10.Signatures.Managed;

/// <summary>
/// ECDSA signature verification (SEC 1 v2 §4.1.4, FIPS 186-5 §6.4.2) in managed code for the curves of
/// <see cref="NistCurves"/>. Public data only, variable-time; allocates nothing.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Q must decode (<see cref="WeierstrassCurve.TryDecodePoint"/>): coordinates below p, on the curve
/// (and so not infinity). The curve has cofactor 1, so no n·Q check is needed.</item>
/// <item>1 ≤ r, s &lt; n.</item>
/// <item>e is the leftmost ⌈log2 n⌉ bits of the hash (SEC 1 §4.1.3 step 5), whatever the hash and the curve;
/// a shorter hash is taken whole.</item>
/// <item>w = s⁻¹ mod n (Fermat), u1 = e·w, u2 = r·w, R = u1·G + u2·Q; R must not be infinity.</item>
/// <item>x_R mod n = r, checked without an inversion: X = r·Z², or X = (r + n)·Z² when r + n &lt; p
/// (the only other x below p with x mod n = r, since p &lt; 2n).</item>
/// </list>
/// </remarks>
internal static class ManagedEcdsa
{
    /// <summary>Verifies a signature given as the unsigned big-endian integers r and s.</summary>
    /// <param name="curve">The key's curve.</param>
    /// <param name="publicKey">Q as a SEC 1 point encoding.</param>
    /// <param name="hash">The message digest.</param>
    /// <param name="r">r, big-endian, leading zeros allowed.</param>
    /// <param name="s">s, big-endian, leading zeros allowed.</param>
    public static bool Verify(WeierstrassCurve curve, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s) =>
        Verify(curve, publicKey, hash, r, s, generic: false);

    /// <summary>
    /// <see cref="Verify(WeierstrassCurve, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>,
    /// on the generic <see cref="Limbs"/> arithmetic even for P-256 and P-384 when <paramref name="generic"/> is set
    /// (the oracle for the fixed-size code in tests and benchmarks).
    /// </summary>
    internal static bool Verify(WeierstrassCurve curve, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, bool generic)
    {
        MontgomeryModulus order = curve.Order;
        MontgomeryModulus field = curve.Field;
        int limbs = order.LimbCount;

        if (!Limbs.TryFromBigEndian(r, limbs, out Limbs rPlain) || order.IsZero(rPlain) || !order.IsReduced(rPlain) ||
            !Limbs.TryFromBigEndian(s, limbs, out Limbs sPlain) || order.IsZero(sPlain) || !order.IsReduced(sPlain))
        {
            return false;
        }

        if (!curve.TryDecodePoint(publicKey, out AffinePoint q))
        {
            return false;
        }

        HashToScalar(curve, hash, out Limbs e);
        if (!generic)
        {
            // The fixed-size paths (NistFields.*.cs): the same steps without Limbs copies or modulus dispatch.
            if (ReferenceEquals(curve, NistCurves.P256))
            {
                return NistCurves.P256Fixed.Verify(rPlain, sPlain, q, e);
            }

            if (ReferenceEquals(curve, NistCurves.P384))
            {
                return NistCurves.P384Fixed.Verify(rPlain, sPlain, q, e);
            }
        }

        // w = s⁻¹ in Montgomery form (s·R)^(n-2) = s⁻¹·R; then e·(s⁻¹·R)·R⁻¹ = e·s⁻¹ comes out plain.
        order.ToMontgomery(sPlain, out Limbs w);
        order.Invert(w, out w);
        order.Multiply(e, w, out Limbs u1);
        order.Multiply(rPlain, w, out Limbs u2);

        curve.MultiplyAdd(u1, u2, q, out JacobianPoint point);
        if (curve.IsInfinity(point))
        {
            return false;
        }

        // x = X/Z²; x mod n = r ⇔ X = x'·Z² for x' = r or x' = r + n (when below p). r < n < p is a field element.
        field.Square(point.Z, out Limbs z2);
        field.ToMontgomery(rPlain, out Limbs candidate);
        field.Multiply(candidate, z2, out candidate);
        if (field.AreEqual(candidate, point.X))
        {
            return true;
        }

        if (!TryAdd(rPlain, order.Modulus, field.LimbCount, out Limbs rPlusN) || !field.IsReduced(rPlusN))
        {
            return false;
        }

        field.ToMontgomery(rPlusN, out candidate);
        field.Multiply(candidate, z2, out candidate);
        return field.AreEqual(candidate, point.X);
    }

    /// <summary>
    /// Verifies an IEEE P1363 signature r‖s, each exactly ⌈log2 n / 8⌉ octets; any other length is invalid.
    /// </summary>
    public static bool VerifyP1363(WeierstrassCurve curve, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature) =>
        VerifyP1363(curve, publicKey, hash, signature, generic: false);

    /// <summary><see cref="VerifyP1363(WeierstrassCurve, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, optionally on the generic arithmetic.</summary>
    internal static bool VerifyP1363(WeierstrassCurve curve, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, bool generic)
    {
        int half = (curve.OrderBits + 7) / 8;
        return signature.Length == 2 * half && Verify(curve, publicKey, hash, signature[..half], signature[half..], generic);
    }

    /// <summary>SEC 1 §4.1.3 step 5 and §4.1.4 step 3: e = leftmost OrderBits bits of the hash, reduced mod n.</summary>
    internal static void HashToScalar(WeierstrassCurve curve, ReadOnlySpan<byte> hash, out Limbs e)
    {
        MontgomeryModulus order = curve.Order;
        int orderBytes = (curve.OrderBits + 7) / 8;
        int shift = 0;
        if (hash.Length * 8 > curve.OrderBits)
        {
            // Keep the first ⌈bits/8⌉ octets, then drop the surplus low bits (P-521: 66 octets, 7 bits).
            hash = hash[..orderBytes];
            shift = (orderBytes * 8) - curve.OrderBits;
        }

        bool fits = Limbs.TryFromBigEndian(hash, order.LimbCount, out e);
        System.Diagnostics.Debug.Assert(fits, "at most orderBytes octets");
        if (shift != 0)
        {
            for (int i = 0; i < order.LimbCount; i++)
            {
                ulong next = i + 1 < order.LimbCount ? e[i + 1] : 0;
                e[i] = (e[i] >> shift) | unchecked(next << (64 - shift));
            }
        }

        // e < 2^bits(n) < 2n: one subtraction reduces it.
        if (!order.IsReduced(e))
        {
            order.Subtract(e, order.Modulus, out e); // no borrow: e - n < n
        }
    }

    private static bool TryAdd(in Limbs a, in Limbs b, int limbs, out Limbs result)
    {
        result = default;
        ulong carry = 0;
        unchecked
        {
            for (int i = 0; i < limbs; i++)
            {
                ulong sum = a[i] + b[i];
                ulong c = sum < a[i] ? 1UL : 0UL;
                sum += carry;
                c += sum < carry ? 1UL : 0UL;
                result[i] = sum;
                carry = c;
            }
        }

        return carry == 0;
    }
}
