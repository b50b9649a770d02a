namespace Pkcs10.Pem;

/// <summary>Which RFC 7468 §3 grammar the PEM reader enforces.</summary>
public enum PemDecodingMode
{
    /// <summary>
    /// RFC 7468 §3 Figure 2 (<c>laxtextualmsg</c>): whitespace (space, tab, CR, LF, VT, FF) anywhere in the
    /// base64 body and around the boundaries, any line length, LF, CRLF or CR line breaks, and a BEGIN
    /// boundary that may be followed by data on the same line. Padding bits that are not zero are ignored, as
    /// <see cref="Convert.FromBase64String(string)"/> ignores them (RFC 4648 §3.5 lets decoders accept them;
    /// they change no decoded byte); <see cref="System.Security.Cryptography.PemEncoding"/> in .NET 10 rejects
    /// them. This is the default, and what RFC 7468 §3 recommends parsers accept.
    /// </summary>
    Lax = 0,

    /// <summary>
    /// RFC 7468 §3 Figure 3 (<c>stricttextualmsg</c>): each boundary alone on its line starting at column 1
    /// and followed by a line break; base64 lines of exactly 64 characters except
    /// the last (4 to 64); LF or CRLF line breaks only; no other whitespace; correct padding with zero
    /// padding bits (RFC 4648 §3.5 canonical encoding); at least one base64 line. One leniency: the END
    /// line may end at the end of the input instead of with a line break, as
    /// <see cref="System.Security.Cryptography.PemEncoding"/> writes it.
    /// </summary>
    Strict = 1,
}
