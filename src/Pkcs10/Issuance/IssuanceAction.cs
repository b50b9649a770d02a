namespace Pkcs10.Issuance;

/// <summary>What the issuer did with one field or extension, compared with what the request asked for.</summary>
public enum IssuanceAction
{
    /// <summary>The request's value went into the certificate unchanged.</summary>
    Taken,

    /// <summary>The request asked for it, and the certificate carries a different value (the detail says both).</summary>
    Changed,

    /// <summary>The request asked for it (a whole extension, or one name, purpose or attribute in it), and the certificate does not carry it.</summary>
    Dropped,

    /// <summary>The request did not ask for it; the profile or the issuer put it in.</summary>
    Added,
}
