using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Names;
using Pkcs10.Signatures;

namespace Pkcs10.Chains;

/// <summary>
/// Revocation by caller-supplied CRLs (RFC 5280 §6.3, for direct CRLs): a CRL covers a certificate when its
/// issuer is the certificate's issuer, it is signed by the issuing CA's key (whose keyUsage, if present, allows
/// cRLSign), it is current at the validation time, has no unknown critical extension, and its
/// issuingDistributionPoint scope includes the certificate. Reasons partitioned across CRLs (onlySomeReasons)
/// are combined until every reason is covered. Delta CRLs for a covering base CRL are applied.
/// Indirect CRLs (cRLIssuer, indirectCRL) are not used: a certificate only they would cover is not covered.
/// </summary>
internal sealed class RevocationChecker
{
    private const CrlReasonFlags AllReasons = CrlReasonFlags.KeyCompromise | CrlReasonFlags.CACompromise | CrlReasonFlags.AffiliationChanged |
        CrlReasonFlags.Superseded | CrlReasonFlags.CessationOfOperation | CrlReasonFlags.CertificateHold | CrlReasonFlags.PrivilegeWithdrawn |
        CrlReasonFlags.AACompromise;

    private readonly ChainPolicy _policy;
    private readonly CrlSignerResolver _signers;
    private readonly Dictionary<(CertificateRevocationList, Certificate), bool> _signatures = [];

    public RevocationChecker(ChainPolicy policy, CrlSignerResolver signers)
    {
        _policy = policy;
        _signers = signers;
    }

    /// <summary>Checks certificate <paramref name="depth"/> of <paramref name="path"/>; <see langword="null"/> when it passes.</summary>
    public ChainError? Check(IReadOnlyList<CertificateFacts> path, int depth)
    {
        RevocationMode mode = _policy.EffectiveRevocation;
        if (mode == RevocationMode.None)
        {
            return null;
        }

        CertificateFacts subject = path[depth];
        Certificate c = subject.Certificate;
        IReadOnlyList<DistributionPoint>? points = c.CrlDistributionPoints;
        var unusable = new List<string>();
        CrlReasonFlags covered = 0;
        foreach (CertificateRevocationList crl in _policy.Crls)
        {
            if (crl.IsDelta || Scope(crl, subject, points) is not { } scope)
            {
                continue;
            }

            if (Usable(crl, path, depth) is { } why)
            {
                unusable.Add(why);
                continue;
            }

            RevokedCertificate? entry = Find(crl, c);
            foreach (CertificateRevocationList delta in _policy.Crls)
            {
                if (delta.IsDelta && AppliesTo(delta, crl) && ChainNames.Equal(delta.Issuer, crl.Issuer) && Usable(delta, path, depth) is null &&
                    Find(delta, c, includeRemoved: true) is { } deltaEntry)
                {
                    entry = deltaEntry.Reason == CrlReason.RemoveFromCrl ? null : deltaEntry;
                }
            }

            if (entry is not null)
            {
                return Error(ChainErrorCode.Revoked, $"{PathValidator.Describe(c)} is revoked: {entry}", depth, c);
            }

            covered |= scope;
        }

        if ((covered & AllReasons) == AllReasons || mode == RevocationMode.BestEffort)
        {
            return null;
        }

        string detail = unusable.Count > 0 ? "; " + string.Join("; ", unusable) : covered != 0 ? $"; the CRLs found cover only the reasons {covered}" : "";
        return Error(ChainErrorCode.RevocationUnknown, $"no usable CRL covers {PathValidator.Describe(c)}{detail}", depth, c);
    }

    // The entry for c: its serial, listed for c's issuer (in an indirect CRL the certificateIssuer in effect).
    private static RevokedCertificate? Find(CertificateRevocationList crl, Certificate c, bool includeRemoved = false)
    {
        foreach (RevokedCertificate entry in crl.FindAllRevoked(c.SerialNumber.Span))
        {
            bool issuerMatches = entry.CertificateIssuer is not { } issuers
                ? ChainNames.Equal(crl.Issuer, c.Issuer)
                : issuers.Any(n => n.DirectoryName is { } dn && ChainNames.Equal(dn, c.Issuer));
            if (issuerMatches && (includeRemoved || entry.Reason != CrlReason.RemoveFromCrl))
            {
                return entry;
            }
        }

        return null;
    }

    // A delta applies to a base whose CRL number is at least the delta's base CRL number (RFC 5280 §5.2.4).
    private static bool AppliesTo(CertificateRevocationList delta, CertificateRevocationList baseCrl) =>
        baseCrl.CrlNumber is { } number && delta.BaseCrlNumber is { } baseNumber && CompareIntegers(number.Span, baseNumber.Span) >= 0;

