namespace Pkcs10.Requests;

/// <summary>How a request was encoded on the wire.</summary>
public enum RequestEncoding
{
    /// <summary>Binary DER.</summary>
    Der,
    /// <summary>PEM text (RFC 7468), "CERTIFICATE REQUEST" or the legacy "NEW CERTIFICATE REQUEST".</summary>
    Pem,
}
