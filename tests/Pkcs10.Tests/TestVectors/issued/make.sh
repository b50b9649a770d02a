#!/usr/bin/env bash
# Certificates issued by this library's CertificateIssuer: for RSA and for EC, a self-signed root (RootCa), an
# intermediate (IntermediateCa(0)) and one leaf per end-entity profile (TlsServer, TlsClient, Device, CodeSigning),
# with chain PEMs (leaf, intermediate, root). Each leaf is then checked once by OpenSSL 3:
#   openssl verify -x509_strict -CAfile <kind>-root.pem -untrusted <kind>-inter.pem <leaf>.pem
# and OpenSSL's output is written to openssl-verify.txt (quoted in README.md). IssuedFixtureTests reads the PEMs:
# they must decode strictly, chain by signature, and build with X509Chain. Tests never call OpenSSL.
# Run from the repository root. The issuing time is the time of the run (passed in, never read by the library).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/make-issued.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/Pkcs10/Pkcs10.csproj" />
  </ItemGroup>
</Project>
XML

cat > "$tmp/Program.cs" <<'CS'
using System.Security.Cryptography;
using Pkcs10.Certificates;
using Pkcs10.Extensions;
using Pkcs10.Issuance;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

string outDir = args[0];
var options = new IssuanceOptions { Now = DateTimeOffset.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) };
foreach (bool rsa in new[] { true, false })
{
    string kind = rsa ? "rsa" : "ec";
    AsymmetricAlgorithm NewKey(int bits) => rsa ? RSA.Create(bits) : ECDsa.Create(bits == 3072 ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);
    Signer SignerFor(AsymmetricAlgorithm k) => k is RSA r ? Signer.Create(r) : Signer.Create((ECDsa)k);
    CertificationRequest Request(AsymmetricAlgorithm k, string subject, Action<CertificationRequestBuilder>? more = null)
    {
        var b = new CertificationRequestBuilder().SetSubject(subject).SetPublicKey(k);
        more?.Invoke(b);
        return b.Sign(SignerFor(k));
    }

    AsymmetricAlgorithm rootKey = NewKey(3072), interKey = NewKey(2048);
    Certificate root = CertificateIssuer.IssueSelfSigned(DistinguishedName.Parse($"CN=Pkcs10 Fixture {kind.ToUpperInvariant()} Root,O=Pkcs10 Tests,C=US"),
        SignerFor(rootKey), IssuanceProfile.RootCa, options).EnsureIssued();
    Certificate inter = new CertificateIssuer(root, SignerFor(rootKey))
        .Issue(Request(interKey, $"CN=Pkcs10 Fixture {kind.ToUpperInvariant()} Intermediate,O=Pkcs10 Tests,C=US"), IssuanceProfile.IntermediateCa(0)
            with { CrlDistributionPoints = ["http://crl.example.com/root.crl"], CaIssuers = ["http://ca.example.com/root.cer"] }, options).EnsureIssued();
    var ca = new CertificateIssuer(inter, SignerFor(interKey));
    File.WriteAllText(Path.Combine(outDir, $"{kind}-root.pem"), root.EncodePem());
    File.WriteAllText(Path.Combine(outDir, $"{kind}-inter.pem"), inter.EncodePem());

    byte[] hardwareModuleName = [0x30, 0x0F, 0x06, 0x07, 0x2B, 0x06, 0x01, 0x04, 0x01, 0x81, 0x1F, 0x04, 0x04, 0x00, 0x42, 0x13, 0x37];
    var leaves = new (string Name, IssuanceProfile Profile, CertificationRequest Request)[]
    {
        ("tls-server", IssuanceProfile.TlsServer with { OcspResponders = ["http://ocsp.example.com"], CaIssuers = ["http://ca.example.com/inter.cer"] },
            Request(NewKey(2048), "CN=www.example.com,O=Example,C=US", b => b.AddSubjectAlternativeNames(new GeneralNamesBuilder().AddDnsName("www.example.com").AddDnsName("example.com")))),
        ("tls-client", IssuanceProfile.TlsClient, Request(NewKey(2048), "CN=alice,O=Example,C=US",
            b => b.AddSubjectAlternativeNames(new GeneralNamesBuilder().AddEmailAddress("alice@example.com")))),
        ("device", IssuanceProfile.Device, Request(NewKey(2048), "CN=sensor-0042,O=Example Devices",
            b => b.AddSubjectAlternativeNames(new GeneralNamesBuilder().AddOtherName(IssuanceProfile.HardwareModuleNameOid, hardwareModuleName)
                .AddUri("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")))),
        ("code-signing", IssuanceProfile.CodeSigning, Request(NewKey(2048), "CN=Example Code,O=Example,L=Berlin,C=DE")),
    };
    foreach ((string name, IssuanceProfile profile, CertificationRequest request) in leaves)
    {
        IssuanceResult result = ca.Issue(request, profile, options);
        Certificate leaf = result.EnsureIssued();
        File.WriteAllText(Path.Combine(outDir, $"{kind}-{name}.pem"), leaf.EncodePem());
        File.WriteAllText(Path.Combine(outDir, $"{kind}-{name}.chain.pem"), leaf.EncodePem() + inter.EncodePem() + root.EncodePem());
        File.WriteAllText(Path.Combine(outDir, $"{kind}-{name}.report.txt"), result.Report + "\n");
    }
}
CS

now="${1:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"
dotnet run --project "$tmp/make-issued.csproj" -c Release -- "$here" "$now"

: > "$here/openssl-verify.txt"
for kind in rsa ec; do
  for leaf in tls-server tls-client device code-signing; do
    cmd="openssl verify -x509_strict -CAfile $kind-root.pem -untrusted $kind-inter.pem $kind-$leaf.pem"
    echo "\$ $cmd" >> "$here/openssl-verify.txt"
    (cd "$here" && $cmd) >> "$here/openssl-verify.txt" 2>&1
  done
done
cat "$here/openssl-verify.txt"
