namespace Pkcs10.Requests;

/// <summary>One observation from comparing a request, a key and a certificate.</summary>
/// <param name="Item">What was compared: "public key", "subject", "subjectAltName".</param>
/// <param name="IsMismatch">Whether this makes the items not belong together; otherwise it is a note (e.g. a SAN the CA added).</param>
/// <param name="Message">What differs, with both sides.</param>
public sealed record MatchFinding(string Item, bool IsMismatch, string Message)
{
    /// <summary>The finding as one line: "mismatch: public key: ...".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{(IsMismatch ? "mismatch" : "note")}: {Item}: {Message}";
}
