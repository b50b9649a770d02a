#!/usr/bin/env bash
# Makes the key/request/certificate fixtures for the matching tests (RequestMatcherTests, PrivateKeyReaderTests,
# and the `pkcs10 match` CLI tests). Run once with OpenSSL 3 and commit the output; the tests only read the files.
set -euo pipefail
cd "$(dirname "$0")"
PASS=test-passphrase

key() { # name, genpkey arguments...
  local name=$1; shift
  openssl genpkey "$@" -out "$name.pkcs8.pem" 2>/dev/null
  openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -in "$name.pkcs8.pem" -passout pass:$PASS -out "$name.pkcs8-encrypted.pem"
}

csr_and_cert() { # name
  local name=$1
  openssl req -new -key "$name.pkcs8.pem" -subj "/C=US/O=Acme/CN=$name.example.com" \
    -addext "subjectAltName=DNS:$name.example.com,IP:192.0.2.1" -out "$name.csr"
  # A self-signed certificate for the same key, subject and SANs (what an honouring CA would issue)...
  openssl req -x509 -key "$name.pkcs8.pem" -subj "/C=US/O=Acme/CN=$name.example.com" -days 3650 \
    -addext "subjectAltName=DNS:$name.example.com,IP:192.0.2.1,DNS:extra.example.com" -out "$name.cert.pem"
  # ...and one that drops a requested SAN and changes the subject.
  openssl req -x509 -key "$name.pkcs8.pem" -subj "/C=US/O=Other/CN=$name.example.com" -days 3650 \
    -addext "subjectAltName=DNS:$name.example.com" -out "$name.cert-other.pem"
}

key rsa2048 -algorithm RSA -pkeyopt rsa_keygen_bits:2048
openssl rsa -in rsa2048.pkcs8.pem -traditional -out rsa2048.pkcs1.pem 2>/dev/null
openssl rsa -in rsa2048.pkcs8.pem -traditional -aes256 -passout pass:$PASS -out rsa2048.legacy-encrypted.pem 2>/dev/null
csr_and_cert rsa2048

for curve in P-256 P-384 P-521; do
  name=$(echo "$curve" | tr -d '-' | tr 'P' 'p')
  key "$name" -algorithm EC -pkeyopt ec_paramgen_curve:$curve -pkeyopt ec_param_enc:named_curve
  openssl ec -in "$name.pkcs8.pem" -out "$name.sec1.pem" 2>/dev/null
  csr_and_cert "$name"
done

# The same P-256 public key, uncompressed and compressed (SEC 1 §2.3.3).
openssl pkey -in p256.pkcs8.pem -pubout -outform DER -out p256.pub.der
openssl ec -in p256.pkcs8.pem -pubout -conv_form compressed -outform DER -out p256.pub-compressed.der 2>/dev/null

openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out dsa.params.pem 2>/dev/null
key dsa2048 -paramfile dsa.params.pem
rm dsa.params.pem
openssl req -new -key dsa2048.pkcs8.pem -subj "/CN=dsa2048.example.com" -sha256 -out dsa2048.csr

# A key .NET cannot load into a key object.
openssl genpkey -algorithm ED25519 -out ed25519.pkcs8.pem
