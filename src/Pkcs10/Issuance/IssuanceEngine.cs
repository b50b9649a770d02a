using Pkcs10.Asn1;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Internal;
using Pkcs10.Keys;
using Pkcs10.Linting;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Issuance;

/// <summary>
/// The decisions of one issuance, made in certificate order, and the TBSCertificate they lead to (when nothing
/// refuses). The caller signs the TBS; see <see cref="CertificateIssuer"/>.
/// </summary>
internal sealed class IssuanceEngine
{
    private const string BasicConstraintsName = "basicConstraints";
    private const string KeyUsageName = "keyUsage";
    private const string ExtendedKeyUsageName = "extendedKeyUsage";
    private const string SubjectAltNameName = "subjectAltName";
    private const string SubjectKeyIdentifierName = "subjectKeyIdentifier";
    private const string AuthorityKeyIdentifierName = "authorityKeyIdentifier";
    private const string CrlDistributionPointsName = "cRLDistributionPoints";
    private const string AuthorityInfoAccessName = "authorityInfoAccess";

    private readonly List<IssuanceDecision> _decisions = [];
    private readonly List<IssuanceRefusal> _refusals = [];
    private readonly List<(byte[] Oid, bool Critical, byte[] Value)> _extensions = [];
    private readonly Certificate? _ca;
    private readonly Signer _signer;
    private readonly DistinguishedName _requestedSubject;
    private readonly SubjectPublicKeyInfo _publicKey;
    private readonly IReadOnlyList<CertificateExtension> _requested;
    private readonly CertificationRequest? _request;
    private readonly IssuanceProfile _profile;
    private readonly IssuanceOptions _options;

    private IssuanceEngine(Certificate? ca, Signer signer, DistinguishedName subject, SubjectPublicKeyInfo publicKey,
        IReadOnlyList<CertificateExtension> requested, CertificationRequest? request, IssuanceProfile profile, IssuanceOptions options)
    {
        _ca = ca;
        _signer = signer;
        _requestedSubject = subject;
        _publicKey = publicKey;
        _requested = requested;
        _request = request;
        _profile = profile;
        _options = options;
    }

    /// <summary>The TBSCertificate to sign, or <see langword="null"/> when refused.</summary>
    public byte[]? Tbs { get; private set; }

    public IssuanceReport Report => new(_decisions.ToArray());

    public IReadOnlyList<IssuanceRefusal> Refusals => _refusals.ToArray();

    /// <summary>Runs every decision. <paramref name="ca"/> is <see langword="null"/> for a self-signed certificate.</summary>
    public static IssuanceEngine Run(Certificate? ca, Signer signer, DistinguishedName subject, SubjectPublicKeyInfo publicKey,
        IReadOnlyList<CertificateExtension> requested, CertificationRequest? request, IssuanceProfile profile, IssuanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var engine = new IssuanceEngine(ca, signer, subject, publicKey, requested, request, profile, options);
        engine.Run();
        return engine;
    }

    private void Run()
    {
        // Caller mistakes throw before anything is decided.
        byte[] serial = _options.SerialNumber is ReadOnlyMemory<byte> given
            ? SerialNumbers.Validate(given.Span, nameof(IssuanceOptions.SerialNumber))
            : SerialNumbers.CreateRandom();
        Urls urls = CheckArguments();

        CheckRequest();
        CheckIssuer();
        DistinguishedName subject = DecideSubject();
        (DateTimeOffset notBefore, DateTimeOffset notAfter) = DecideValidity();

        DecideBasicConstraints();
        DecideKeyUsage();
        DecideExtendedKeyUsage();
        DecideSubjectAltName(subject);
        byte[] subjectKeyId = ExtensionEncoder.ComputeSubjectKeyIdentifier(_publicKey, _profile.SubjectKeyIdentifierMethod);
        DecideKeyIdentifiers(subjectKeyId);
        DecideLocations(urls);
        DecideOtherExtensions();

        if (_refusals.Count == 0)
        {
            Tbs = EncodeTbs(serial, subject, notBefore, notAfter);
        }
    }

    private sealed record Urls(byte[][] Crl, byte[][] Ocsp, byte[][] CaIssuers);

