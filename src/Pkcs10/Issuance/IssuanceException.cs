namespace Pkcs10.Issuance;

/// <summary>Thrown by <see cref="IssuanceResult.EnsureIssued"/> when a request was refused; carries every reason.</summary>
public sealed class IssuanceException : Exception
{
    /// <summary>Creates the exception for a refusal with no listed reason.</summary>
    public IssuanceException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no listed reason.</summary>
    /// <param name="message">The message.</param>
    public IssuanceException(string message)
        : base(message) => Refusals = [];

    /// <summary>Creates the exception with a message, an inner exception and no listed reason.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IssuanceException(string message, Exception innerException)
        : base(message, innerException) => Refusals = [];

    /// <summary>Creates the exception for the given reasons; the message lists them.</summary>
    /// <param name="refusals">The reasons.</param>
    /// <exception cref="ArgumentNullException"><paramref name="refusals"/> is <see langword="null"/>.</exception>
    public IssuanceException(IReadOnlyList<IssuanceRefusal> refusals)
        : base(Format(refusals)) => Refusals = refusals;

    /// <summary>Every reason for the refusal.</summary>
    public IReadOnlyList<IssuanceRefusal> Refusals { get; }

    private static string Format(IReadOnlyList<IssuanceRefusal> refusals)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        return refusals.Count == 0
            ? "The request was refused."
            : "The request was refused: " + string.Join("; ", refusals);
    }
}
