#!/bin/sh
# Regenerates the certificate fixtures in this folder with OpenSSL 3 (see README.md). Keys are throwaway and
# are deleted; only the certificates (DER) are kept. Run from this folder: sh make.sh
set -eu
days=36500
make() { # name, keygen args, extra req args
  name=$1; shift
  openssl genpkey "$@" -out "$name.key" 2>/dev/null
  openssl req -x509 -new -key "$name.key" -subj "/C=DE/O=Pkcs10 Tests/CN=$name" -days $days \
    -addext "subjectAltName=DNS:$name.example,IP:192.0.2.1,email:a@$name.example" \
    -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -addext "extendedKeyUsage=serverAuth,clientAuth" \
    -addext "certificatePolicies=2.23.140.1.2.1,1.3.6.1.4.1.99999.1" \
    -addext "crlDistributionPoints=URI:http://crl.example/$name.crl" \
    -addext "authorityInfoAccess=OCSP;URI:http://ocsp.example/,caIssuers;URI:http://ca.example/$name.cer" \
    -addext "nameConstraints=critical,permitted;DNS:example,excluded;IP:10.0.0.0/255.0.0.0" \
    -addext "policyConstraints=requireExplicitPolicy:0" \
    -addext "inhibitAnyPolicy=1" \
    -outform DER -out "$name.der"
  rm "$name.key"
}
make openssl-rsa2048 -algorithm RSA -pkeyopt rsa_keygen_bits:2048
make openssl-p256 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
make openssl-p384 -algorithm EC -pkeyopt ec_paramgen_curve:P-384
make openssl-ed25519 -algorithm ED25519

# Policy qualifiers (CPS URI and user notice), policy mappings and an AKI with issuer and serial: needs a config file.
cat > policies.cnf <<'CNF'
[req]
distinguished_name = dn
[dn]
[ext]
basicConstraints = critical,CA:TRUE,pathlen:2
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always,issuer:always
certificatePolicies = critical,@pol1,2.5.29.32.0
policyMappings = 1.3.6.1.4.1.99999.1:1.3.6.1.4.1.99999.2,1.3.6.1.4.1.99999.3:1.3.6.1.4.1.99999.4
crlDistributionPoints = dp
[pol1]
policyIdentifier = 1.3.6.1.4.1.99999.1
CPS.1 = "http://cps.example/cps"
userNotice.1 = @notice
[notice]
explicitText = "Pkcs10 test notice"
organization = "Pkcs10 Tests"
noticeNumbers = 1, 2
[dp]
fullname = URI:http://crl.example/policies.crl
reasons = keyCompromise, CACompromise
CRLissuer = dirName:issuer_dn
[issuer_dn]
CN = Pkcs10 CRL Issuer
CNF
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out policies.key 2>/dev/null
openssl req -x509 -new -key policies.key -config policies.cnf -extensions ext -subj "/CN=openssl-policies" -days 3650 \
  -set_serial 0x00ff00000000000000000000000000000000000001 -outform DER -out openssl-policies.der
rm policies.key policies.cnf
