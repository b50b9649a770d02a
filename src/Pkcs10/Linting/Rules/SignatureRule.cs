using Pkcs10.Signatures;

namespace Pkcs10.Linting.Rules;

/// <summary>The self-signature must verify over the received CertificationRequestInfo (RFC 2986 §3 proof of possession).</summary>
internal sealed class SignatureRule() : LintRule("csr.signature.invalid", LintSeverity.Error, "RFC 2986 §3",
    "Sign the request again with the private key of the public key it carries.")
{
    public override void Check(LintContext context)
    {
        SignatureStatus status = context.Request.CheckSignature();
        int? offset = context.OffsetOf(context.Request.Signature);
        if (status == SignatureStatus.Invalid)
        {
            context.Report(this, $"the {context.Request.SignatureAlgorithm.Name} self-signature does not verify with the request's public key", "signature", offset);
        }
        else if (status == SignatureStatus.Unsupported)
        {
            context.Report(this, $"the {context.Request.SignatureAlgorithm.Name} self-signature cannot be verified here", "signature", offset, LintSeverity.Warning);
        }
    }
}
