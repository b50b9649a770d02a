using System.Security.Cryptography;

namespace Pkcs10;

/// <summary>
/// The one exception Pkcs10 throws for malformed or unacceptable input. It derives from
/// <see cref="CryptographicException"/>, which .NET callers already handle for certificate data.
/// </summary>
/// <remarks>
/// <see cref="Code"/> is a stable identifier for the reason; <see cref="Offset"/> is the byte offset
/// into the DER (or, for PEM and RFC 4514 name text, the character offset into the text) where the problem was found.
/// </remarks>
public sealed class Pkcs10Exception : CryptographicException
{
    /// <summary>Creates an exception with a code, a message and an optional offset.</summary>
    /// <param name="code">The stable reason code.</param>
    /// <param name="message">A human-readable message.</param>
    /// <param name="offset">The byte offset where the problem was found, if known.</param>
    public Pkcs10Exception(Pkcs10ErrorCode code, string message, int? offset = null)
        : base(Format(code, message, offset))
    {
        Code = code;
        Offset = offset;
        Detail = message;
    }

    /// <summary>Creates an exception that wraps another (for instance a platform exception).</summary>
    /// <param name="code">The stable reason code.</param>
    /// <param name="message">A human-readable message.</param>
    /// <param name="offset">The byte offset where the problem was found, if known.</param>
    /// <param name="inner">The original exception.</param>
    public Pkcs10Exception(Pkcs10ErrorCode code, string message, int? offset, Exception? inner)
        : base(Format(code, message, offset), inner)
    {
        Code = code;
        Offset = offset;
        Detail = message;
    }

    /// <summary>The stable reason code.</summary>
    public Pkcs10ErrorCode Code { get; }

    /// <summary>The byte offset into the input where the problem was found, or <see langword="null"/>.</summary>
    public int? Offset { get; }

    /// <summary>The message without the code and offset prefix.</summary>
    public string Detail { get; }

    private static string Format(Pkcs10ErrorCode code, string message, int? offset) =>
        offset is int o ? $"{code} at offset {o}: {message}" : $"{code}: {message}";
}