    // The reasons `crl` covers for c (RFC 5280 §6.3.3 (b), (d)), or null when it is not a CRL for c at all.
    private static CrlReasonFlags? Scope(CertificateRevocationList crl, CertificateFacts subject, IReadOnlyList<DistributionPoint>? points)
    {
        Certificate c = subject.Certificate;
        IssuingDistributionPoint? idp = crl.IssuingDistributionPoint;
        bool indirect = idp?.IndirectCrl == true;
        bool isCa = subject.BasicConstraints?.CertificateAuthority == true;
        if (idp is not null && (idp.OnlyContainsAttributeCerts || (idp.OnlyContainsUserCerts && isCa) || (idp.OnlyContainsCACerts && !isCa)))
        {
            return null;
        }

        CrlReasonFlags idpReasons = idp?.OnlySomeReasons ?? AllReasons;
        if (points is null or { Count: 0 })
        {
            // No distribution points: only a CRL from the issuer itself (direct, or indirect but issued by the same
            // CA), for the issuer's whole scope, applies.
            return ChainNames.Equal(crl.Issuer, c.Issuer) && idp?.HasDistributionPoint != true ? idpReasons : null;
        }

        CrlReasonFlags? result = null;
        foreach (DistributionPoint dp in points)
        {
            DistinguishedName? crlIssuerOfDp = dp.CrlIssuer?.FirstOrDefault(n => n.DirectoryName is not null)?.DirectoryName;
            if (crlIssuerOfDp is null)
            {
                if (!ChainNames.Equal(crl.Issuer, c.Issuer))
                {
                    continue;
                }
            }
            else if (!indirect || !ChainNames.Equal(crl.Issuer, crlIssuerOfDp))
            {
                continue;
            }

            if (idp?.HasDistributionPoint == true)
            {
                List<PointName> idpNames = Names(idp.DistributionPointFullName, idp.NameRelativeToCrlIssuer, crl.Issuer);
                List<PointName> dpNames = dp.FullName is not null || dp.NameRelativeToCrlIssuer is not null
                    ? Names(dp.FullName, dp.NameRelativeToCrlIssuer, crlIssuerOfDp ?? c.Issuer)
                    : Names(dp.CrlIssuer ?? [], null, c.Issuer);
                if (!idpNames.Exists(a => dpNames.Exists(b => SameName(a, b))))
                {
                    continue;
                }
            }

            CrlReasonFlags reasons = idpReasons & (dp.Reasons ?? AllReasons);
            result = (result ?? 0) | reasons;
        }

        return result;
    }

    private static List<PointName> Names(IReadOnlyList<GeneralName>? fullName, ReadOnlyMemory<byte>? relative, DistinguishedName issuer)
    {
        if (fullName is not null)
        {
            return fullName.Select(n => new PointName(n.DirectoryName, n.RawData)).ToList();
        }

        return relative is { } rdn ? [new PointName(Append(issuer, rdn.Span), default)] : [];
    }

    // issuer + one RDN given as its [1]-tagged SET (nameRelativeToCRLIssuer), as a new Name.
    private static DistinguishedName Append(DistinguishedName issuer, ReadOnlySpan<byte> taggedRdn)
    {
        ReadOnlySpan<byte> issuerContent = new Asn1.DerReader(issuer.RawData.Span).ReadSequence().RemainingBytes;
        ReadOnlySpan<byte> rdnContent = new Asn1.DerReader(taggedRdn).ReadSequence(Asn1.Asn1Tag.Context(1, isConstructed: true)).RemainingBytes;
        using var writer = new Asn1.DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(issuerContent);
            using (writer.PushSetOf())
            {
                writer.WriteEncodedValue(rdnContent);
            }
        }

        return DistinguishedName.Decode(writer.Encode());
    }

    private static bool SameName(PointName a, PointName b) =>
        a.Directory is { } x && b.Directory is { } y ? ChainNames.Equal(x, y) : a.Directory is null && b.Directory is null && a.Raw.Span.SequenceEqual(b.Raw.Span);

    // A distribution point name: a directoryName (compared as names) or another GeneralName (compared as DER).
    private readonly record struct PointName(DistinguishedName? Directory, ReadOnlyMemory<byte> Raw);

    private string? Usable(CertificateRevocationList crl, IReadOnlyList<CertificateFacts> path, int depth)
    {
        string name = $"CRL of '{crl.Issuer}' (thisUpdate {crl.ThisUpdate:u})";
        if (crl.HasUnknownCriticalExtension || crl.HasUnknownCriticalEntryExtension)
        {
            return $"{name} has an unknown critical extension";
        }

        if (crl.Version == 2 && crl.CrlNumber is null)
        {
            return $"{name} lacks the cRLNumber extension RFC 5280 §5.2.3 requires";
        }

        if (crl.GetExtension("2.5.29.20") is { Critical: true })
        {
            return $"{name} marks cRLNumber critical, which RFC 5280 §5.2.3 forbids";
        }

        DateTimeOffset t = _policy.ValidationTime;
        if (crl.ThisUpdate > t)
        {
            return $"{name} is not yet valid";
        }

        if (crl.NextUpdate is { } next && next < t)
        {
            return $"{name} is stale (nextUpdate {next:u})";
        }

        SignatureAlgorithmIdentifier alg = crl.SignatureAlgorithm;
        if ((alg.Hash == System.Security.Cryptography.HashAlgorithmName.SHA1 && !_policy.AllowSha1Signatures) ||
            (alg.Hash == System.Security.Cryptography.HashAlgorithmName.MD5 && !_policy.AllowMd5Signatures))
        {
            return $"{name} is signed with {alg.Name}, which the policy refuses";
        }

        string reason = $"{name}: no certificate of its issuer with cRLSign and a path to the same anchor verifies its signature";
        foreach (CertificateFacts signer in _signers.Candidates(crl.Issuer, path, depth))
        {
            if (signer.KeyUsage is { } ku && (ku & KeyUsageFlags.CrlSign) == 0)
            {
                reason = $"{name}: the issuer's keyUsage does not allow cRLSign";
                continue;
            }

            if (!_signatures.TryGetValue((crl, signer.Certificate), out bool valid))
            {
                valid = crl.CheckSignature(signer.Certificate.PublicKey, _policy.Engine) == SignatureStatus.Valid;
                _signatures[(crl, signer.Certificate)] = valid;
            }

            if (valid)
            {
                return null;
            }
        }

        return reason;
    }

    // Compares two non-negative DER INTEGER contents.
    private static int CompareIntegers(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        a = a.TrimStart((byte)0);
        b = b.TrimStart((byte)0);
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
    }

    private static ChainError Error(ChainErrorCode code, string message, int depth, Certificate c) => PathValidator.Error(code, message, depth, c);
}
