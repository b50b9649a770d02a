using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pkcs10.Extensions;

/// <summary>
/// The rfc822Name of RFC 5280 §4.2.1.6: a Mailbox of RFC 5321 §4.1.2 (local-part "@" domain), ASCII, with the
/// domain as A-labels (RFC 9598 §3 keeps rfc822Name ASCII; non-ASCII local parts need SmtpUTF8Mailbox).
/// </summary>
internal static class MailboxSyntax
{
    /// <summary>RFC 5321 §4.5.3.1.1.</summary>
    public const int MaxLocalPartLength = 64;

    /// <summary>RFC 5321 §4.5.3.1.3: a 256-octet path less its angle brackets.</summary>
    public const int MaxLength = 254;

    public static bool TryNormalize(string address, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (address.Length == 0)
        {
            error = "the address is empty";
            return false;
        }

        if (address.Contains('<', StringComparison.Ordinal) || address.Contains('>', StringComparison.Ordinal))
        {
            error = "display names and angle brackets are not part of an rfc822Name; pass only local-part@domain (RFC 5280 §4.2.1.6)";
            return false;
        }

        int at = address.LastIndexOf('@');
        if (at < 0)
        {
            error = "it has no '@' (an rfc822Name is local-part@domain)";
            return false;
        }

        string local = address[..at];
        string domain = address[(at + 1)..];
        if (local.Length == 0 || domain.Length == 0)
        {
            error = local.Length == 0 ? "the local part before '@' is empty" : "the domain after '@' is empty";
            return false;
        }

        string? problem = CheckLocalPart(local);
        if (problem is not null)
        {
            error = problem;
            return false;
        }

        if (domain[0] == '[')
        {
            error = "address literals ('@[...]') are not accepted; use an iPAddress entry for an address";
            return false;
        }

        if (!HostNameSyntax.TryNormalizeDnsName(domain, allowWildcard: false, out string? ascii, out string? why))
        {
            error = $"the domain '{domain}' is not valid: {why}";
            return false;
        }

        string result = local + "@" + ascii;
        if (result.Length > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"it is {result.Length} characters long; a mailbox has at most {MaxLength} (RFC 5321 §4.5.3.1.3)");
            return false;
        }

        normalized = result;
        error = null;
        return true;
    }

    // RFC 5321 §4.1.2: Local-part = Dot-string / Quoted-string.
    private static string? CheckLocalPart(string local)
    {
        if (!System.Text.Ascii.IsValid(local))
        {
            return "the local part is not ASCII; an rfc822Name cannot hold it (RFC 9598 defines the SmtpUTF8Mailbox otherName for such addresses, which AddOtherName can carry)";
        }

        if (local.Length > MaxLocalPartLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the local part is {local.Length} characters long; at most {MaxLocalPartLength} are allowed (RFC 5321 §4.5.3.1.1)");
        }

        if (local[0] == '"')
        {
            // Quoted-string = DQUOTE *QcontentSMTP DQUOTE; qtextSMTP = %d32-33 / %d35-91 / %d93-126; quoted-pairSMTP = "\" %d32-126.
            if (local.Length < 2 || local[^1] != '"')
            {
                return "a quoted local part must end with '\"' just before '@'";
            }

            for (int i = 1; i < local.Length - 1; i++)
            {
                char c = local[i];
                if (c == '\\')
                {
                    if (i + 1 >= local.Length - 1 || local[i + 1] is < ' ' or > '~')
                    {
                        return "a '\\' in a quoted local part must be followed by a printable character";
                    }

                    i++;
                }
                else if (c is < ' ' or > '~' || c == '"')
                {
                    return $"the quoted local part has {Show(c)}, which must be escaped with '\\' or is not allowed";
                }
            }

            return null;
        }

        // Dot-string = Atom *("." Atom)
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return "the local part has a leading, trailing or doubled '.' (quote it to keep it)";
        }

        foreach (char c in local)
        {
            if (c != '.' && !IsAtext(c))
            {
                return $"the local part has {Show(c)}, which is allowed only in a quoted local part (\"...\"@domain)";
            }
        }

        return null;
    }

    // RFC 5322 §3.2.3 atext.
    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal);

    private static string Show(char c) =>
        c is < '!' or > '~' ? $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}" : $"'{c}'";
}
