namespace Pkcs10.Extensions;

/// <summary>One PolicyQualifierInfo of a certificatePolicies entry (RFC 5280 §4.2.1.4).</summary>
/// <remarks>
/// <code>
/// PolicyQualifierInfo ::= SEQUENCE { policyQualifierId OBJECT IDENTIFIER, qualifier ANY DEFINED BY policyQualifierId }
/// UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText DisplayText OPTIONAL }
/// NoticeReference ::= SEQUENCE { organization DisplayText, noticeNumbers SEQUENCE OF INTEGER }
/// </code>
/// </remarks>
/// <param name="QualifierId">The policyQualifierId as dotted text.</param>
/// <param name="RawQualifier">The DER of the qualifier.</param>
/// <param name="CpsUri">For id-qt-cps, the URI; otherwise <see langword="null"/>.</param>
/// <param name="NoticeOrganization">For id-qt-unotice with a noticeRef, its organization; otherwise <see langword="null"/>.</param>
/// <param name="ExplicitText">For id-qt-unotice, the explicitText when present; otherwise <see langword="null"/>.</param>
public sealed record PolicyQualifier(string QualifierId, ReadOnlyMemory<byte> RawQualifier, string? CpsUri, string? NoticeOrganization, string? ExplicitText);
