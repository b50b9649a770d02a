namespace Pkcs10.Issuance;

/// <summary>One reason an issuer refused a request.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Message">The reason, for people to read.</param>
public sealed record IssuanceRefusal(IssuanceRefusalCode Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}
