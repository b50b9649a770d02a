namespace Pkcs10.Issuance;

/// <summary>What an issuer does with a requested subjectAltName entry that its profile does not allow.</summary>
public enum DisallowedNameAction
{
    /// <summary>Refuse the whole request.</summary>
    Refuse,

    /// <summary>Leave the entry out of the certificate and report it as <see cref="IssuanceAction.Dropped"/>.</summary>
    Drop,
}
