namespace Pkcs10.Pem;

/// <summary>The line break <see cref="PemWriter"/> writes (RFC 7468 §2 allows either).</summary>
public enum PemLineEnding
{
    /// <summary>LF (<c>\n</c>), as OpenSSL writes on every platform.</summary>
    Lf = 0,

    /// <summary>CRLF (<c>\r\n</c>), as Windows tools write.</summary>
    CrLf = 1,
}
