namespace Pkcs10.Issuance;

/// <summary>One decision of the issuer: a field or extension, what was done with it, and why.</summary>
/// <param name="Field">
/// The field or extension: "subject", "validity", or an extension name ("basicConstraints", "keyUsage",
/// "extendedKeyUsage", "subjectAltName", "subjectKeyIdentifier", "authorityKeyIdentifier", "cRLDistributionPoints",
/// "authorityInfoAccess"), or the dotted OID of any other extension.
/// </param>
/// <param name="Action">What was done.</param>
/// <param name="Detail">The values involved and the reason, for people to read (not a stable format).</param>
public sealed record IssuanceDecision(string Field, IssuanceAction Action, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Action} ({Detail})";
}
