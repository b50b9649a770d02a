using System.Numerics;
using Pkcs10.Keys;

namespace Pkcs10.Linting.Rules;

/// <summary>The RSA public exponent must be odd and at least 3; 65537 is what every library expects.</summary>
internal sealed class RsaExponentRule() : LintRule("csr.key.rsa_exponent", LintSeverity.Error, "CA/B BR §6.1.6; NIST SP 800-89 §5.3.3",
    "Generate the key with the public exponent 65537.", "e_rsa_public_exponent_not_odd", "w_rsa_public_exponent_not_in_range")
{
    public override void Check(LintContext context)
    {
        SubjectPublicKeyInfo key = context.Request.PublicKey;
        if (key.Algorithm is not (KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss))
        {
            return;
        }

        var e = new BigInteger(key.RsaExponent.Span, isUnsigned: true, isBigEndian: true);
        int? offset = context.OffsetOf(key.RsaExponent);
        if (e.IsEven || e < 3)
        {
            context.Report(this, $"the public exponent {e} is not an odd number of at least 3", "publicKey.exponent", offset);
        }
        else if (e < 65537 || e.GetBitLength() > 256)
        {
            context.Report(this, $"the public exponent {(e.GetBitLength() > 64 ? $"({e.GetBitLength()} bits)" : e.ToString(System.Globalization.CultureInfo.InvariantCulture))} is outside 2^16+1 .. 2^256-1",
                "publicKey.exponent", offset, LintSeverity.Warning);
        }
        else if (e != 65537)
        {
            context.Report(this, $"the public exponent is {e}, not the usual 65537", "publicKey.exponent", offset, LintSeverity.Notice);
        }
    }
}
