using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pkcs10.Certificates;
using Pkcs10.Extensions;

namespace Pkcs10.Tests.Certificates;

/// <summary>
/// Differential tests over real certificates (x509-limbo's limbo.json and NIST PKITS, read at run time): every
/// certificate Pkcs10 decodes agrees with <see cref="X509Certificate2"/> and with an independent
/// <see cref="AsnReader"/> walk on serial, names, validity, key, algorithms, extensions and signature; every
/// certificate it rejects is in <see cref="ExpectedRejections"/> with the reason, and the table must stay exact.
/// </summary>
public sealed class CertificateDifferentialTests
{
    /// <summary>
    /// Each certificate strict decoding rejects: the strict code and the lenient outcome (<see langword="null"/> when
    /// lenient decoding accepts it with a finding), and why. Every limbo entry belongs to a testcase whose
    /// expected_result is FAILURE, except online::fastly.com's root (serial 0, a real trust anchor that only lenient
    /// decoding accepts). Both PKITS entries for GeneralizedTime are RFC 5280 §4.1.2.5 violations PKITS uses on purpose.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (Pkcs10ErrorCode Strict, Pkcs10ErrorCode? Lenient, string Why)> ExpectedRejections =
        new Dictionary<string, (Pkcs10ErrorCode, Pkcs10ErrorCode?, string)>
        {
            ["limbo:invalid::invalid-issuer-key:intermediate[0]"] = (Pkcs10ErrorCode.Truncated, Pkcs10ErrorCode.Truncated, "the issuer key is a truncated structure (the testcase's point)"),
            ["limbo:pathological::nc-dos-1:trusted[0]"] = (Pkcs10ErrorCode.MaxElementsExceeded, Pkcs10ErrorCode.MaxElementsExceeded, "over 1024 GeneralSubtrees: our per-extension item bound (ExtensionDecoder.MaxEntries)"),
            ["limbo:pathological::nc-dos-1:peer"] = (Pkcs10ErrorCode.MaxElementsExceeded, Pkcs10ErrorCode.MaxElementsExceeded, "a Name of over 128 RDNs: DistinguishedName.MaxRdns"),
            ["limbo:pathological::nc-dos-2:trusted[0]"] = (Pkcs10ErrorCode.MaxElementsExceeded, Pkcs10ErrorCode.MaxElementsExceeded, "over 1024 GeneralSubtrees"),
            ["limbo:pathological::nc-dos-2:peer"] = (Pkcs10ErrorCode.MaxElementsExceeded, Pkcs10ErrorCode.MaxElementsExceeded, "over 1024 SAN entries"),
            ["limbo:pathological::nc-dos-3:trusted[0]"] = (Pkcs10ErrorCode.MaxElementsExceeded, Pkcs10ErrorCode.MaxElementsExceeded, "over 1024 GeneralSubtrees"),
            ["limbo:pathological::nc-dos-3:peer"] = (Pkcs10ErrorCode.MaxElementsExceeded, Pkcs10ErrorCode.MaxElementsExceeded, "a Name of over 128 RDNs"),
            ["limbo:rfc5280::eku::ee-eku-empty:peer"] = (Pkcs10ErrorCode.EmptySequence, Pkcs10ErrorCode.EmptySequence, "extKeyUsage SEQUENCE SIZE (1..MAX) is empty"),
            ["limbo:rfc5280::nc::invalid-ipv4-address:trusted[0]"] = (Pkcs10ErrorCode.InvalidGeneralName, Pkcs10ErrorCode.InvalidGeneralName, "a name-constraint iPAddress of 4 octets (address and mask need 8)"),
            ["limbo:rfc5280::nc::invalid-ipv6-address:trusted[0]"] = (Pkcs10ErrorCode.InvalidGeneralName, Pkcs10ErrorCode.InvalidGeneralName, "a name-constraint iPAddress of 16 octets (address and mask need 32)"),
            ["limbo:rfc5280::nc::nc-permits-invalid-ip-san:peer"] = (Pkcs10ErrorCode.InvalidGeneralName, Pkcs10ErrorCode.InvalidGeneralName, "a SAN iPAddress of 8 octets (a CIDR, not an address)"),
            ["limbo:rfc5280::san::malformed:peer"] = (Pkcs10ErrorCode.Truncated, Pkcs10ErrorCode.Truncated, "the SAN value is ASCII text, not DER"),
            ["limbo:rfc5280::serial::too-long:peer"] = (Pkcs10ErrorCode.InvalidSerialNumber, null, "a 22-octet serial (RFC 5280 §4.1.2.2: at most 20)"),
            ["limbo:rfc5280::serial::zero:peer"] = (Pkcs10ErrorCode.InvalidSerialNumber, null, "serial 0 (RFC 5280 §4.1.2.2: positive)"),
            ["limbo:rfc5280::serial::negative:trusted[0]"] = (Pkcs10ErrorCode.InvalidSerialNumber, null, "a negative serial (RFC 5280 §4.1.2.2: positive)"),
            ["limbo:rfc5280::ee-empty-issuer:peer"] = (Pkcs10ErrorCode.InvalidName, null, "an empty issuer (RFC 5280 §4.1.2.4)"),
            ["limbo:rfc5280::ca-empty-subject:peer"] = (Pkcs10ErrorCode.InvalidName, null, "the CA's empty subject makes the leaf's issuer empty (RFC 5280 §4.1.2.4)"),
            ["limbo:rfc5280::root-inconsistent-ca-extensions:trusted[0]"] = (Pkcs10ErrorCode.InvalidExtension, Pkcs10ErrorCode.InvalidExtension, "keyUsage with no bit set (RFC 5280 §4.2.1.3)"),
            ["limbo:rfc5280::duplicate-extensions:peer"] = (Pkcs10ErrorCode.DuplicateExtension, Pkcs10ErrorCode.DuplicateExtension, "two subjectAltName extensions (RFC 5280 §4.2)"),
            ["limbo:rfc5280::mismatching-signature-algorithm:peer"] = (Pkcs10ErrorCode.SignatureAlgorithmMismatch, Pkcs10ErrorCode.SignatureAlgorithmMismatch, "inner and outer AlgorithmIdentifier differ (RFC 5280 §4.1.1.2)"),
            ["limbo:webpki::aki::root-with-aki-authoritycertissuer:trusted[0]"] = (Pkcs10ErrorCode.InvalidExtension, null, "AKI authorityCertIssuer without authorityCertSerialNumber (X.509 §9.2.2.1)"),
            ["limbo:webpki::aki::root-with-aki-authoritycertserialnumber:trusted[0]"] = (Pkcs10ErrorCode.InvalidExtension, null, "AKI authorityCertSerialNumber without authorityCertIssuer (X.509 §9.2.2.1)"),
            ["limbo:webpki::nc::intermediate-permitted-excluded-subtrees-both-null:intermediate[0]"] = (Pkcs10ErrorCode.InvalidExtension, Pkcs10ErrorCode.InvalidExtension, "nameConstraints with neither subtree (RFC 5280 §4.2.1.10)"),
            ["limbo:webpki::nc::intermediate-permitted-excluded-subtrees-both-empty-sequences:intermediate[0]"] = (Pkcs10ErrorCode.EmptySequence, Pkcs10ErrorCode.EmptySequence, "empty GeneralSubtrees (SIZE (1..MAX))"),
            ["limbo:webpki::san::unicode-emoji-san:peer"] = (Pkcs10ErrorCode.InvalidCharacterString, Pkcs10ErrorCode.InvalidCharacterString, "UTF-8 bytes in a dNSName IA5String"),
            ["limbo:webpki::explicit-curve:trusted[0]"] = (Pkcs10ErrorCode.InvalidAlgorithmParameters, Pkcs10ErrorCode.InvalidAlgorithmParameters, "explicit EC curve parameters (RFC 5480 §2.1.1)"),
            ["limbo:webpki::explicit-curve:peer"] = (Pkcs10ErrorCode.InvalidAlgorithmParameters, Pkcs10ErrorCode.InvalidAlgorithmParameters, "explicit EC curve parameters (RFC 5480 §2.1.1)"),
            ["limbo:webpki::malformed-aia:peer"] = (Pkcs10ErrorCode.Truncated, Pkcs10ErrorCode.Truncated, "the AIA value is not DER"),
            ["limbo:online::fastly.com:trusted[0]"] = (Pkcs10ErrorCode.InvalidSerialNumber, null, "a real root with serial 0: strict rejects, lenient accepts with a finding"),
            ["pkits:InvalidNegativeSerialNumberTest15EE"] = (Pkcs10ErrorCode.InvalidSerialNumber, null, "PKITS 4.4.15: a negative serial, on purpose"),
            ["pkits:Invalidpre2000UTCEEnotAfterDateTest7EE"] = (Pkcs10ErrorCode.InvalidTime, null, "PKITS 4.2.7: notBefore is a GeneralizedTime for 1997 (RFC 5280 §4.1.2.5: UTCTime before 2050)"),
            ["pkits:ValidGeneralizedTimenotBeforeDateTest4EE"] = (Pkcs10ErrorCode.InvalidTime, null, "PKITS 4.2.4: notBefore is a GeneralizedTime for 2002; PKITS expects the path to validate, so path validation must decode leniently"),
        };

