#!/usr/bin/env bash
# Regenerates every fixture in this folder with the OpenSSL 3.0 CLI.
#
#   ./make.sh            (needs: bash, openssl 3.0.x, python3 for manifest.json)
#
# Fresh keys are generated on every run, so every byte changes on every run; the
# committed outputs are the fixtures. manifest.json is rebuilt from the outputs
# by manifest.py (it reads values back with `openssl asn1parse` / `openssl req`,
# it does not restate what this script asked for).
#
# Outputs (flat, in this folder):
#   <name>.key.pem   private key, PKCS#8, unencrypted (shared by several CSRs)
#   <id>.der         the CSR, DER
#   <id>.pem         the same CSR, PEM ("CERTIFICATE REQUEST")
#   rsa2048.csr rsa4096.csr p256.csr p384.csr   benchmark/sample CSRs (PEM only,
#                    also copied to samples/data/)
#   manifest.json    one entry per CSR + the variants openssl refused
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../../.." && pwd)"
SAMPLES="$REPO/samples/data"
cd "$HERE"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Don't let the machine's openssl.cnf influence anything: every `req` gets an
# explicit -config written below, everything else runs with an empty config.
: > "$TMP/empty.cnf"
export OPENSSL_CONF="$TMP/empty.cnf"

openssl version | grep -q '^OpenSSL 3\.0\.' \
  || echo "warning: fixtures were designed with OpenSSL 3.0.x, this is: $(openssl version)" >&2

