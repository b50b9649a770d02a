namespace Pkcs10.Extensions;

/// <summary>The issuingDistributionPoint CRL extension (RFC 5280 §5.2.5): which certificates and reasons a CRL covers.</summary>
/// <remarks>
/// <code>
/// IssuingDistributionPoint ::= SEQUENCE {
///   distributionPoint          [0] DistributionPointName OPTIONAL,
///   onlyContainsUserCerts      [1] BOOLEAN DEFAULT FALSE,
///   onlyContainsCACerts        [2] BOOLEAN DEFAULT FALSE,
///   onlySomeReasons            [3] ReasonFlags OPTIONAL,
///   indirectCRL                [4] BOOLEAN DEFAULT FALSE,
///   onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE }
/// DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RelativeDistinguishedName }
/// </code>
/// In DER a BOOLEAN equal to its DEFAULT is absent (X.690 §11.5), so an encoded FALSE is rejected by strict decoding.
/// </remarks>
/// <param name="DistributionPointFullName">The distributionPoint's fullName choice, or <see langword="null"/>.</param>
/// <param name="NameRelativeToCrlIssuer">The DER of the nameRelativeToCRLIssuer RDN (tagged [1]), or <see langword="null"/>.</param>
/// <param name="OnlyContainsUserCerts">Whether the CRL covers only end-entity certificates.</param>
/// <param name="OnlyContainsCACerts">Whether the CRL covers only CA certificates.</param>
/// <param name="OnlySomeReasons">The reasons covered, or <see langword="null"/> when absent (all reasons).</param>
/// <param name="IndirectCrl">Whether the CRL may list certificates issued by others than the CRL issuer.</param>
/// <param name="OnlyContainsAttributeCerts">Whether the CRL covers only attribute certificates.</param>
public sealed record IssuingDistributionPoint(IReadOnlyList<GeneralName>? DistributionPointFullName, ReadOnlyMemory<byte>? NameRelativeToCrlIssuer,
    bool OnlyContainsUserCerts, bool OnlyContainsCACerts, CrlReasonFlags? OnlySomeReasons, bool IndirectCrl, bool OnlyContainsAttributeCerts)
{
    /// <summary>Whether the distributionPoint field is present (either choice).</summary>
    public bool HasDistributionPoint => DistributionPointFullName is not null || NameRelativeToCrlIssuer is not null;
}