    [Fact]
    public void Limbo_AgreesWithBcl_AndRejectionsAreExplained() => Run(CertificateCorpus.Limbo(), "limbo");

    [Fact]
    public void Pkits_AgreesWithBcl_AndRejectionsAreExplained() => Run(CertificateCorpus.Pkits(), "pkits");

    private static void Run(IReadOnlyList<CorpusCertificate> corpus, string suite)
    {
        var problems = new List<string>();
        int parsed = 0, rejected = 0, bclCompared = 0, lenientOnly = 0;
        var seenRejections = new HashSet<string>(StringComparer.Ordinal);
        foreach (CorpusCertificate c in corpus)
        {
            bool ok = Certificate.TryDecode(c.Der, out Certificate? cert, out Pkcs10Exception? error);
            bool lenientOk = Certificate.TryDecode(c.Der, out Certificate? lenient, out Pkcs10Exception? lenientError, CertificateDecoderOptions.Lenient);
            if (!ok)
            {
                rejected++;
                seenRejections.Add(c.Name);
                if (!ExpectedRejections.TryGetValue(c.Name, out var expected))
                {
                    problems.Add($"{c.Name}: unexplained rejection {error!.Code}: {error.Detail}");
                    continue;
                }

                if (error!.Code != expected.Strict)
                {
                    problems.Add($"{c.Name}: strict {error.Code} ({error.Detail}), expected {expected.Strict}");
                }

                if ((lenientOk ? null : lenientError!.Code) != expected.Lenient)
                {
                    problems.Add($"{c.Name}: lenient {(lenientOk ? "accepted" : lenientError!.Code.ToString())}, expected {expected.Lenient?.ToString() ?? "accepted"}");
                }

                if (lenientOk)
                {
                    lenientOnly++;
                    if (lenient!.Findings.Count == 0 || lenient.Findings[0].Code != expected.Strict)
                    {
                        problems.Add($"{c.Name}: lenient decoding did not report the {expected.Strict} finding");
                    }

                    Compare(c, lenient, problems, ref bclCompared);
                }

                continue;
            }

            parsed++;
            if (!lenientOk || lenient!.Findings.Count != 0)
            {
                problems.Add($"{c.Name}: strict accepts but lenient {(lenientOk ? "reports findings" : "rejects")}");
            }

            Compare(c, cert!, problems, ref bclCompared);
        }

        foreach (string name in ExpectedRejections.Keys.Where(k => k.StartsWith(suite + ":", StringComparison.Ordinal)))
        {
            if (!seenRejections.Contains(name))
            {
                problems.Add($"{name}: listed as rejected but now decodes (or is gone): update ExpectedRejections");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{suite}: {corpus.Count} distinct certificates, {parsed} decoded strictly, {rejected} rejected ({lenientOnly} of them accepted leniently), {bclCompared} compared with X509Certificate2");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(parsed > 0);
    }

    private static void Compare(CorpusCertificate c, Certificate cert, List<string> problems, ref int bclCompared)
    {
        void Check(bool condition, string what)
        {
            if (!condition)
            {
                problems.Add($"{c.Name}: {what}");
            }
        }

        // Zero-copy: the slices lie in the caller's array, and the TBS is exactly the signed bytes.
        Check(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(cert.RawData, out ArraySegment<byte> segment) && ReferenceEquals(segment.Array, c.Der), "RawData is not the input array");

        // The oracle: System.Formats.Asn1 walking the same DER.
        var outer = new AsnReader(c.Der, AsnEncodingRules.BER).ReadSequence();
        ReadOnlyMemory<byte> tbsDer = outer.PeekEncodedValue();
        Check(tbsDer.Span.SequenceEqual(cert.RawTbs.Span), "RawTbs differs from AsnReader's TBSCertificate");
        AsnReader tbs = outer.ReadSequence();
        int version = 1;
        if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            AsnReader v = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
            version = (int)v.ReadInteger() + 1;
        }

        Check(version == cert.Version, $"version {cert.Version}, AsnReader {version}");
        Check(tbs.ReadIntegerBytes().ToArray().AsSpan().SequenceEqual(cert.SerialNumber.Span), "serial differs from AsnReader");
        Check(tbs.ReadEncodedValue().Span.SequenceEqual(outer.PeekEncodedValue().Span), "inner and outer algorithms differ, but decoding accepted");
        Check(tbs.ReadEncodedValue().Span.SequenceEqual(cert.Issuer.RawData.Span), "issuer differs from AsnReader");
        AsnReader validity = tbs.ReadSequence();
        Check(ReadTime(validity) == cert.NotBefore, $"notBefore {cert.NotBefore:O}");
        Check(ReadTime(validity) == cert.NotAfter, $"notAfter {cert.NotAfter:O}");
        Check(tbs.ReadEncodedValue().Span.SequenceEqual(cert.Subject.RawData.Span), "subject differs from AsnReader");
        Check(tbs.ReadEncodedValue().Span.SequenceEqual(cert.PublicKey.RawData.Span), "SPKI differs from AsnReader");
        Check(outer.ReadEncodedValue().Span.SequenceEqual(cert.SignatureAlgorithm.RawData.Span), "signatureAlgorithm differs from AsnReader");
        Check(outer.ReadBitString(out int unused).AsSpan().SequenceEqual(cert.Signature.Span) && unused == cert.SignatureUnusedBits, "signature differs from AsnReader");
        Check(cert.IsSelfIssued == cert.Issuer.RawData.Span.SequenceEqual(cert.Subject.RawData.Span), "IsSelfIssued");

        // Every typed view decodes without throwing on a certificate that decoded.
        try
        {
            _ = (cert.SubjectAlternativeNames, cert.IssuerAlternativeNames, cert.KeyUsage, cert.ExtendedKeyUsage, cert.BasicConstraints,
                cert.SubjectKeyIdentifier, cert.AuthorityKeyIdentifier, cert.NameConstraints, cert.CrlDistributionPoints,
                cert.AuthorityInformationAccess, cert.CertificatePolicies, cert.PolicyMappings, cert.PolicyConstraints, cert.InhibitAnyPolicy);
        }
        catch (Pkcs10Exception e)
        {
            problems.Add($"{c.Name}: a typed view threw after decoding succeeded: {e.Message}");
        }

        X509Certificate2 bcl;
        try
        {
            bcl = X509CertificateLoader.LoadCertificate(c.Der);
        }
        catch (CryptographicException)
        {
            return; // the platform refuses it; the AsnReader comparison above still ran
        }

        using (bcl)
        {
            bclCompared++;
            Check(bcl.Version == cert.Version, $"version {cert.Version}, BCL {bcl.Version}");
            Check(bcl.SerialNumberBytes.Span.SequenceEqual(cert.SerialNumber.Span), "serial differs from the BCL");
            Check(bcl.SerialNumber == cert.SerialNumberHex, "serial hex differs from the BCL");
            Check(bcl.IssuerName.RawData.AsSpan().SequenceEqual(cert.Issuer.RawData.Span), "issuer differs from the BCL");
            Check(bcl.SubjectName.RawData.AsSpan().SequenceEqual(cert.Subject.RawData.Span), "subject differs from the BCL");
            Check(bcl.NotBefore.ToUniversalTime() == cert.NotBefore.UtcDateTime, $"notBefore {cert.NotBefore:O}, BCL {bcl.NotBefore.ToUniversalTime():O}");
            Check(bcl.NotAfter.ToUniversalTime() == cert.NotAfter.UtcDateTime, $"notAfter {cert.NotAfter:O}, BCL {bcl.NotAfter.ToUniversalTime():O}");
            Check(bcl.SignatureAlgorithm.Value == cert.SignatureAlgorithm.Oid, "signature algorithm OID differs from the BCL");
            Check(bcl.PublicKey.Oid.Value == cert.PublicKey.AlgorithmOid, "key algorithm OID differs from the BCL");
            Check(bcl.PublicKey.EncodedKeyValue.RawData.AsSpan().SequenceEqual(cert.PublicKey.PublicKey.Span), "public key bits differ from the BCL");
            Check(bcl.Extensions.Count == cert.Extensions.Count, $"{cert.Extensions.Count} extensions, BCL {bcl.Extensions.Count}");
            for (int i = 0; i < Math.Min(bcl.Extensions.Count, cert.Extensions.Count); i++)
            {
                X509Extension b = bcl.Extensions[i];
                CertificateExtension e = cert.Extensions[i];
                Check(b.Oid!.Value == e.Oid && b.Critical == e.Critical && b.RawData.AsSpan().SequenceEqual(e.Value.Span), $"extension {i} ({e.Oid}) differs from the BCL");
            }

            if (cert.SubjectKeyIdentifier is { } ski && bcl.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault() is { } bclSki)
            {
                Check(Convert.ToHexString(ski.Span) == bclSki.SubjectKeyIdentifier, "SKI differs from the BCL");
            }

            if (cert.BasicConstraints is { } bc && bcl.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { } bclBc)
            {
                Check(bc.CertificateAuthority == bclBc.CertificateAuthority && (bc.PathLengthConstraint ?? 0) == bclBc.PathLengthConstraint &&
                    bc.PathLengthConstraint.HasValue == bclBc.HasPathLengthConstraint, "basicConstraints differ from the BCL");
            }

            if (cert.KeyUsage is { } ku && bcl.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } bclKu)
            {
                Check(ToBcl(ku) == bclKu.KeyUsages, $"keyUsage {ku}, BCL {bclKu.KeyUsages}");
            }

            if (cert.AuthorityKeyIdentifier is { } aki && bcl.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault() is { } bclAki)
            {
                Check(SameOptional(aki.KeyIdentifier, bclAki.KeyIdentifier), "AKI keyIdentifier differs from the BCL");
                Check(SameOptional(aki.AuthorityCertSerialNumber, bclAki.SerialNumber), "AKI serial differs from the BCL");
            }

            if (cert.AuthorityInformationAccess is { } aia && bcl.Extensions.OfType<X509AuthorityInformationAccessExtension>().FirstOrDefault() is { } bclAia)
            {
                string[] ours = [.. aia.Where(a => a.AccessLocation.Type == GeneralNameType.Uri).Select(a => a.AccessMethod + " " + a.AccessLocation.Value)];
                string[] theirs = [.. bclAia.EnumerateUris("1.3.6.1.5.5.7.48.1").Select(u => "1.3.6.1.5.5.7.48.1 " + u)
                    .Concat(bclAia.EnumerateUris("1.3.6.1.5.5.7.48.2").Select(u => "1.3.6.1.5.5.7.48.2 " + u))];
                Check(ours.Where(o => o.StartsWith("1.3.6.1.5.5.7.48.1 ", StringComparison.Ordinal) || o.StartsWith("1.3.6.1.5.5.7.48.2 ", StringComparison.Ordinal)).Order().SequenceEqual(theirs.Order()), "AIA URIs differ from the BCL");
            }

            if (cert.SubjectAlternativeNames is { } san && bcl.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault() is { } bclSan)
            {
                Check(san.Where(n => n.Type == GeneralNameType.DnsName).Select(n => n.Value).SequenceEqual(bclSan.EnumerateDnsNames()), "SAN DNS names differ from the BCL");
            }
        }
    }

    private static bool SameOptional(ReadOnlyMemory<byte>? ours, ReadOnlyMemory<byte>? theirs) =>
        ours.HasValue == theirs.HasValue && (!ours.HasValue || ours.Value.Span.SequenceEqual(theirs!.Value.Span));

    private static X509KeyUsageFlags ToBcl(KeyUsageFlags ku)
    {
        // The BCL numbers KeyUsage bits as the first BIT STRING octets read little-endian.
        int bits = (int)ku;
        int b = 0;
        for (int i = 0; i < 9; i++)
        {
            if ((bits & (1 << i)) != 0)
            {
                b |= i < 8 ? 0x80 >> i : 0x8000;
            }
        }

        return (X509KeyUsageFlags)b;
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime(2049) : reader.ReadGeneralizedTime();
}
