namespace Pkcs10.Linting;

/// <summary>A domain a <see cref="RequestPolicy"/> allows names in.</summary>
/// <param name="Domain">The domain, e.g. "example.com" (A-labels, without a trailing dot).</param>
/// <param name="IncludeSubdomains">Whether names below it (app.example.com, a.b.example.com) are allowed too.</param>
/// <param name="AllowWildcards">Whether wildcard names over it (or, with <paramref name="IncludeSubdomains"/>, over its subdomains) are allowed.</param>
public sealed record AllowedDomain(string Domain, bool IncludeSubdomains = false, bool AllowWildcards = false)
{
    /// <summary>Whether <paramref name="dnsName"/> falls within this entry.</summary>
    /// <param name="dnsName">A dNSName, possibly a wildcard.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool Covers(string dnsName)
    {
        ArgumentNullException.ThrowIfNull(dnsName);
        string domain = Domain.TrimEnd('.');
        bool wildcard = dnsName.StartsWith("*.", StringComparison.Ordinal);
        if (wildcard && !AllowWildcards)
        {
            return false;
        }

        // "*.example.com" names the children of example.com: its base must be the domain itself or, with subdomains, below it.
        string name = wildcard ? dnsName[2..] : dnsName;
        if (string.Equals(name, domain, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IncludeSubdomains && name.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);
    }
}
