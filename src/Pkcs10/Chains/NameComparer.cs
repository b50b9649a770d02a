using System.Text;
using Pkcs10.Asn1;
using Pkcs10.Names;

namespace Pkcs10.Chains;

/// <summary>
/// Distinguished name comparison for path validation (RFC 5280 §7.1): two names are equal when they have the same
/// RDNs in the same order, and each RDN has the same set of attributes, string values compared after an
/// RFC 4518-style preparation.
/// </summary>
/// <remarks>
/// Preparation (RFC 4518 §2, simplified as RFC 5280 §7.1 allows): Unicode NFKC, simple case folding, leading and
/// trailing spaces removed, and each internal run of whitespace collapsed to one space. Values of the directory
/// string types (PrintableString, UTF8String, TeletexString, BMPString, UniversalString) and of IA5String,
/// VisibleString and NumericString are compared as prepared text, so PrintableString "Acme" equals UTF8String
/// "ACME  ". Any other value (a non-string attribute) compares by its exact DER.
/// </remarks>
internal static class NameComparer
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same entity.</summary>
    public static bool Equal(DistinguishedName a, DistinguishedName b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.RawData.Span.SequenceEqual(b.RawData.Span))
        {
            return true;
        }

        IReadOnlyList<RelativeDistinguishedName> x = a.Rdns, y = b.Rdns;
        return x.Count == y.Count && RdnsEqual(x, y, x.Count);
    }

    /// <summary>
    /// Whether <paramref name="name"/> lies within the directoryName subtree <paramref name="constraint"/> (RFC 5280
    /// §4.2.1.10): its first RDNs equal all the constraint's RDNs. An empty constraint contains every name.
    /// </summary>
    public static bool IsPrefix(DistinguishedName constraint, DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        ArgumentNullException.ThrowIfNull(name);
        IReadOnlyList<RelativeDistinguishedName> c = constraint.Rdns, n = name.Rdns;
        return c.Count <= n.Count && RdnsEqual(c, n, c.Count);
    }

    /// <summary>The prepared form of a string value (exposed for tests and for callers that index names).</summary>
    public static string Prepare(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string text = value;
        if (!Ascii.IsValid(text))
        {
            try
            {
                text = text.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // Unpaired surrogates: compare the text as it is.
            }
            catch (PlatformNotSupportedException)
            {
                // Globalization-invariant mode without normalization data: case folding and spaces still apply.
            }
        }

        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // Simple case folding: one char to one char (RFC 4518 §2.3 asks for full folding; this is what
            // RFC 5280 §7.1's "case-insensitive" comparison needs for the names CAs use).
            builder.Append(char.ToLowerInvariant(char.ToUpperInvariant(c)));
        }

        return builder.ToString();
    }

    private static bool RdnsEqual(IReadOnlyList<RelativeDistinguishedName> x, IReadOnlyList<RelativeDistinguishedName> y, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (!RdnEqual(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    // The same set of AttributeTypeAndValue: each attribute of x matches a distinct attribute of y.
    private static bool RdnEqual(RelativeDistinguishedName x, RelativeDistinguishedName y)
    {
        IReadOnlyList<AttributeTypeAndValue> a = x.Attributes, b = y.Attributes;
        if (a.Count != b.Count)
        {
            return false;
        }

        if (a.Count == 1)
        {
            return AttributeEqual(a[0], b[0]);
        }

        Span<bool> used = a.Count <= 64 ? stackalloc bool[a.Count] : new bool[a.Count];
        used.Clear();
        foreach (AttributeTypeAndValue atv in a)
        {
            int match = -1;
            for (int j = 0; j < b.Count; j++)
            {
                if (!used[j] && AttributeEqual(atv, b[j]))
                {
                    match = j;
                    break;
                }
            }

            if (match < 0)
            {
                return false;
            }

            used[match] = true;
        }

        return true;
    }

    private static bool AttributeEqual(AttributeTypeAndValue a, AttributeTypeAndValue b)
    {
        if (!a.RawType.Span.SequenceEqual(b.RawType.Span))
        {
            return false;
        }

        if (a.RawValue.Span.SequenceEqual(b.RawValue.Span))
        {
            return true;
        }

        return IsPreparedString(a) && IsPreparedString(b) && string.Equals(Prepare(a.Value!), Prepare(b.Value!), StringComparison.Ordinal);
    }

    private static bool IsPreparedString(AttributeTypeAndValue atv) =>
        atv.Value is not null && atv.StringType is UniversalTagNumber.PrintableString or UniversalTagNumber.Utf8String or UniversalTagNumber.TeletexString
            or UniversalTagNumber.BmpString or UniversalTagNumber.UniversalString or UniversalTagNumber.IA5String or UniversalTagNumber.VisibleString
            or UniversalTagNumber.NumericString;
}
