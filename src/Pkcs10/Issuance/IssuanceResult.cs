using System.Diagnostics.CodeAnalysis;
using Pkcs10.Certificates;

namespace Pkcs10.Issuance;

/// <summary>
/// The answer of <see cref="CertificateIssuer.Issue"/>: the certificate, or the refusal with every reason; and in
/// both cases the report of each decision. A refusal is an answer, not an error, so it is returned rather than thrown
/// (as a <see cref="Linting.PolicyDecision"/> is); <see cref="EnsureIssued"/> turns it into an
/// <see cref="IssuanceException"/> for callers who prefer that.
/// </summary>
public sealed class IssuanceResult
{
    internal IssuanceResult(Certificate? certificate, IReadOnlyList<IssuanceRefusal> refusals, IssuanceReport report)
    {
        Certificate = certificate;
        Refusals = refusals;
        Report = report;
    }

    /// <summary>Whether a certificate was issued.</summary>
    [MemberNotNullWhen(true, nameof(Certificate))]
    public bool IsIssued => Certificate is not null;

    /// <summary>Whether the request was refused (then <see cref="Refusals"/> says why, and <see cref="Certificate"/> is <see langword="null"/>).</summary>
    [MemberNotNullWhen(false, nameof(Certificate))]
    public bool Refused => Certificate is null;

    /// <summary>The issued certificate (decoded strictly from the signed DER), or <see langword="null"/> when refused.</summary>
    public Certificate? Certificate { get; }

    /// <summary>Every reason for a refusal; empty when issued.</summary>
    public IReadOnlyList<IssuanceRefusal> Refusals { get; }

    /// <summary>The issuer's decisions (for a refusal, those made before the checks failed).</summary>
    public IssuanceReport Report { get; }

    /// <summary>Returns the certificate, or throws when the request was refused.</summary>
    /// <returns>The certificate.</returns>
    /// <exception cref="IssuanceException">The request was refused; the exception carries <see cref="Refusals"/>.</exception>
    public Certificate EnsureIssued() => Certificate ?? throw new IssuanceException(Refusals);
}
