using System.Buffers;

namespace Pkcs10.Signatures.Managed;

/// <summary>
/// The EdDSA challenge input dom || R || A || M (RFC 8032 §5.1.7 step 2, §5.2.7 step 2) laid out in one
/// buffer for a one-shot BCL hash: on the stack up to <see cref="StackLimit"/> bytes, otherwise in an
/// array rented from <see cref="ArrayPool{T}.Shared"/> and returned afterwards.
/// </summary>
/// <remarks>
/// The BCL's streaming <c>IncrementalHash</c> (and a <c>Shake256</c> instance) allocate on every use; a
/// copy of the message into a pooled buffer costs far less than hashing it and keeps verification
/// allocation-free once the pool is warm. The buffer only ever holds public data, so it is not wiped.
/// </remarks>
internal ref struct EdDsaHashInput
{
    /// <summary>Inputs up to this many bytes are laid out on the stack by the caller.</summary>
    public const int StackLimit = 256;

    private byte[]? _rented;

    /// <summary>The laid-out input.</summary>
    public Span<byte> Data { get; private set; }

    /// <summary>
    /// Lays out <paramref name="prefix"/> || <paramref name="r"/> || <paramref name="a"/> || <paramref name="message"/>
    /// in <paramref name="stackBuffer"/> when it fits, else in a rented array.
    /// </summary>
    public EdDsaHashInput(Span<byte> stackBuffer, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> r, ReadOnlySpan<byte> a, ReadOnlySpan<byte> message)
    {
        int length = checked(prefix.Length + r.Length + a.Length + message.Length);
        Span<byte> buffer = stackBuffer;
        if (length > stackBuffer.Length)
        {
            _rented = ArrayPool<byte>.Shared.Rent(length);
            buffer = _rented;
        }

        prefix.CopyTo(buffer);
        r.CopyTo(buffer[prefix.Length..]);
        a.CopyTo(buffer[(prefix.Length + r.Length)..]);
        message.CopyTo(buffer[(prefix.Length + r.Length + a.Length)..]);
        Data = buffer[..length];
    }

    /// <summary>Returns the rented array, if any.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }

        Data = default;
    }
}
