namespace Pkcs10.Pem;

/// <summary>
/// Enumerates the PEM blocks in text (UTF-16), in order, skipping the explanatory text around them
/// (RFC 7468 §2). Use it with <c>foreach</c>; it allocates nothing. Obtain it from
/// <see cref="PemReader.EnumerateBlocks(ReadOnlySpan{char}, PemDecodingMode)"/>.
/// </summary>
/// <remarks>
/// Each block is fully validated (boundaries, labels and base64 body) before it becomes
/// <see cref="Current"/>. A malformed block makes <see cref="MoveNext"/> throw; the enumerator then stays
/// on it. Positions in each <see cref="PemBlock"/> count characters from the start of the input.
/// </remarks>
public ref struct PemBlockEnumerator
{
    private PemCursor<char> _cursor;

    internal PemBlockEnumerator(ReadOnlySpan<char> pem, PemDecodingMode mode)
    {
        _cursor = new PemCursor<char>(pem, mode);
    }

    /// <summary>The block at the current position (<see langword="default"/> before the first <see cref="MoveNext"/> and after the last).</summary>
    public readonly PemBlock Current => _cursor.Current;

    /// <summary>Returns this enumerator, so that it can be used with <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly PemBlockEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next block.</summary>
    /// <returns><see langword="true"/> if there is another block; <see langword="false"/> at the end of the input.</returns>
    /// <exception cref="Pkcs10Exception">
    /// The next block is malformed: <see cref="Pkcs10ErrorCode.PemInvalidBoundary"/>,
    /// <see cref="Pkcs10ErrorCode.PemMissingEndLine"/>, <see cref="Pkcs10ErrorCode.PemLabelMismatch"/> or
    /// <see cref="Pkcs10ErrorCode.PemInvalidBase64"/>, with the line, column and offset in the message.
    /// </exception>
    public bool MoveNext()
    {
        PemStatus status = _cursor.MoveNext(out bool found);
        if (!status.IsOk)
        {
            PemErrors.Throw(_cursor.Text, status, PemLabelFilter.Any);
        }

        return found;
    }

    /// <summary>Advances to the next block without throwing on malformed input.</summary>
    /// <param name="errorCode">
    /// <see cref="Pkcs10ErrorCode.None"/> on success or at the end; otherwise why the next block is malformed.
    /// </param>
    /// <returns><see langword="true"/> if there is another well-formed block.</returns>
    public bool TryMoveNext(out Pkcs10ErrorCode errorCode)
    {
        PemStatus status = _cursor.MoveNext(out bool found);
        errorCode = PemErrors.GetCode(status.Failure);
        return found;
    }
}
