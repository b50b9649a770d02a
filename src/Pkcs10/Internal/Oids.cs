namespace Pkcs10.Internal;

/// <summary>Encoded OBJECT IDENTIFIER content octets: comparisons allocate nothing.</summary>
internal static class Oids
{
    /// <summary>2.5.4.3</summary>
    public static ReadOnlySpan<byte> CommonName => [0x55, 0x04, 0x03];

    /// <summary>2.5.4.4</summary>
    public static ReadOnlySpan<byte> Surname => [0x55, 0x04, 0x04];

    /// <summary>2.5.4.5</summary>
    public static ReadOnlySpan<byte> SerialNumber => [0x55, 0x04, 0x05];

    /// <summary>2.5.4.6</summary>
    public static ReadOnlySpan<byte> Country => [0x55, 0x04, 0x06];

    /// <summary>2.5.4.7</summary>
    public static ReadOnlySpan<byte> Locality => [0x55, 0x04, 0x07];

    /// <summary>2.5.4.8</summary>
    public static ReadOnlySpan<byte> StateOrProvince => [0x55, 0x04, 0x08];

    /// <summary>2.5.4.9</summary>
    public static ReadOnlySpan<byte> Street => [0x55, 0x04, 0x09];

    /// <summary>2.5.4.10</summary>
    public static ReadOnlySpan<byte> Organization => [0x55, 0x04, 0x0A];

    /// <summary>2.5.4.11</summary>
    public static ReadOnlySpan<byte> OrganizationalUnit => [0x55, 0x04, 0x0B];

    /// <summary>2.5.4.12</summary>
    public static ReadOnlySpan<byte> Title => [0x55, 0x04, 0x0C];

    /// <summary>2.5.4.17</summary>
    public static ReadOnlySpan<byte> PostalCode => [0x55, 0x04, 0x11];

    /// <summary>2.5.4.42</summary>
    public static ReadOnlySpan<byte> GivenName => [0x55, 0x04, 0x2A];

    /// <summary>2.5.4.43</summary>
    public static ReadOnlySpan<byte> Initials => [0x55, 0x04, 0x2B];

    /// <summary>2.5.4.44</summary>
    public static ReadOnlySpan<byte> GenerationQualifier => [0x55, 0x04, 0x2C];

    /// <summary>2.5.4.46</summary>
    public static ReadOnlySpan<byte> DnQualifier => [0x55, 0x04, 0x2E];

    /// <summary>2.5.4.65</summary>
    public static ReadOnlySpan<byte> Pseudonym => [0x55, 0x04, 0x41];

    /// <summary>2.5.4.97</summary>
    public static ReadOnlySpan<byte> OrganizationIdentifier => [0x55, 0x04, 0x61];

    /// <summary>0.9.2342.19200300.100.1.25</summary>
    public static ReadOnlySpan<byte> DomainComponent => [0x09, 0x92, 0x26, 0x89, 0x93, 0xF2, 0x2C, 0x64, 0x01, 0x19];

    /// <summary>0.9.2342.19200300.100.1.1</summary>
    public static ReadOnlySpan<byte> UserId => [0x09, 0x92, 0x26, 0x89, 0x93, 0xF2, 0x2C, 0x64, 0x01, 0x01];