    private Urls CheckArguments()
    {
        IssuanceProfile p = _profile;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p.DefaultValidityDays, nameof(IssuanceProfile.DefaultValidityDays));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p.MaximumValidityDays, nameof(IssuanceProfile.MaximumValidityDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(p.Backdate, TimeSpan.Zero, nameof(IssuanceProfile.Backdate));
        if (_options.ValidityDays is int days)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days, nameof(IssuanceOptions.ValidityDays));
        }

        if (p.PathLengthConstraint is int length && (!p.CertificateAuthority || length < 0))
        {
            throw new ArgumentException("PathLengthConstraint must be non-negative and is meaningful only with CertificateAuthority (RFC 5280 §4.2.1.9)", nameof(IssuanceProfile.PathLengthConstraint));
        }

        if (p.SubjectPolicy == SubjectNamePolicy.FromOptions && _options.Subject is null)
        {
            throw new ArgumentException($"the {p.Name} profile takes the subject from IssuanceOptions.Subject, which is not set", nameof(IssuanceOptions.Subject));
        }

        if (p.SubjectAltNamePolicy == SubjectAltNamePolicy.Override && _options.SubjectAlternativeNames is not { Count: > 0 })
        {
            throw new ArgumentException($"the {p.Name} profile takes subjectAltName from IssuanceOptions.SubjectAlternativeNames, which holds no name", nameof(IssuanceOptions.SubjectAlternativeNames));
        }

        if (!Enum.IsDefined(p.SubjectPolicy) || !Enum.IsDefined(p.SubjectAltNamePolicy) || !Enum.IsDefined(p.DisallowedNames))
        {
            throw new ArgumentException($"the {p.Name} profile has an undefined policy value", nameof(p));
        }

        foreach (string oid in p.AllowedRequestedExtensions.Concat(p.AllowedOtherNameTypes).Concat(p.KeptSubjectAttributes))
        {
            if (!ObjectIdentifier.TryEncode(oid, out _))
            {
                throw new ArgumentException($"'{oid}' in the {p.Name} profile is not a dotted OID", nameof(p));
            }
        }

        return new Urls(
            [.. p.CrlDistributionPoints.Select(u => IssuanceEncoder.EncodeUri(u, nameof(IssuanceProfile.CrlDistributionPoints)))],
            [.. p.OcspResponders.Select(u => IssuanceEncoder.EncodeUri(u, nameof(IssuanceProfile.OcspResponders)))],
            [.. p.CaIssuers.Select(u => IssuanceEncoder.EncodeUri(u, nameof(IssuanceProfile.CaIssuers)))]);
    }

    private void Refuse(IssuanceRefusalCode code, string message) => _refusals.Add(new IssuanceRefusal(code, message));

    private void Decide(string field, IssuanceAction action, string detail) => _decisions.Add(new IssuanceDecision(field, action, detail));

    private void CheckRequest()
    {
        if (_request is null)
        {
            return;
        }

        SignatureStatus status = _request.CheckSignature();
        if (status != SignatureStatus.Valid)
        {
            Refuse(IssuanceRefusalCode.RequestSignatureInvalid, status == SignatureStatus.Invalid
                ? $"the request's {_request.SignatureAlgorithm.Name} self-signature does not verify with its public key"
                : $"the request's {_request.SignatureAlgorithm.Name} self-signature cannot be verified here");
        }

        if (_profile.RequestPolicy is RequestPolicy policy)
        {
            PolicyDecision decision = policy.Evaluate(_request, lintOptions: new RequestLintOptions { CertificateAuthority = _profile.CertificateAuthority });
            foreach (string reason in decision.Reasons)
            {
                Refuse(IssuanceRefusalCode.RequestPolicyRejected, reason);
            }
        }
    }

    private void CheckIssuer()
    {
        if (_ca is null)
        {
            return;
        }

        if (_ca.Version != 3)
        {
            Refuse(IssuanceRefusalCode.IssuerNotVersion3, $"the CA certificate is v{_ca.Version}; only a v3 certificate can say it is a CA (RFC 5280 §4.2.1.9)");
        }

        if (_ca.BasicConstraints is not { CertificateAuthority: true })
        {
            Refuse(IssuanceRefusalCode.IssuerNotCertificateAuthority, _ca.GetExtension("2.5.29.19") is null
                ? "the CA certificate has no basicConstraints extension, so it is not a CA (RFC 5280 §4.2.1.9)"
                : "the CA certificate's basicConstraints says cA FALSE (RFC 5280 §4.2.1.9)");
        }

        if (_ca.KeyUsage is KeyUsageFlags usage && (usage & KeyUsageFlags.KeyCertSign) == 0)
        {
            Refuse(IssuanceRefusalCode.IssuerKeyUsage, $"the CA certificate's keyUsage ({DescribeKeyUsage(usage)}) lacks keyCertSign (RFC 5280 §4.2.1.3)");
        }

        if (_options.Now < _ca.NotBefore || _options.Now > _ca.NotAfter)
        {
            Refuse(IssuanceRefusalCode.IssuerNotValidAtTime,
                $"the CA certificate is valid from {Format(_ca.NotBefore)} to {Format(_ca.NotAfter)}, not at {Format(_options.Now)}");
        }

        if (_profile.CertificateAuthority && _ca.BasicConstraints is { PathLengthConstraint: 0 })
        {
            Refuse(IssuanceRefusalCode.IssuerPathLength, "the CA certificate's pathLenConstraint is 0, so it may issue only end-entity certificates (RFC 5280 §4.2.1.9)");
        }
    }

    private DistinguishedName DecideSubject()
    {
        DistinguishedName subject;
        if (_options.Subject is DistinguishedName given)
        {
            subject = given;
            bool same = given.RawData.Span.SequenceEqual(_requestedSubject.RawData.Span);
            Decide("subject", same ? IssuanceAction.Taken : IssuanceAction.Changed,
                same ? Show(given) : $"requested {Show(_requestedSubject)}; issued {Show(given)}, given by the caller");
        }
        else if (_profile.SubjectPolicy == SubjectNamePolicy.KeepListedAttributes)
        {
            var dropped = new List<AttributeTypeAndValue>();
            subject = IssuanceEncoder.KeepAttributes(_requestedSubject, _profile.KeptSubjectAttributes, dropped);
            foreach (AttributeTypeAndValue attribute in dropped)
            {
                Decide("subject", IssuanceAction.Dropped, $"{attribute}: not an attribute the {_profile.Name} profile keeps");
            }

            Decide("subject", dropped.Count == 0 ? IssuanceAction.Taken : IssuanceAction.Changed,
                dropped.Count == 0 ? Show(subject) : $"requested {Show(_requestedSubject)}; issued {Show(subject)}");
        }
        else
        {
            subject = _requestedSubject;
            Decide("subject", IssuanceAction.Taken, Show(subject));
        }

        if (subject.IsEmpty && (_profile.CertificateAuthority || _ca is null))
        {
            Refuse(IssuanceRefusalCode.EmptyCertificateAuthoritySubject, _ca is null
                ? "a self-signed certificate's subject is also its issuer, which must not be empty (RFC 5280 §4.1.2.4)"
                : "a CA certificate's subject must not be empty (RFC 5280 §4.1.2.6)");
        }

        return subject;
    }

    private (DateTimeOffset NotBefore, DateTimeOffset NotAfter) DecideValidity()
    {
        int days = _options.ValidityDays ?? _profile.DefaultValidityDays;
        if (days > _profile.MaximumValidityDays)
        {
            Decide("validity", IssuanceAction.Changed, $"{days} days asked; the {_profile.Name} profile allows at most {_profile.MaximumValidityDays}");
            days = _profile.MaximumValidityDays;
        }

        DateTimeOffset notBefore = TruncateToSeconds(_options.Now - _profile.Backdate);
        if (_ca is not null && notBefore < _ca.NotBefore && _options.Now >= _ca.NotBefore)
        {
            Decide("validity", IssuanceAction.Changed, $"notBefore {Format(notBefore)} raised to the CA certificate's notBefore {Format(_ca.NotBefore)}");
            notBefore = _ca.NotBefore;
        }

        // RFC 5280 §4.1.2.5: the validity period includes both ends, so "n days" ends one second before notBefore + n days.
        DateTimeOffset notAfter = notBefore.AddDays(days).AddSeconds(-1);
        if (_ca is not null && notAfter > _ca.NotAfter && notBefore <= _ca.NotAfter)
        {
            Decide("validity", IssuanceAction.Changed, $"notAfter {Format(notAfter)} capped to the CA certificate's notAfter {Format(_ca.NotAfter)}");
            notAfter = _ca.NotAfter;
        }

        return (notBefore, notAfter);
    }

    private CertificateExtension? Requested(ReadOnlySpan<byte> oid) => ExtensionList.Find(_requested, oid);

    // One decision for an extension the certificate carries: Added when not requested, Taken when requested exactly so, else Changed.
    private void Carry(ReadOnlySpan<byte> oid, string field, bool critical, byte[] value, string issued, Func<CertificateExtension, string> describeRequested, string? note = null)
    {
        _extensions.Add((oid.ToArray(), critical, value));
        CertificateExtension? requested = Requested(oid);
        string text = (critical ? "critical, " : string.Empty) + issued + (note is null ? string.Empty : "; " + note);
        if (requested is null)
        {
            Decide(field, IssuanceAction.Added, text);
        }
        else if (requested.Critical == critical && requested.Value.Span.SequenceEqual(value))
        {
            Decide(field, IssuanceAction.Taken, text);
        }
        else
        {
            Decide(field, IssuanceAction.Changed, $"requested {(requested.Critical ? "critical, " : string.Empty)}{Safe(describeRequested, requested)}; issued {text}");
        }
    }

    private void DropIfRequested(ReadOnlySpan<byte> oid, string field, string reason)
    {
        if (Requested(oid) is not null)
        {
            Decide(field, IssuanceAction.Dropped, reason);
        }
    }

    private void DecideBasicConstraints()
    {
        bool ca = _profile.CertificateAuthority;
        int? pathLength = ca ? _profile.PathLengthConstraint : null;
        string? note = null;
        if (ca && _ca?.BasicConstraints is { PathLengthConstraint: int issuerLength and > 0 } && (pathLength is null || pathLength > issuerLength - 1))
        {
            note = $"pathLenConstraint {(pathLength is int p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "absent")} lowered to {issuerLength - 1} under the CA certificate's {issuerLength}";
            pathLength = issuerLength - 1;
        }

        if (!ca && Requested(Oids.BasicConstraints) is { } requested && Safe(e => ExtensionDecoder.DecodeBasicConstraints(e.Value).CertificateAuthority, requested))
        {
            Decide(BasicConstraintsName, IssuanceAction.Dropped, $"cA TRUE was requested; the {_profile.Name} profile issues end-entity certificates");
        }

        var constraints = new BasicConstraints(ca, pathLength);
        Carry(Oids.BasicConstraints, BasicConstraintsName, critical: true, ExtensionEncoder.EncodeBasicConstraints(constraints), Describe(constraints),
            e => Describe(ExtensionDecoder.DecodeBasicConstraints(e.Value)), note);
    }

    private void DecideKeyUsage()
    {
        KeyUsageFlags usage = _profile.KeyUsage;
        if (_profile.KeyEnciphermentForRsaKeys && _publicKey.Algorithm == KeyAlgorithm.Rsa && usage != KeyUsageFlags.None)
        {
            usage |= KeyUsageFlags.KeyEncipherment;
        }

        if (usage == KeyUsageFlags.None)
        {
            DropIfRequested(Oids.KeyUsage, KeyUsageName, $"the {_profile.Name} profile writes no keyUsage");
            return;
        }

        Carry(Oids.KeyUsage, KeyUsageName, critical: true, ExtensionEncoder.EncodeKeyUsage(usage), DescribeKeyUsage(usage),
            e => DescribeKeyUsage(ExtensionDecoder.DecodeKeyUsage(e.Value)));
    }

    private void DecideExtendedKeyUsage()
    {
        List<string> purposes = [.. _profile.ExtendedKeyUsages.Select(p => KeyPurposes.TryResolve(p, out string? oid)
            ? oid : throw new ArgumentException($"'{p}' in the {_profile.Name} profile is neither a key purpose name nor a dotted OID", nameof(IssuanceProfile.ExtendedKeyUsages)))];
        if (purposes.Count == 0)
        {
            DropIfRequested(Oids.ExtendedKeyUsage, ExtendedKeyUsageName, $"the {_profile.Name} profile writes no extKeyUsage");
            return;
        }

        if (Requested(Oids.ExtendedKeyUsage) is { } requested)
        {
            foreach (string oid in Safe(e => ExtensionDecoder.DecodeExtendedKeyUsage(e.Value), requested) ?? [])
            {
                if (!purposes.Contains(oid, StringComparer.Ordinal))
                {
                    Decide(ExtendedKeyUsageName, IssuanceAction.Dropped, $"{PurposeName(oid)} is not a purpose of the {_profile.Name} profile");
                }
            }
        }

        Carry(Oids.ExtendedKeyUsage, ExtendedKeyUsageName, critical: false, ExtensionEncoder.EncodeExtendedKeyUsage(purposes), DescribePurposes(purposes),
            e => DescribePurposes(ExtensionDecoder.DecodeExtendedKeyUsage(e.Value)));
    }

    private void DecideSubjectAltName(DistinguishedName subject)
    {
        CertificateExtension? requestedExtension = Requested(Oids.SubjectAltName);
        IReadOnlyList<GeneralName> requested = requestedExtension is null ? [] : Safe(e => ExtensionDecoder.DecodeSubjectAltName(e.Value), requestedExtension) ?? [];
        string? commonName = DnsCommonName(subject);

        // A DNS-name CN is a name the certificate asserts whatever the SAN policy: it must be in the allowed domains.
        if (commonName is not null && _profile.AllowedDomains.Count > 0 && !_profile.AllowedDomains.Any(d => d.Covers(commonName)))
        {
            Refuse(IssuanceRefusalCode.NameOutsideAllowedDomains, $"the subject CN \"{commonName}\" is outside the {_profile.Name} profile's allowed domains");
        }

        List<GeneralName> names = [];
        string? source = null;
        if (_profile.SubjectAltNamePolicy == SubjectAltNamePolicy.Deny)
        {
            DropIfRequested(Oids.SubjectAltName, SubjectAltNameName, $"the {_profile.Name} profile issues no subjectAltName");
        }
        else if (_options.SubjectAlternativeNames is GeneralNamesBuilder callerNames && callerNames.Count > 0)
        {
            // The caller's names are the caller's decision: only the CA's name constraints still apply.
            names.AddRange(ExtensionDecoder.DecodeSubjectAltName(callerNames.Encode()));
            source = "given by the caller";
        }
        else if (requestedExtension is not null)
        {
            foreach (GeneralName name in requested)
            {
                if (WhyNotAllowed(name) is (IssuanceRefusalCode code, string why))
                {
                    if (_profile.DisallowedNames == DisallowedNameAction.Drop)
                    {
                        Decide(SubjectAltNameName, IssuanceAction.Dropped, $"{name}: {why}");
                    }
                    else
                    {
                        Refuse(code, $"subjectAltName {name}: {why}");
                    }
                }
                else
                {
                    names.Add(name);
                }
            }
        }
        else if (_profile.CopyCommonNameToSubjectAltName && commonName is not null)
        {
            names.AddRange(ExtensionDecoder.DecodeSubjectAltName(new GeneralNamesBuilder().AddDnsName(commonName).Encode()));
            source = "copied from the subject CN";
        }

        if (_ca?.NameConstraints is NameConstraints constraints)
        {
            IEnumerable<GeneralName> checkedNames = commonName is null || names.Any(n => n.Type == GeneralNameType.DnsName && string.Equals(n.Value, commonName, StringComparison.OrdinalIgnoreCase))
                ? names
                : names.Concat(ExtensionDecoder.DecodeSubjectAltName(new GeneralNamesBuilder().AddDnsName(commonName).Encode()));
            foreach (string problem in NameConstraintsCheck.Check(constraints, checkedNames))
            {
                Refuse(IssuanceRefusalCode.NameConstraintsViolated, problem + " (RFC 5280 §4.2.1.10)");
            }
        }

        if (names.Count > 0)
        {
            // RFC 5280 §4.2.1.6: critical exactly when the subject is empty.
            Carry(Oids.SubjectAltName, SubjectAltNameName, critical: subject.IsEmpty, IssuanceEncoder.EncodeGeneralNames(names),
                DescribeNames(names) + (source is null ? string.Empty : ", " + source), e => DescribeNames(ExtensionDecoder.DecodeSubjectAltName(e.Value)));
        }
        else if (requestedExtension is not null && _profile.SubjectAltNamePolicy != SubjectAltNamePolicy.Deny)
        {
            Decide(SubjectAltNameName, IssuanceAction.Dropped, "no requested entry is left");
        }

        if (names.Count == 0 && _profile.RequireSubjectAltName)
        {
            Refuse(IssuanceRefusalCode.MissingSubjectAltName, $"the {_profile.Name} profile requires a subjectAltName, and none is left");
        }
        else if (names.Count == 0 && subject.IsEmpty)
        {
            Refuse(IssuanceRefusalCode.NoSubjectName, "the subject is empty and there is no subjectAltName (RFC 5280 §4.1.2.6)");
        }
    }

    private (IssuanceRefusalCode Code, string Why)? WhyNotAllowed(GeneralName name)
    {
        if (!_profile.AllowedSubjectAltNameTypes.Contains(name.Type))
        {
            return (IssuanceRefusalCode.NameNotAllowed, $"{name.TypeName} entries are not allowed by the {_profile.Name} profile");
        }

        if (name.Type == GeneralNameType.OtherName && !_profile.AllowedOtherNameTypes.Contains(name.OtherNameTypeOid!, StringComparer.Ordinal))
        {
            return (IssuanceRefusalCode.NameNotAllowed, $"otherName type {name.OtherNameTypeOid} is not allowed by the {_profile.Name} profile");
        }

        if (name.Type == GeneralNameType.DnsName && _profile.AllowedDomains.Count > 0 && !_profile.AllowedDomains.Any(d => d.Covers(name.Value)))
        {
            return (IssuanceRefusalCode.NameOutsideAllowedDomains, $"outside the {_profile.Name} profile's allowed domains");
        }

        return null;
    }

    private void DecideKeyIdentifiers(byte[] subjectKeyId)
    {
        if (_profile.IncludeSubjectKeyIdentifier)
        {
            Carry(Oids.SubjectKeyIdentifier, SubjectKeyIdentifierName, critical: false, ExtensionEncoder.EncodeSubjectKeyIdentifier(subjectKeyId),
                Convert.ToHexString(subjectKeyId), e => Convert.ToHexString(ExtensionDecoder.DecodeSubjectKeyIdentifier(e.Value).Span));
        }
        else
        {
            DropIfRequested(Oids.SubjectKeyIdentifier, SubjectKeyIdentifierName, $"the {_profile.Name} profile writes no subjectKeyIdentifier");
        }

        if (_profile.IncludeAuthorityKeyIdentifier)
        {
            byte[] authorityKeyId = _ca is null
                ? subjectKeyId
                : _ca.SubjectKeyIdentifier?.ToArray() ?? ExtensionEncoder.ComputeSubjectKeyIdentifier(_ca.PublicKey, _profile.SubjectKeyIdentifierMethod);
            Carry(Oids.AuthorityKeyIdentifier, AuthorityKeyIdentifierName, critical: false, IssuanceEncoder.EncodeAuthorityKeyIdentifier(authorityKeyId),
                "keyIdentifier " + Convert.ToHexString(authorityKeyId), _ => "an authority key identifier");
        }
        else
        {
            DropIfRequested(Oids.AuthorityKeyIdentifier, AuthorityKeyIdentifierName, $"the {_profile.Name} profile writes no authorityKeyIdentifier");
        }
    }

    private void DecideLocations(Urls urls)
    {
        if (urls.Crl.Length > 0)
        {
            Carry(Oids.CrlDistributionPoints, CrlDistributionPointsName, critical: false, IssuanceEncoder.EncodeCrlDistributionPoints(urls.Crl),
                string.Join(", ", _profile.CrlDistributionPoints), _ => "CRL locations");
        }
        else
        {
            DropIfRequested(Oids.CrlDistributionPoints, CrlDistributionPointsName, "CRL locations are the issuer's to set, and this profile sets none");
        }

        if (urls.Ocsp.Length + urls.CaIssuers.Length > 0)
        {
            Carry(Oids.AuthorityInfoAccess, AuthorityInfoAccessName, critical: false, IssuanceEncoder.EncodeAuthorityInformationAccess(urls.Ocsp, urls.CaIssuers),
                string.Join(", ", _profile.OcspResponders.Select(u => "OCSP " + u).Concat(_profile.CaIssuers.Select(u => "caIssuers " + u))), _ => "access locations");
        }
        else
        {
            DropIfRequested(Oids.AuthorityInfoAccess, AuthorityInfoAccessName, "access locations are the issuer's to set, and this profile sets none");
        }
    }

    private void DecideOtherExtensions()
    {
        foreach (CertificateExtension extension in _requested)
        {
            ReadOnlySpan<byte> oid = extension.RawOid.Span;
            if (oid.SequenceEqual(Oids.BasicConstraints) || oid.SequenceEqual(Oids.KeyUsage) || oid.SequenceEqual(Oids.ExtendedKeyUsage) ||
                oid.SequenceEqual(Oids.SubjectAltName) || oid.SequenceEqual(Oids.SubjectKeyIdentifier) || oid.SequenceEqual(Oids.AuthorityKeyIdentifier) ||
                oid.SequenceEqual(Oids.CrlDistributionPoints) || oid.SequenceEqual(Oids.AuthorityInfoAccess))
            {
                continue;
            }

            string dotted = extension.Oid;
            if (_profile.AllowedRequestedExtensions.Contains(dotted, StringComparer.Ordinal))
            {
                _extensions.Add((oid.ToArray(), extension.Critical, extension.Value.ToArray()));
                Decide(dotted, IssuanceAction.Taken, (extension.Critical ? "critical, " : string.Empty) + "copied as requested");
            }
            else
            {
                Decide(dotted, IssuanceAction.Dropped, $"not an extension the {_profile.Name} profile honours");
            }
        }
    }

    private byte[] EncodeTbs(byte[] serial, DistinguishedName subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var writer = new DerWriter(1024);
        using (writer.PushSequence())
        {
            using (writer.PushExplicit(0))
            {
                writer.WriteInteger(2); // v3
            }

            writer.WriteIntegerUnsigned(serial);
            writer.WriteEncodedValue(_signer.SignatureAlgorithm.RawData.Span);
            writer.WriteEncodedValue((_ca?.Subject ?? subject).RawData.Span);
            using (writer.PushSequence())
            {
                IssuanceEncoder.WriteTime(writer, notBefore);
                IssuanceEncoder.WriteTime(writer, notAfter);
            }

            writer.WriteEncodedValue(subject.RawData.Span);
            writer.WriteEncodedValue(_publicKey.RawData.Span);
            if (_extensions.Count > 0)
            {
                using (writer.PushExplicit(3))
                using (writer.PushSequence())
                {
                    foreach ((byte[] oid, bool critical, byte[] value) in _extensions)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(oid);
                            if (critical)
                            {
                                writer.WriteBoolean(true); // DEFAULT FALSE is omitted (X.690 §11.5)
                            }

                            writer.WriteOctetString(value);
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }

    // The CN when it is a host name (with at least one dot, not an IP address), normalized as a dNSName.
    private static string? DnsCommonName(DistinguishedName subject)
    {
        string? cn = subject.Rdns.SelectMany(r => r.Attributes).LastOrDefault(a => a.RawType.Span.SequenceEqual(Oids.CommonName))?.Value;
        if (cn is null || !cn.Contains('.', StringComparison.Ordinal) || HostNameSyntax.TryParseIPAddress(cn, out _, out _))
        {
            return null;
        }

        return HostNameSyntax.TryNormalizeDnsName(cn, allowWildcard: true, out string? ascii, out _) ? ascii : null;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Show(DistinguishedName name) => name.IsEmpty ? "an empty name" : name.ToString();

    private static string Describe(BasicConstraints constraints) => constraints.CertificateAuthority
        ? "cA TRUE" + (constraints.PathLengthConstraint is int p ? ", pathLenConstraint " + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
        : "cA FALSE";

    private static string DescribeKeyUsage(KeyUsageFlags usage) =>
        string.Join(", ", Enumerable.Range(0, 9).Where(i => ((int)usage & (1 << i)) != 0).Select(i => ExtensionDecoder.KeyUsageNames[i]));

    private static string DescribePurposes(IEnumerable<string> oids) => string.Join(", ", oids.Select(PurposeName));

    private static string DescribeNames(IEnumerable<GeneralName> names) => string.Join(", ", names);

    private static string PurposeName(string oid) => oid switch
    {
        KeyPurposes.ServerAuth => "serverAuth",
        KeyPurposes.ClientAuth => "clientAuth",
        KeyPurposes.CodeSigning => "codeSigning",
        KeyPurposes.EmailProtection => "emailProtection",
        KeyPurposes.TimeStamping => "timeStamping",
        KeyPurposes.OcspSigning => "OCSPSigning",
        KeyPurposes.Any => "anyExtendedKeyUsage",
        _ => oid,
    };

    // Requested values were validated when the request was decoded; a value that still does not decode is shown as such.
    private static string Safe(Func<CertificateExtension, string> describe, CertificateExtension extension)
    {
        try
        {
            return describe(extension);
        }
        catch (Pkcs10Exception)
        {
            return "a malformed value";
        }
    }

    private static T? Safe<T>(Func<CertificateExtension, T> decode, CertificateExtension extension)
    {
        try
        {
            return decode(extension);
        }
        catch (Pkcs10Exception)
        {
            return default;
        }
    }
}