# Start from a clean slate (only the generated kinds of file).
rm -f -- ./*.der ./*.pem ./*.csr manifest.json

INDEX="$TMP/index.tsv"      # id  file  format  pemFile  keyFile  description
REFUSED="$TMP/refused.tsv"  # id  description  command  outcome
: > "$INDEX"; : > "$REFUSED"

log() { printf '  %s\n' "$*" >&2; }

# ---------------------------------------------------------------- keys -------
genkey() { # name  genpkey-args...
  local name=$1; shift
  openssl genpkey "$@" -out "$name.key.pem" 2>/dev/null   # PKCS#8, unencrypted
  log "key $name.key.pem"
}

echo "keys" >&2
genkey rsa1024   -algorithm RSA -pkeyopt rsa_keygen_bits:1024
genkey rsa2048   -algorithm RSA -pkeyopt rsa_keygen_bits:2048
genkey rsa3072   -algorithm RSA -pkeyopt rsa_keygen_bits:3072
genkey rsa4096   -algorithm RSA -pkeyopt rsa_keygen_bits:4096
# RSASSA-PSS keys (SPKI OID 1.2.840.113549.1.1.10): one unrestricted (SPKI
# parameters absent), one restricted to sha256 / mgf1-sha256 / salt >= 32.
genkey rsapss2048 -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048
genkey rsapss2048-restricted -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 \
  -pkeyopt rsa_pss_keygen_md:sha256 -pkeyopt rsa_pss_keygen_mgf1_md:sha256 \
  -pkeyopt rsa_pss_keygen_saltlen:32
genkey p256      -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve
genkey p384      -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -pkeyopt ec_param_enc:named_curve
genkey p521      -algorithm EC -pkeyopt ec_paramgen_curve:P-521 -pkeyopt ec_param_enc:named_curve
genkey secp256k1 -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -pkeyopt ec_param_enc:named_curve
# P-256 with explicit (specifiedCurve) domain parameters in the key and SPKI.
genkey p256-explicit -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:explicit
# DSA: L=2048, N=256 domain parameters.
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 \
  -pkeyopt dsa_paramgen_q_bits:256 -out "$TMP/dsa2048.params.pem" 2>/dev/null
genkey dsa2048   -paramfile "$TMP/dsa2048.params.pem"
genkey ed25519   -algorithm ED25519
genkey ed448     -algorithm ED448

# ------------------------------------------------------------- configs -------
# Base config: no prompts, subject comes from -subj unless a config says otherwise.
cat > "$TMP/plain.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt             = no
utf8               = yes
string_mask        = utf8only
[dn]
C  = US
O  = Example Org
CN = pkcs10-test
EOF
PLAIN_SUBJ='/C=US/O=Example Org/CN=pkcs10-test'   # RFC 2253: CN=pkcs10-test,O=Example Org,C=US

# ------------------------------------------------------------- helpers -------
index() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$INDEX"; }

# req ID KEY DESCRIPTION [extra `openssl req` args...]
#   -> ID.der (as written by openssl req) and ID.pem (the same request, PEM)
req() {
  local id=$1 key=$2 desc=$3; shift 3
  openssl req -new -key "$key.key.pem" -outform DER -out "$id.der" "$@"
  openssl req -inform DER -in "$id.der" -outform PEM -out "$id.pem"
  index "$id" "$id.der" DER "$id.pem" "$key.key.pem" "$desc"
  log "csr $id"
}

# refused ID DESCRIPTION [openssl req args...]: a variant we expect openssl to
# refuse. The outcome is recorded in manifest.json ("refused"); nothing is kept.
refused() {
  local id=$1 desc=$2; shift 2
  local out rc=0 cmd
  cmd="openssl req -new $*"; cmd=${cmd//"$TMP"/'$TMP'}   # stable text for the manifest
  out=$(openssl req -new -outform DER -out "$TMP/refused.der" "$@" 2>&1) || rc=$?
  if [ "$rc" -ne 0 ]; then
    # all lines, minus openssl's per-run thread-id prefix, joined with ' | '
    out=$(printf '%s\n' "$out" | sed -E 's/^[0-9A-F]+:error:/error:/' | paste -sd'|' | sed 's/|/ | /g')
    printf '%s\t%s\t%s\trefused (exit %s): %s\n' "$id" "$desc" "$cmd" "$rc" "$out" >> "$REFUSED"
    log "refused $id"
  else
    printf '%s\t%s\t%s\tNOT refused: openssl produced a request (discarded)\n' "$id" "$desc" "$cmd" >> "$REFUSED"
    log "NOT refused $id"
  fi
  rm -f "$TMP/refused.der"
}

# flip_byte FILE OFFSET : xor one byte with 0x01 in place.
flip_byte() {
  local f=$1 off=$2 b
  b=$(od -An -tu1 -j "$off" -N1 "$f" | tr -d ' \n')
  # shellcheck disable=SC2059
  printf "$(printf '\\%03o' $(( b ^ 1 )))" | dd of="$f" bs=1 seek="$off" conv=notrunc status=none
}

P=(-config "$TMP/plain.cnf")

# ------------------------------------------------------------------ RSA ------
echo "RSA (PKCS#1 v1.5)" >&2
req rsa2048-default  rsa2048 "RSA 2048, no digest option (openssl 3.0 default digest)" "${P[@]}"
for md in sha256 sha1 md5 sha224 sha384 sha512 sha3-256 sha3-384 sha3-512; do
  req "rsa2048-$md" rsa2048 "RSA 2048, PKCS#1 v1.5, $md" "${P[@]}" "-$md"
done
req rsa3072-sha256 rsa3072 "RSA 3072, PKCS#1 v1.5, sha256" "${P[@]}" -sha256
req rsa4096-sha256 rsa4096 "RSA 4096, PKCS#1 v1.5, sha256" "${P[@]}" -sha256
req rsa1024-sha256 rsa1024 "RSA 1024 (weak key), PKCS#1 v1.5, sha256" "${P[@]}" -sha256
refused rsa2048-md4 "RSA 2048 with md4 (not in the default provider)" \
  -key rsa2048.key.pem "${P[@]}" -md4

# --------------------------------------------------------------- RSA-PSS -----
echo "RSA-PSS with rsaEncryption key" >&2
pss() { # md saltlen-arg [extra sigopts...]
  local md=$1 salt=$2; shift 2
  local id="rsa2048-pss-$md-salt$salt"
  req "$id" rsa2048 "rsaEncryption key, RSASSA-PSS $md, rsa_pss_saltlen:$salt" "${P[@]}" "-$md" \
    -sigopt rsa_padding_mode:pss -sigopt "rsa_pss_saltlen:$salt" "$@"
}
for s in 0 20 32 64 max; do pss sha256 "$s"; done
for s in 0 20 32 48 64 max; do pss sha384 "$s"; done
for s in 0 20 32 64 max; do pss sha512 "$s"; done
req rsa2048-pss-sha256-mgf1sha1-salt32 rsa2048 \
  "rsaEncryption key, RSASSA-PSS sha256, MGF1 with sha1 (differs from the message digest), salt 32" \
  "${P[@]}" -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sigopt rsa_mgf1_md:sha1
req rsa2048-pss-sha1-salt20 rsa2048 \
  "rsaEncryption key, RSASSA-PSS with all-default parameters (sha1, mgf1-sha1, salt 20): params encode as an empty SEQUENCE" \
  "${P[@]}" -sha1 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:20 -sigopt rsa_mgf1_md:sha1

echo "RSASSA-PSS keys" >&2
req rsapss2048-default rsapss2048 "RSASSA-PSS key (no SPKI restrictions), no digest/sigopt options" "${P[@]}"
req rsapss2048-sha512  rsapss2048 "RSASSA-PSS key (no SPKI restrictions), -sha512" "${P[@]}" -sha512
req rsapss2048-sha256-salt32 rsapss2048 "RSASSA-PSS key (no SPKI restrictions), sha256, salt 32" \
  "${P[@]}" -sha256 -sigopt rsa_pss_saltlen:32
req rsapss2048-restricted-default rsapss2048-restricted \
  "RSASSA-PSS key restricted to sha256/mgf1-sha256/salt>=32, no digest/sigopt options" "${P[@]}"
req rsapss2048-restricted-salt64 rsapss2048-restricted \
  "RSASSA-PSS key restricted to sha256/mgf1-sha256/salt>=32, signed with salt 64" \
  "${P[@]}" -sigopt rsa_pss_saltlen:64
refused rsapss2048-restricted-salt20 "restricted RSASSA-PSS key (salt>=32) asked to sign with salt 20" \
  -key rsapss2048-restricted.key.pem "${P[@]}" -sigopt rsa_pss_saltlen:20
refused rsapss2048-restricted-sha512 "restricted RSASSA-PSS key (sha256 only) asked to sign with sha512" \
  -key rsapss2048-restricted.key.pem "${P[@]}" -sha512

# -------------------------------------------------------------------- EC -----
echo "EC" >&2
req p256-sha256      p256      "EC P-256, ecdsa-with-SHA256"  "${P[@]}" -sha256
req p384-sha384      p384      "EC P-384, ecdsa-with-SHA384"  "${P[@]}" -sha384
req p521-sha512      p521      "EC P-521, ecdsa-with-SHA512"  "${P[@]}" -sha512
req p256-sha384      p256      "EC P-256, ecdsa-with-SHA384 (cross combo)" "${P[@]}" -sha384
req p384-sha256      p384      "EC P-384, ecdsa-with-SHA256 (cross combo)" "${P[@]}" -sha256
req p256-sha224      p256      "EC P-256, ecdsa-with-SHA224" "${P[@]}" -sha224
req p256-sha1        p256      "EC P-256, ecdsa-with-SHA1"   "${P[@]}" -sha1
req p256-sha3-256    p256      "EC P-256, id-ecdsa-with-sha3-256" "${P[@]}" -sha3-256
req secp256k1-sha256 secp256k1 "EC secp256k1 (non-NIST named curve), ecdsa-with-SHA256" "${P[@]}" -sha256
req p256-explicit-sha256 p256-explicit "EC P-256 with explicit (specifiedCurve) parameters in the SPKI, ecdsa-with-SHA256" \
  "${P[@]}" -sha256

# ------------------------------------------------------------------- DSA -----
echo "DSA" >&2
req dsa2048-sha256 dsa2048 "DSA 2048/256, dsa-with-sha256" "${P[@]}" -sha256
req dsa2048-sha1   dsa2048 "DSA 2048/256, dsa-with-sha1"   "${P[@]}" -sha1
req dsa2048-sha224 dsa2048 "DSA 2048/256, dsa-with-sha224" "${P[@]}" -sha224
# openssl 3.0 *signs* these (OIDs 2.16.840.1.101.3.4.3.3 / .4) but its own
# `req -verify` cannot map the OID back ("unknown signature algorithm"); see manifest.
req dsa2048-sha384 dsa2048 "DSA 2048/256, id-dsa-with-sha384 (openssl 3.0 req -verify cannot verify this OID)" "${P[@]}" -sha384
req dsa2048-sha512 dsa2048 "DSA 2048/256, id-dsa-with-sha512 (openssl 3.0 req -verify cannot verify this OID)" "${P[@]}" -sha512

# ----------------------------------------------------------------- EdDSA -----
echo "EdDSA" >&2
req ed25519 ed25519 "Ed25519 (PureEdDSA, no digest option)" "${P[@]}"
req ed448   ed448   "Ed448 (PureEdDSA, no digest option)"   "${P[@]}"

# -------------------------------------------------------------- subjects -----
echo "subjects" >&2
cat > "$TMP/subj.cnf" <<'EOF'
[req]
distinguished_name = dn
utf8               = yes
string_mask        = utf8only
[dn]
EOF
S=(-config "$TMP/subj.cnf" -utf8 -sha256)

req subject-plain p256 "plain subject C, O, CN" "${S[@]}" -subj "$PLAIN_SUBJ"
# -multivalue-rdn is accepted but a no-op in 3.0 ('+' always makes a multi-valued RDN).
req subject-rich p256 "rich subject: DC components, multi-valued RDN (CN+UID), serialNumber, emailAddress and many other attribute types" \
  "${S[@]}" -multivalue-rdn -subj '/DC=com/DC=example/O=Example Org/OU=Devices/CN=Jane Doe+UID=jdoe/serialNumber=SN-0042/emailAddress=jane.doe@example.com/street=1 Main St/L=Springfield/ST=Illinois/postalCode=62701/title=Engineer/GN=Jane/SN=Doe/initials=JD/pseudonym=jd/organizationIdentifier=VATDE-123456789'
req subject-utf8 p256 "UTF-8 non-ASCII subject (Latin-1 range and CJK), string_mask utf8only" \
  "${S[@]}" -subj '/C=DE/O=Bücher GmbH/CN=東京 device/OU=Ωmega ☃'
req subject-escapes p256 "values needing RFC 4514 escapes: comma, leading '#', leading and trailing space, + ; < > \" \\ =" \
  "${S[@]}" -subj '/O=Acme\, Inc./CN=#hash/OU= leading space/OU=trailing space /OU=a\+b;c<d>"e"\\f=g'
req subject-empty-san p256 "empty subject (zero RDNs) with a critical subjectAltName" \
  "${S[@]}" -subj / -addext 'subjectAltName=critical,DNS:empty-subject.example.com,email:empty@example.com'

# string_mask variants: same subjects, different ASN.1 string types chosen by openssl.
mask_cnf() { # mask subject-lines...
  local mask=$1; shift
  { printf '[req]\ndistinguished_name = dn\nprompt = no\nutf8 = yes\nstring_mask = %s\n[dn]\n' "$mask"
    printf '%s\n' "$@"; } > "$TMP/mask-$mask.cnf"
}
LATIN=('C = DE' 'O = Bücher GmbH' '0.OU = plain ascii' '1.OU = not_printable*' 'CN = Zoë Müller')
CJK=('C = JP' 'O = 東京 Devices' 'CN = デバイス 42')
for m in default pkix utf8only nombstr; do
  mask_cnf "$m" "${LATIN[@]}"
  req "subject-mask-$m" p256 "string_mask=$m, Latin-1 subject (ü, ë), an ASCII value outside PrintableString (_ *)" \
    -config "$TMP/mask-$m.cnf" -sha256
done
for m in default pkix utf8only; do
  mask_cnf "$m" "${CJK[@]}"
  req "subject-mask-$m-cjk" p256 "string_mask=$m, CJK subject" -config "$TMP/mask-$m.cnf" -sha256
done
mask_cnf nombstr "${CJK[@]}"
refused subject-mask-nombstr-cjk "string_mask=nombstr (no BMPString/UTF8String) with CJK characters" \
  -key p256.key.pem -config "$TMP/mask-nombstr.cnf" -sha256

# ------------------------------------------------------------ extensions -----
echo "extensions" >&2
ext_cnf() { # name  [ext] body lines...
  local name=$1; shift
  { cat <<'EOF'
[req]
distinguished_name = dn
req_extensions     = ext
prompt             = no
utf8               = yes
string_mask        = utf8only
[dn]
C  = US
O  = Example Org
CN = pkcs10-test
[ext]
EOF
    printf '%s\n' "$@"
    cat <<'EOF'
[san_all]
DNS.1       = www.example.com
DNS.2       = *.wild.example.com
IP.1        = 192.0.2.1
IP.2        = 2001:db8::1
IP.3        = ::ffff:192.0.2.1
email.1     = user@example.com
URI.1       = https://example.com/path?q=1
otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:user@example.com
dirName.1   = san_dir
RID.1       = 1.2.3.4.5
[san_dir]
C  = US
O  = Dir Org
CN = Dir Name
EOF
  } > "$TMP/$name.cnf"
}
EXT_KU='keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, keyAgreement, keyCertSign, cRLSign'
EXT_EKU='extendedKeyUsage = serverAuth, clientAuth, 1.3.6.1.4.1.99999.1.2.3'
EXT_BC_CA='basicConstraints = critical, CA:TRUE, pathlen:2'
EXT_UNK1='1.2.3.4 = DER:0500'
EXT_UNK2='1.2.3.5 = critical, DER:0403010203'

ext_cnf ext-san-all 'subjectAltName = @san_all'
req ext-san-all p256 "subjectAltName with DNS (incl. wildcard), IPv4, IPv6, IPv4-mapped IPv6, email, URI, otherName UPN, dirName, RID" \
  -config "$TMP/ext-san-all.cnf" -sha256
ext_cnf ext-keyusage-eku "$EXT_KU" "$EXT_EKU"
req ext-keyusage-eku p256 "critical keyUsage (6 bits) + extendedKeyUsage serverAuth, clientAuth, custom OID" \
  -config "$TMP/ext-keyusage-eku.cnf" -sha256
ext_cnf ext-bc-ca "$EXT_BC_CA"
req ext-bc-ca p256 "critical basicConstraints CA:TRUE, pathlen:2" -config "$TMP/ext-bc-ca.cnf" -sha256
ext_cnf ext-bc-ee 'basicConstraints = CA:FALSE'
req ext-bc-ee p256 "basicConstraints CA:FALSE (non-critical; DER encodes as an empty SEQUENCE)" -config "$TMP/ext-bc-ee.cnf" -sha256
ext_cnf ext-ski 'subjectKeyIdentifier = hash'
req ext-ski p256 "subjectKeyIdentifier = hash" -config "$TMP/ext-ski.cnf" -sha256
ext_cnf ext-unknown "$EXT_UNK1" "$EXT_UNK2"
req ext-unknown p256 "unknown extensions by raw DER: 1.2.3.4 = NULL (non-critical), 1.2.3.5 = OCTET STRING 010203 (critical)" \
  -config "$TMP/ext-unknown.cnf" -sha256
ext_cnf ext-all 'subjectAltName = @san_all' "$EXT_KU" "$EXT_EKU" "$EXT_BC_CA" 'subjectKeyIdentifier = hash' "$EXT_UNK1" "$EXT_UNK2"
req ext-all rsa2048 "all of the above extensions in one request (RSA 2048, sha256)" -config "$TMP/ext-all.cnf" -sha256

# ------------------------------------------------------------ attributes -----
echo "attributes" >&2
attr_cnf() { # name string_mask with_ext  [attrs] body lines...
  local name=$1 mask=$2 with_ext=$3; shift 3
  { printf '[req]\ndistinguished_name = dn\nattributes = attrs\nprompt = no\nutf8 = yes\nstring_mask = %s\n' "$mask"
    [ "$with_ext" = yes ] && printf 'req_extensions = ext\n'
    printf '[dn]\nC = US\nO = Example Org\nCN = pkcs10-test\n[attrs]\n'
    printf '%s\n' "$@"
    printf '[ext]\nsubjectAltName = DNS:pkcs10-test.example.com, IP:192.0.2.7\nkeyUsage = critical, digitalSignature\n'
  } > "$TMP/$name.cnf"
}
attr_cnf attr-none utf8only no
req attr-none p256 "no attributes at all: attributes [0] is present and empty (A0 00)" -config "$TMP/attr-none.cnf" -sha256
attr_cnf attr-challenge-password utf8only no 'challengePassword = s3cret-Pa55'
req attr-challenge-password p256 "challengePassword only (string_mask utf8only)" -config "$TMP/attr-challenge-password.cnf" -sha256
attr_cnf attr-challenge-password-printable default no 'challengePassword = s3cretPa55'
req attr-challenge-password-printable p256 "challengePassword only (string_mask default)" -config "$TMP/attr-challenge-password-printable.cnf" -sha256
attr_cnf attr-unstructured-name utf8only no 'unstructuredName = Unstructured Name Ltd'
req attr-unstructured-name p256 "unstructuredName only" -config "$TMP/attr-unstructured-name.cnf" -sha256
attr_cnf attr-ext-and-challenge utf8only yes 'challengePassword = s3cret-Pa55' 'unstructuredName = Unstructured Name Ltd'
req attr-ext-and-challenge p256 "challengePassword + unstructuredName + extensionRequest (SAN, keyUsage)" \
  -config "$TMP/attr-ext-and-challenge.cnf" -sha256

# -------------------------------------------------------- bad signatures -----
echo "tampered" >&2
# Signature BIT STRING altered: last byte of the file xor 0x01.
cp rsa2048-sha256.der rsa2048-sha256-badsig.der
flip_byte rsa2048-sha256-badsig.der $(( $(wc -c < rsa2048-sha256-badsig.der) - 1 ))
openssl req -inform DER -in rsa2048-sha256-badsig.der -outform PEM -out rsa2048-sha256-badsig.pem
index rsa2048-sha256-badsig rsa2048-sha256-badsig.der DER rsa2048-sha256-badsig.pem rsa2048.key.pem \
  "copy of rsa2048-sha256 with the last signature byte xor 0x01"
# Signed content altered: first byte of the CN value 'tbs-tamper...' -> 'ubs-tamper...'.
openssl req -new -key p256.key.pem "${S[@]}" -subj '/C=US/O=Example Org/CN=tbs-tamper.example.com' \
  -outform DER -out p256-sha256-tampered-tbs.der
off=$(grep -obUa 'tbs-tamper' p256-sha256-tampered-tbs.der | head -n1 | cut -d: -f1)
flip_byte p256-sha256-tampered-tbs.der "$off"
openssl req -inform DER -in p256-sha256-tampered-tbs.der -outform PEM -out p256-sha256-tampered-tbs.pem
index p256-sha256-tampered-tbs p256-sha256-tampered-tbs.der DER p256-sha256-tampered-tbs.pem p256.key.pem \
  "P-256/sha256 signed with CN=tbs-tamper.example.com, then one byte of the CN flipped (now ubs-tamper...)"

# ------------------------------------------------ benchmark / sample CSRs ----
echo "benchmark/sample" >&2
cat > "$TMP/bench.cnf" <<'EOF'
[req]
distinguished_name = dn
req_extensions     = ext
prompt             = no
utf8               = yes
string_mask        = utf8only
[dn]
C  = US
O  = Acme Devices
CN = device-42.example.com
[ext]
subjectAltName = @san
[san]
DNS.1 = device-42.example.com
DNS.2 = device-42.internal.example.com
IP.1  = 192.0.2.42
EOF
bench() { # name key md
  openssl req -new -config "$TMP/bench.cnf" -key "$2.key.pem" "-$3" -out "$1.csr"
  index "$1" "$1.csr" PEM "" "$2.key.pem" "benchmark/sample CSR: $2, $3, CN=device-42.example.com,O=Acme Devices,C=US + 3 SANs"
  log "csr $1.csr"
}
bench rsa2048 rsa2048 sha256
bench rsa4096 rsa4096 sha256
bench p256    p256    sha256
bench p384    p384    sha384
mkdir -p "$SAMPLES"
cp rsa2048.csr rsa4096.csr p256.csr p384.csr "$SAMPLES/"

# -------------------------------------------------------------- manifest -----
echo "manifest.json" >&2
python3 "$HERE/manifest.py" "$INDEX" "$REFUSED" > manifest.json
echo "done: $(wc -l < "$INDEX") requests, $(wc -l < "$REFUSED") refused-variant probes" >&2