    /// <summary>1.2.840.113549.1.9.1</summary>
    public static ReadOnlySpan<byte> EmailAddress => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01];

    /// <summary>1.2.840.113549.1.9.2</summary>
    public static ReadOnlySpan<byte> UnstructuredName => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x02];

    /// <summary>1.2.840.113549.1.9.7</summary>
    public static ReadOnlySpan<byte> ChallengePassword => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x07];

    /// <summary>1.2.840.113549.1.9.14</summary>
    public static ReadOnlySpan<byte> ExtensionRequest => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x0E];

    /// <summary>1.2.840.113549.1.9.8</summary>
    public static ReadOnlySpan<byte> UnstructuredAddress => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x08];

    /// <summary>1.3.6.1.4.1.311.2.1.14</summary>
    public static ReadOnlySpan<byte> MsExtensionRequest => [0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x01, 0x0E];

    /// <summary>2.5.29.14</summary>
    public static ReadOnlySpan<byte> SubjectKeyIdentifier => [0x55, 0x1D, 0x0E];

    /// <summary>2.5.29.15</summary>
    public static ReadOnlySpan<byte> KeyUsage => [0x55, 0x1D, 0x0F];

    /// <summary>2.5.29.17</summary>
    public static ReadOnlySpan<byte> SubjectAltName => [0x55, 0x1D, 0x11];

    /// <summary>2.5.29.18</summary>
    public static ReadOnlySpan<byte> IssuerAltName => [0x55, 0x1D, 0x12];

    /// <summary>2.5.29.19</summary>
    public static ReadOnlySpan<byte> BasicConstraints => [0x55, 0x1D, 0x13];

    /// <summary>2.5.29.37</summary>
    public static ReadOnlySpan<byte> ExtendedKeyUsage => [0x55, 0x1D, 0x25];

    /// <summary>2.5.29.35</summary>
    public static ReadOnlySpan<byte> AuthorityKeyIdentifier => [0x55, 0x1D, 0x23];

    /// <summary>2.5.29.30</summary>
    public static ReadOnlySpan<byte> NameConstraints => [0x55, 0x1D, 0x1E];

    /// <summary>2.5.29.32</summary>
    public static ReadOnlySpan<byte> CertificatePolicies => [0x55, 0x1D, 0x20];

    /// <summary>2.5.29.31</summary>
    public static ReadOnlySpan<byte> CrlDistributionPoints => [0x55, 0x1D, 0x1F];

    /// <summary>2.5.29.20 (cRLNumber)</summary>
    public static ReadOnlySpan<byte> CrlNumber => [0x55, 0x1D, 0x14];

    /// <summary>2.5.29.21 (reasonCode)</summary>
    public static ReadOnlySpan<byte> ReasonCode => [0x55, 0x1D, 0x15];

    /// <summary>2.5.29.24 (invalidityDate)</summary>
    public static ReadOnlySpan<byte> InvalidityDate => [0x55, 0x1D, 0x18];

    /// <summary>2.5.29.27 (deltaCRLIndicator)</summary>
    public static ReadOnlySpan<byte> DeltaCrlIndicator => [0x55, 0x1D, 0x1B];

    /// <summary>2.5.29.28 (issuingDistributionPoint)</summary>
    public static ReadOnlySpan<byte> IssuingDistributionPoint => [0x55, 0x1D, 0x1C];

    /// <summary>2.5.29.29 (certificateIssuer)</summary>
    public static ReadOnlySpan<byte> CertificateIssuer => [0x55, 0x1D, 0x1D];

    /// <summary>2.5.29.46 (freshestCRL)</summary>
    public static ReadOnlySpan<byte> FreshestCrl => [0x55, 0x1D, 0x2E];

    /// <summary>1.3.6.1.5.5.7.1.1</summary>
    public static ReadOnlySpan<byte> AuthorityInfoAccess => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01];

    /// <summary>1.3.6.1.4.1.311.20.2.3</summary>
    public static ReadOnlySpan<byte> UserPrincipalName => [0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x14, 0x02, 0x03];

    /// <summary>1.2.840.113549.1.1.1</summary>
    public static ReadOnlySpan<byte> RsaEncryption => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01];

    /// <summary>1.2.840.113549.1.1.10</summary>
    public static ReadOnlySpan<byte> RsaPss => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0A];

    /// <summary>1.2.840.113549.1.1.8</summary>
    public static ReadOnlySpan<byte> Mgf1 => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x08];

    /// <summary>1.2.840.10045.2.1</summary>
    public static ReadOnlySpan<byte> EcPublicKey => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01];

    /// <summary>1.2.840.10040.4.1</summary>
    public static ReadOnlySpan<byte> DsaKey => [0x2A, 0x86, 0x48, 0xCE, 0x38, 0x04, 0x01];

    /// <summary>1.3.101.112</summary>
    public static ReadOnlySpan<byte> Ed25519 => [0x2B, 0x65, 0x70];

    /// <summary>1.3.101.113</summary>
    public static ReadOnlySpan<byte> Ed448 => [0x2B, 0x65, 0x71];

    /// <summary>1.3.101.110</summary>
    public static ReadOnlySpan<byte> X25519 => [0x2B, 0x65, 0x6E];

    /// <summary>1.3.101.111</summary>
    public static ReadOnlySpan<byte> X448 => [0x2B, 0x65, 0x6F];

    /// <summary>2.16.840.1.101.3.4.3.17</summary>
    public static ReadOnlySpan<byte> MlDsa44 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x11];

    /// <summary>2.16.840.1.101.3.4.3.18</summary>
    public static ReadOnlySpan<byte> MlDsa65 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x12];

    /// <summary>2.16.840.1.101.3.4.3.19</summary>
    public static ReadOnlySpan<byte> MlDsa87 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x13];

    /// <summary>1.2.840.10045.3.1.7</summary>
    public static ReadOnlySpan<byte> Secp256r1 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];

    /// <summary>1.3.132.0.34</summary>
    public static ReadOnlySpan<byte> Secp384r1 => [0x2B, 0x81, 0x04, 0x00, 0x22];

    /// <summary>1.3.132.0.35</summary>
    public static ReadOnlySpan<byte> Secp521r1 => [0x2B, 0x81, 0x04, 0x00, 0x23];

    /// <summary>1.3.132.0.10</summary>
    public static ReadOnlySpan<byte> Secp256k1 => [0x2B, 0x81, 0x04, 0x00, 0x0A];

    /// <summary>1.3.132.0.33</summary>
    public static ReadOnlySpan<byte> Secp224r1 => [0x2B, 0x81, 0x04, 0x00, 0x21];

    /// <summary>1.2.840.10045.3.1.1</summary>
    public static ReadOnlySpan<byte> Prime192v1 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x01];

    /// <summary>1.3.36.3.3.2.8.1.1.7</summary>
    public static ReadOnlySpan<byte> BrainpoolP256r1 => [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07];

    /// <summary>1.3.36.3.3.2.8.1.1.11</summary>
    public static ReadOnlySpan<byte> BrainpoolP384r1 => [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0B];

    /// <summary>1.3.36.3.3.2.8.1.1.13</summary>
    public static ReadOnlySpan<byte> BrainpoolP512r1 => [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0D];

    /// <summary>1.2.840.113549.1.1.2</summary>
    public static ReadOnlySpan<byte> Md2WithRsa => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x02];

    /// <summary>1.2.840.113549.1.1.3</summary>
    public static ReadOnlySpan<byte> Md4WithRsa => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x03];

    /// <summary>1.2.840.113549.1.1.4</summary>
    public static ReadOnlySpan<byte> Md5WithRsa => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x04];

    /// <summary>1.2.840.113549.1.1.5</summary>
    public static ReadOnlySpan<byte> Sha1WithRsa => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x05];

    /// <summary>1.2.840.113549.1.1.14</summary>
    public static ReadOnlySpan<byte> Sha224WithRsa => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0E];

    /// <summary>1.2.840.113549.1.1.11</summary>
    public static ReadOnlySpan<byte> Sha256WithRsa => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B];

    /// <summary>1.2.840.113549.1.1.12</summary>
    public static ReadOnlySpan<byte> Sha384WithRsa => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0C];

    /// <summary>1.2.840.113549.1.1.13</summary>
    public static ReadOnlySpan<byte> Sha512WithRsa => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0D];

    /// <summary>2.16.840.1.101.3.4.3.14</summary>
    public static ReadOnlySpan<byte> Sha3_256WithRsa => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0E];

    /// <summary>2.16.840.1.101.3.4.3.15</summary>
    public static ReadOnlySpan<byte> Sha3_384WithRsa => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0F];

    /// <summary>2.16.840.1.101.3.4.3.16</summary>
    public static ReadOnlySpan<byte> Sha3_512WithRsa => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x10];

    /// <summary>1.2.840.10045.4.1</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha1 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x01];

    /// <summary>1.2.840.10045.4.3.1</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha224 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x01];

    /// <summary>1.2.840.10045.4.3.2</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha256 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02];

    /// <summary>1.2.840.10045.4.3.3</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha384 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03];

    /// <summary>1.2.840.10045.4.3.4</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha512 => [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x04];

    /// <summary>2.16.840.1.101.3.4.3.10</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha3_256 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0A];

    /// <summary>2.16.840.1.101.3.4.3.11</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha3_384 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0B];

    /// <summary>2.16.840.1.101.3.4.3.12</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha3_512 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x0C];

    /// <summary>1.2.840.10040.4.3</summary>
    public static ReadOnlySpan<byte> DsaWithSha1 => [0x2A, 0x86, 0x48, 0xCE, 0x38, 0x04, 0x03];

    /// <summary>2.16.840.1.101.3.4.3.1</summary>
    public static ReadOnlySpan<byte> DsaWithSha224 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x01];

    /// <summary>2.16.840.1.101.3.4.3.2</summary>
    public static ReadOnlySpan<byte> DsaWithSha256 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x02];

    /// <summary>2.16.840.1.101.3.4.3.3</summary>
    public static ReadOnlySpan<byte> DsaWithSha384 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x03];

    /// <summary>2.16.840.1.101.3.4.3.4</summary>
    public static ReadOnlySpan<byte> DsaWithSha512 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x04];

    /// <summary>1.2.840.113549.2.5</summary>
    public static ReadOnlySpan<byte> Md5 => [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x02, 0x05];

    /// <summary>1.3.14.3.2.26</summary>
    public static ReadOnlySpan<byte> Sha1 => [0x2B, 0x0E, 0x03, 0x02, 0x1A];

    /// <summary>2.16.840.1.101.3.4.2.4</summary>
    public static ReadOnlySpan<byte> Sha224 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04];

    /// <summary>2.16.840.1.101.3.4.2.1</summary>
    public static ReadOnlySpan<byte> Sha256 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];

    /// <summary>2.16.840.1.101.3.4.2.2</summary>
    public static ReadOnlySpan<byte> Sha384 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02];

    /// <summary>2.16.840.1.101.3.4.2.3</summary>
    public static ReadOnlySpan<byte> Sha512 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03];

    /// <summary>2.16.840.1.101.3.4.2.5</summary>
    public static ReadOnlySpan<byte> Sha512_224 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x05];

    /// <summary>2.16.840.1.101.3.4.2.6</summary>
    public static ReadOnlySpan<byte> Sha512_256 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x06];

    /// <summary>2.16.840.1.101.3.4.2.7</summary>
    public static ReadOnlySpan<byte> Sha3_224 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x07];

    /// <summary>2.16.840.1.101.3.4.2.8</summary>
    public static ReadOnlySpan<byte> Sha3_256 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x08];

    /// <summary>2.16.840.1.101.3.4.2.9</summary>
    public static ReadOnlySpan<byte> Sha3_384 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x09];

    /// <summary>2.16.840.1.101.3.4.2.10</summary>
    public static ReadOnlySpan<byte> Sha3_512 => [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x0A];

    /// <summary>2.5.29.33</summary>
    public static ReadOnlySpan<byte> PolicyMappings => [0x55, 0x1D, 0x21];

    /// <summary>2.5.29.36</summary>
    public static ReadOnlySpan<byte> PolicyConstraints => [0x55, 0x1D, 0x24];

    /// <summary>2.5.29.54</summary>
    public static ReadOnlySpan<byte> InhibitAnyPolicy => [0x55, 0x1D, 0x36];

    /// <summary>2.5.29.32.0</summary>
    public static ReadOnlySpan<byte> AnyPolicy => [0x55, 0x1D, 0x20, 0x00];

    /// <summary>1.3.6.1.5.5.7.2.1</summary>
    public static ReadOnlySpan<byte> CpsQualifier => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x01];

    /// <summary>1.3.6.1.5.5.7.2.2</summary>
    public static ReadOnlySpan<byte> UserNoticeQualifier => [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x02];
}
