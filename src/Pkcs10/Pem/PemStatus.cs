namespace Pkcs10.Pem;

/// <summary>
/// The outcome of the shared PEM core: success, or a failure with the offset where it was found and up to
/// two extra values whose meaning depends on <see cref="Failure"/> (see <see cref="PemErrors"/>). The
/// throwing and the <c>Try</c> entry points both run the core and differ only in what they do with this.
/// </summary>
internal readonly struct PemStatus
{
    internal PemStatus(PemFailure failure, int offset, int aux = -1, int aux2 = -1)
    {
        Failure = failure;
        Offset = offset;
        Aux = aux;
        Aux2 = aux2;
    }

    internal static PemStatus Ok => default;

    internal PemFailure Failure { get; }

    /// <summary>Where the problem is, in code units from the start of the text; -1 when there is no position.</summary>
    internal int Offset { get; }

    internal int Aux { get; }

    internal int Aux2 { get; }

    internal bool IsOk => Failure == PemFailure.None;
}
