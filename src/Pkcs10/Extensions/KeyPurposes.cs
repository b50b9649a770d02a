using System.Diagnostics.CodeAnalysis;
using Pkcs10.Asn1;

namespace Pkcs10.Extensions;

/// <summary>The common extended key usage purposes (RFC 5280 §4.2.1.12) by OID and by their usual names.</summary>
public static class KeyPurposes
{
    /// <summary>id-kp-serverAuth, TLS server authentication.</summary>
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    /// <summary>id-kp-clientAuth, TLS client authentication.</summary>
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>id-kp-codeSigning.</summary>
    public const string CodeSigning = "1.3.6.1.5.5.7.3.3";

    /// <summary>id-kp-emailProtection (S/MIME).</summary>
    public const string EmailProtection = "1.3.6.1.5.5.7.3.4";

    /// <summary>id-kp-timeStamping.</summary>
    public const string TimeStamping = "1.3.6.1.5.5.7.3.8";

    /// <summary>id-kp-OCSPSigning.</summary>
    public const string OcspSigning = "1.3.6.1.5.5.7.3.9";

    /// <summary>anyExtendedKeyUsage (2.5.29.37.0).</summary>
    public const string Any = "2.5.29.37.0";

    private static readonly Dictionary<string, string> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["serverAuth"] = ServerAuth,
        ["clientAuth"] = ClientAuth,
        ["codeSigning"] = CodeSigning,
        ["emailProtection"] = EmailProtection,
        ["timeStamping"] = TimeStamping,
        ["OCSPSigning"] = OcspSigning,
        ["anyExtendedKeyUsage"] = Any,
    };

    /// <summary>Resolves a purpose given by name (case-insensitive: serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning, anyExtendedKeyUsage) or as a dotted OID.</summary>
    /// <param name="nameOrOid">The name or OID.</param>
    /// <param name="oid">The dotted OID.</param>
    /// <returns>Whether it was recognised.</returns>
    public static bool TryResolve(string? nameOrOid, [NotNullWhen(true)] out string? oid)
    {
        if (nameOrOid is not null && s_byName.TryGetValue(nameOrOid, out oid))
        {
            return true;
        }

        oid = ObjectIdentifier.TryEncode(nameOrOid, out _) ? nameOrOid : null;
        return oid is not null;
    }
}
