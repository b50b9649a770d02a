namespace Pkcs10.Issuance;

/// <summary>Where a certificate's subject comes from (unless <see cref="IssuanceOptions.Subject"/> gives one).</summary>
public enum SubjectNamePolicy
{
    /// <summary>The request's subject, byte for byte.</summary>
    Copy,

    /// <summary>The request's subject with only the attribute types of <see cref="IssuanceProfile.KeptSubjectAttributes"/>, in their original order and encoding.</summary>
    KeepListedAttributes,

    /// <summary>Only the caller's name (<see cref="IssuanceOptions.Subject"/>, required).</summary>
    FromOptions,
}
