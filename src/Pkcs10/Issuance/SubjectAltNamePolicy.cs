namespace Pkcs10.Issuance;

/// <summary>Where a certificate's subjectAltName entries come from.</summary>
public enum SubjectAltNamePolicy
{
    /// <summary>
    /// The request's entries (or <see cref="IssuanceOptions.SubjectAlternativeNames"/> when given), each checked against
    /// the profile's allowed name types and domains; with <see cref="IssuanceProfile.CopyCommonNameToSubjectAltName"/>, a
    /// DNS-name CN becomes the only entry when the request has none.
    /// </summary>
    Copy,

    /// <summary>Only the caller's entries (<see cref="IssuanceOptions.SubjectAlternativeNames"/>, required); the request's are replaced.</summary>
    Override,

    /// <summary>No subjectAltName: any requested one is dropped.</summary>
    Deny,
}
