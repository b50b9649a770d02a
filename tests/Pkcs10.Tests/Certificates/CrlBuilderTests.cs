using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;
using Pkcs10.Certificates;
using Pkcs10.Names;
using Pkcs10.Signatures;

namespace Pkcs10.Tests.Certificates;

/// <summary>CRLs built here, read back by the BCL's CertificateRevocationListBuilder and verified by BouncyCastle.</summary>
public class CrlBuilderTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static (X509Certificate2 Ca, ECDsa Key, byte[] Ski) MakeCa()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test CA,O=Acme", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.KeyCertSign, true));
        var ski = new X509SubjectKeyIdentifierExtension(request.PublicKey, false);
        request.CertificateExtensions.Add(ski);
        X509Certificate2 ca = request.CreateSelfSigned(s_now.AddDays(-1), s_now.AddYears(5));
        return (ca, key, Convert.FromHexString(ski.SubjectKeyIdentifier!));
    }

    [Fact]
    public void Crl_IsReadByTheBcl_AndVerifiedByBouncyCastle()
    {
        (X509Certificate2 ca, ECDsa key, byte[] ski) = MakeCa();
        using (ca)
        using (key)
        {
            byte[] der = new CrlBuilder()
                .AddRevoked([0x01, 0x23, 0x45], s_now.AddHours(-3), CrlReason.KeyCompromise, s_now.AddDays(-2))
                .AddRevoked([0x00, 0xFF, 0x01], s_now.AddHours(-2))
                .AddRevoked([0x7A], s_now.AddHours(-1), CrlReason.Superseded)
                .Build(DistinguishedName.FromX500(ca.SubjectName), Signer.Create(key), [0x2A], s_now, s_now.AddDays(7), ski);

            // The BCL's loader reads the entries and the CRL number.
            CertificateRevocationListBuilder loaded = CertificateRevocationListBuilder.Load(der, out BigInteger crlNumber);
            Assert.Equal(42, crlNumber);

            // BouncyCastle checks the signature with the CA's key and reads the details.
            X509Crl crl = new X509CrlParser().ReadCrl(der);
            crl.Verify(new X509CertificateParser().ReadCertificate(ca.RawData).GetPublicKey());
            Assert.Equal(2, crl.Version);
            Assert.Equal(s_now.UtcDateTime, crl.ThisUpdate);
            Assert.Equal(s_now.AddDays(7).UtcDateTime, crl.NextUpdate!.Value);
            var entries = crl.GetRevokedCertificates().ToList();
            Assert.Equal(["12345", "FF01", "7A"], entries.Select(e => e.SerialNumber.ToString(16).ToUpperInvariant()));
            Assert.Equal(s_now.AddHours(-3).UtcDateTime, entries[0].RevocationDate);

            // reasonCode: present for keyCompromise and superseded, omitted for unspecified; invalidityDate on the first.
            Assert.NotNull(entries[0].GetExtensionValue(Org.BouncyCastle.Asn1.X509.X509Extensions.ReasonCode));
            Assert.Null(entries[1].GetExtensionValue(Org.BouncyCastle.Asn1.X509.X509Extensions.ReasonCode));
            Assert.NotNull(entries[0].GetExtensionValue(Org.BouncyCastle.Asn1.X509.X509Extensions.InvalidityDate));
            Assert.Equal("1", Org.BouncyCastle.Asn1.DerEnumerated.GetInstance(
                Org.BouncyCastle.X509.Extension.X509ExtensionUtilities.FromExtensionValue(entries[0].GetExtensionValue(Org.BouncyCastle.Asn1.X509.X509Extensions.ReasonCode))).Value.ToString());

            // The authority key identifier is the CA's SKI.
            var aki = Org.BouncyCastle.Asn1.X509.AuthorityKeyIdentifier.GetInstance(
                Org.BouncyCastle.X509.Extension.X509ExtensionUtilities.FromExtensionValue(crl.GetExtensionValue(Org.BouncyCastle.Asn1.X509.X509Extensions.AuthorityKeyIdentifier)));
            Assert.Equal(ski, aki.KeyIdentifier.GetOctets());
            _ = loaded;
        }
    }

    [Fact]
    public void EmptyCrl_HasNoRevokedList_AndTimesFrom2050AreGeneralizedTime()
    {
        (X509Certificate2 ca, ECDsa key, byte[] ski) = MakeCa();
        using (ca)
        using (key)
        {
            var later = new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero);
            byte[] der = new CrlBuilder().Build(DistinguishedName.FromX500(ca.SubjectName), Signer.Create(key), [], later, later.AddDays(1), ski);
            X509Crl crl = new X509CrlParser().ReadCrl(der);
            crl.Verify(new X509CertificateParser().ReadCertificate(ca.RawData).GetPublicKey());
            Assert.Null(crl.GetRevokedCertificates()); // BouncyCastle returns null when the list is absent

            var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence().ReadSequence();
            reader.ReadInteger();
            reader.ReadEncodedValue();
            reader.ReadEncodedValue();
            Assert.Equal(System.Formats.Asn1.UniversalTagNumber.GeneralizedTime, (System.Formats.Asn1.UniversalTagNumber)reader.PeekTag().TagValue);
            reader.ReadGeneralizedTime();
            reader.ReadGeneralizedTime();
            Assert.True(reader.PeekTag().HasSameClassAndValue(new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.ContextSpecific, 0)));
            CertificateRevocationListBuilder.Load(der, out BigInteger number);
            Assert.Equal(0, number);
        }
    }

    [Fact]
    public void BadInput_IsRefused_AndAWrongSignerIsCaught()
    {
        var builder = new CrlBuilder().AddRevoked([0x01], s_now);
        Assert.Throws<ArgumentException>(() => builder.AddRevoked([0x00, 0x01], s_now));                  // the same serial
        Assert.Throws<ArgumentException>(() => builder.AddRevoked([0x00], s_now));                        // zero
        Assert.Throws<ArgumentException>(() => builder.AddRevoked(new byte[21].Select(_ => (byte)1).ToArray(), s_now));
        Assert.Throws<ArgumentException>(() => builder.AddRevoked([0x02], s_now, CrlReason.RemoveFromCrl));

        (X509Certificate2 ca, ECDsa key, byte[] ski) = MakeCa();
        using (ca)
        using (key)
        {
            DistinguishedName issuer = DistinguishedName.FromX500(ca.SubjectName);
            Assert.Throws<ArgumentException>(() => builder.Build(issuer, Signer.Create(key), [1], s_now, s_now, ski));
            Assert.Throws<ArgumentException>(() => builder.Build(issuer, Signer.Create(key), [1], s_now, s_now.AddDays(1), []));

            using ECDsa other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            Signer liar = Signer.Create(Signer.Create(key).PublicKey, SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA256),
                (data, _) => other.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            Assert.Throws<CryptographicException>(() => builder.Build(issuer, liar, [1], s_now, s_now.AddDays(1), ski));
        }
    }

    [Fact]
    public async Task BuildAsync_SignsThroughAnAsyncSigner()
    {
        (X509Certificate2 ca, ECDsa key, byte[] ski) = MakeCa();
        using (ca)
        using (key)
        {
            int calls = 0;
            Signer remote = Signer.Create(Signer.Create(key).PublicKey, SignatureAlgorithmIdentifier.Create(SignatureKind.Ecdsa, HashAlgorithmName.SHA256),
                async (data, _, token) =>
                {
                    await Task.Yield();
                    calls++;
                    return key.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
                });
            byte[] der = await new CrlBuilder().AddRevoked([0x05], s_now, CrlReason.CessationOfOperation)
                .BuildAsync(DistinguishedName.FromX500(ca.SubjectName), remote, new byte[] { 0x01, 0x00 }, s_now, s_now.AddDays(1), ski, TestContext.Current.CancellationToken);
            Assert.Equal(1, calls);
            new X509CrlParser().ReadCrl(der).Verify(new X509CertificateParser().ReadCertificate(ca.RawData).GetPublicKey());
            CertificateRevocationListBuilder.Load(der, out BigInteger number);
            Assert.Equal(256, number);
        }
    }
}
