using System.Text;

namespace Pkcs10.Pem;

/// <summary>
/// Which PEM labels a search accepts: any label, exactly one label, or either PKCS #10 request label.
/// A <see cref="string"/> converts implicitly to an exact-label filter, so
/// <c>PemReader.TryFind(pem, PemLabels.Certificate, out PemBlock block)</c> reads naturally.
/// </summary>
/// <remarks>
/// Labels are compared ordinally (case-sensitive), as RFC 7468 §2 defines them.
/// </remarks>
public readonly struct PemLabelFilter : IEquatable<PemLabelFilter>
{
    private readonly string? _label;
    private readonly bool _certificateRequest;

    private PemLabelFilter(string? label, bool certificateRequest)
    {
        _label = label;
        _certificateRequest = certificateRequest;
    }

    /// <summary>Accepts any label. This is also the <see langword="default"/> value.</summary>
    public static PemLabelFilter Any => default;

    /// <summary>
    /// Accepts <see cref="PemLabels.CertificateRequest"/> and the legacy
    /// <see cref="PemLabels.NewCertificateRequest"/> (RFC 7468 §7).
    /// </summary>
    public static PemLabelFilter CertificateRequest => new(null, certificateRequest: true);

    /// <summary>Whether this filter accepts every label.</summary>
    public bool IsAny => _label is null && !_certificateRequest;

    /// <summary>Creates a filter that accepts exactly <paramref name="label"/>.</summary>
    /// <param name="label">The label to accept, for example <see cref="PemLabels.Certificate"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a valid RFC 7468 label.</exception>
    public static PemLabelFilter Exactly(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!PemLabels.IsValid(label))
        {
            throw new ArgumentException("The label is not a valid RFC 7468 label.", nameof(label));
        }

        return new PemLabelFilter(label, certificateRequest: false);
    }

    /// <summary>
    /// Creates a filter that accepts exactly <paramref name="label"/>, or any label when it is
    /// <see langword="null"/>. No validation is done: a label that is not a valid RFC 7468 label
    /// never matches.
    /// </summary>
    /// <param name="label">The label to accept, or <see langword="null"/> for any label.</param>
    /// <returns>The filter.</returns>
    public static PemLabelFilter FromString(string? label) => new(label, certificateRequest: false);

    /// <summary>Converts a label to a filter that accepts exactly that label (see <see cref="FromString"/>).</summary>
    /// <param name="label">The label to accept, or <see langword="null"/> for any label.</param>
    public static implicit operator PemLabelFilter(string? label) => FromString(label);

    /// <summary>Returns whether the filter accepts <paramref name="label"/>.</summary>
    /// <param name="label">A label.</param>
    /// <returns><see langword="true"/> if the label is accepted.</returns>
    public bool Matches(ReadOnlySpan<char> label) =>
        _certificateRequest ? PemLabels.IsCertificateRequest(label)
        : _label is null || label.SequenceEqual(_label);

    /// <summary>Returns whether the filter accepts the UTF-8 <paramref name="utf8Label"/>.</summary>
    /// <param name="utf8Label">A label as UTF-8 bytes.</param>
    /// <returns><see langword="true"/> if the label is accepted.</returns>
    public bool Matches(ReadOnlySpan<byte> utf8Label) =>
        _certificateRequest ? PemLabels.IsCertificateRequest(utf8Label)
        : _label is null || Ascii.Equals(utf8Label, _label);

    /// <inheritdoc/>
    public bool Equals(PemLabelFilter other) =>
        _certificateRequest == other._certificateRequest && string.Equals(_label, other._label, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PemLabelFilter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_certificateRequest, _label is null ? 0 : StringComparer.Ordinal.GetHashCode(_label));

    /// <summary>Describes the accepted labels, for messages: <c>"CERTIFICATE"</c>, or <c>any label</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        _certificateRequest ? $"\"{PemLabels.CertificateRequest}\" or \"{PemLabels.NewCertificateRequest}\""
        : _label is null ? "any label"
        : $"\"{_label}\"";

    /// <summary>Compares two filters for equality.</summary>
    /// <param name="left">The first filter.</param>
    /// <param name="right">The second filter.</param>
    /// <returns><see langword="true"/> if both accept the same labels by the same rule.</returns>
    public static bool operator ==(PemLabelFilter left, PemLabelFilter right) => left.Equals(right);

    /// <summary>Compares two filters for inequality.</summary>
    /// <param name="left">The first filter.</param>
    /// <param name="right">The second filter.</param>
    /// <returns><see langword="true"/> unless both accept the same labels by the same rule.</returns>
    public static bool operator !=(PemLabelFilter left, PemLabelFilter right) => !left.Equals(right);
}
