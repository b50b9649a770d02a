using System.Buffers;
using System.Security.Cryptography;

namespace Pkcs10.Pem;

/// <summary>
/// Decoded PEM data in an array rented from <see cref="ArrayPool{T}.Shared"/>. <see cref="Dispose"/> clears
/// the data and returns the array; use it in a <c>using</c> statement.
/// </summary>
/// <remarks>
/// Do not keep a <see cref="Span"/> or <see cref="Memory"/> beyond <see cref="Dispose"/>: the array then
/// belongs to the pool. Disposing twice is harmless.
/// </remarks>
public sealed class PemPooledBuffer : IDisposable
{
    private byte[]? _array;

    internal PemPooledBuffer(int length)
    {
        _array = ArrayPool<byte>.Shared.Rent(length);
        Length = length;
    }

    /// <summary>The number of decoded bytes.</summary>
    public int Length { get; }

    /// <summary>The decoded bytes.</summary>
    /// <exception cref="ObjectDisposedException">The buffer has been disposed.</exception>
    public ReadOnlySpan<byte> Span => WritableSpan;

    /// <summary>The decoded bytes.</summary>
    /// <exception cref="ObjectDisposedException">The buffer has been disposed.</exception>
    public ReadOnlyMemory<byte> Memory
    {
        get
        {
            byte[]? array = _array;
            ObjectDisposedException.ThrowIf(array is null, this);
            return new ReadOnlyMemory<byte>(array, 0, Length);
        }
    }

    internal Span<byte> WritableSpan
    {
        get
        {
            byte[]? array = _array;
            ObjectDisposedException.ThrowIf(array is null, this);
            return new Span<byte>(array, 0, Length);
        }
    }

    /// <summary>Clears the decoded bytes and returns the array to the pool.</summary>
    public void Dispose()
    {
        byte[]? array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            // The data may be a private key (PemLabels.PrivateKey): never hand it to the next renter.
            CryptographicOperations.ZeroMemory(array.AsSpan(0, Length));
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
