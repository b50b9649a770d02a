using System.Numerics;

namespace Pkcs10.Pem;

/// <summary>The state behind <see cref="PemBlockEnumerator"/> and <see cref="Utf8PemBlockEnumerator"/>.</summary>
internal ref struct PemCursor<T>
    where T : unmanaged, IBinaryInteger<T>
{
    private readonly PemDecodingMode _mode;
    private int _position;
    private LineCounter _lines;

    internal PemCursor(ReadOnlySpan<T> text, PemDecodingMode mode)
    {
        Text = text;
        _mode = mode;
    }

    internal readonly ReadOnlySpan<T> Text { get; }

    internal PemBlock Current { get; private set; }

    /// <summary>
    /// Moves to the next block. Returns <see cref="PemStatus.Ok"/> with <paramref name="found"/> set, Ok
    /// without it at the end, or the failure; after a failure the cursor stays where it was.
    /// </summary>
    internal PemStatus MoveNext(out bool found)
    {
        found = false;
        PemStatus status = PemParser.FindNext(Text, _position, _mode, out RawPemBlock raw);
        if (status.Failure == PemFailure.NoBlock)
        {
            _position = Text.Length;
            Current = default;
            return PemStatus.Ok;
        }

        if (!status.IsOk)
        {
            return status;
        }

        status = PemReaderCore.Complete(Text, raw, _mode, ref _lines, out PemBlock block);
        if (!status.IsOk)
        {
            return status;
        }

        Current = block;
        _position = raw.End;
        found = true;
        return PemStatus.Ok;
    }
}
