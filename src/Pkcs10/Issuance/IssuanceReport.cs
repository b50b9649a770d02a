namespace Pkcs10.Issuance;

/// <summary>
/// Every decision the issuer made while turning a request into a certificate, in certificate order: the subject,
/// the validity (only when it was shortened, raised or capped), then the extensions the profile decides in the order
/// they are written (basicConstraints, keyUsage, extKeyUsage, subjectAltName, subjectKeyIdentifier,
/// authorityKeyIdentifier, cRLDistributionPoints, authorityInfoAccess), then every other requested extension in
/// request order (copied or dropped).
/// </summary>
/// <remarks>
/// For each extension the certificate carries there is exactly one <see cref="IssuanceAction.Taken"/>,
/// <see cref="IssuanceAction.Changed"/> or <see cref="IssuanceAction.Added"/> decision; it is preceded by one
/// <see cref="IssuanceAction.Dropped"/> decision for each requested element the issuer removed from it (a
/// subjectAltName entry, a key purpose, basicConstraints cA TRUE, a subject attribute). A requested extension
/// the certificate does not carry at all has one <see cref="IssuanceAction.Dropped"/> decision in its place.
/// </remarks>
public sealed class IssuanceReport
{
    internal IssuanceReport(IReadOnlyList<IssuanceDecision> decisions) => Decisions = decisions;

    /// <summary>The decisions, in the order described above.</summary>
    public IReadOnlyList<IssuanceDecision> Decisions { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Decisions);
}
