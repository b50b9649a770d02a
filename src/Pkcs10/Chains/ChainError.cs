using Pkcs10.Certificates;

namespace Pkcs10.Chains;

/// <summary>One reason a path, or a step of one, was rejected.</summary>
/// <param name="Code">The stable reason code.</param>
/// <param name="Message">A sentence naming the certificate and the value at fault.</param>
/// <param name="Depth">The position on the path: 0 is the leaf, 1 its issuer, and so on.</param>
/// <param name="Certificate">The certificate at fault, when there is one.</param>
public sealed record ChainError(ChainErrorCode Code, string Message, int Depth, Certificate? Certificate)
{
    /// <summary>"Code at depth N: message".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Code} at depth {Depth}: {Message}";
}
