namespace Pkcs10.Extensions;

/// <summary>One DistributionPoint of a cRLDistributionPoints extension (RFC 5280 §4.2.1.13).</summary>
/// <remarks>
/// <code>
/// DistributionPoint ::= SEQUENCE {
///   distributionPoint [0] DistributionPointName OPTIONAL,
///   reasons           [1] ReasonFlags OPTIONAL,
///   cRLIssuer         [2] GeneralNames OPTIONAL }
/// DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
/// </code>
/// </remarks>
/// <param name="FullName">The fullName choice, or <see langword="null"/>.</param>
/// <param name="NameRelativeToCrlIssuer">The DER of the nameRelativeToCRLIssuer RDN (a SET, re-tagged [1] in the certificate), or <see langword="null"/>.</param>
/// <param name="Reasons">The reasons, or <see langword="null"/> when absent (all reasons).</param>
/// <param name="CrlIssuer">The cRLIssuer names, or <see langword="null"/> when absent.</param>
public sealed record DistributionPoint(IReadOnlyList<GeneralName>? FullName, ReadOnlyMemory<byte>? NameRelativeToCrlIssuer, CrlReasonFlags? Reasons,
    IReadOnlyList<GeneralName>? CrlIssuer);
