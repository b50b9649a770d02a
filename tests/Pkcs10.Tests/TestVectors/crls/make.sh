#!/bin/sh
# Regenerates the openssl-made CRL fixtures (OpenSSL 3.0 CLI). Tests read the outputs; they never run openssl.
# The CA key and certificates are throwaway test material. Times are fixed with -crl_lastupdate/-crl_nextupdate
# so the outputs differ between runs only in the ECDSA signatures.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = $work
database = \$dir/index.txt
new_certs_dir = \$dir
serial = \$dir/serial
default_md = sha256
default_days = 365
default_crl_days = 7
policy = policy_any
unique_subject = no
[ policy_any ]
commonName = supplied
[ v2ext ]
authorityKeyIdentifier = keyid:always
[ idpext ]
authorityKeyIdentifier = keyid:always
issuingDistributionPoint = critical, @idp
[ idp ]
fullname = URI:http://crl.example.com/ca.crl
onlyuser = TRUE
onlysomereasons = keyCompromise, superseded
[ deltaext ]
authorityKeyIdentifier = keyid:always
2.5.29.27 = critical, ASN1:INTEGER:5
[ leaf ]
basicConstraints = CA:FALSE
CNF

openssl ecparam -name prime256v1 -genkey -noout -out "$work/ca.key"
openssl req -new -x509 -key "$work/ca.key" -subj "/CN=Pkcs10 CRL Test CA/O=Pkcs10 Tests" -days 3650 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.pem
touch "$work/index.txt"
echo 1000 > "$work/serial"

issue() {
    openssl ecparam -name prime256v1 -genkey -noout -out "$work/$1.key"
    openssl req -new -key "$work/$1.key" -subj "/CN=$1" -out "$work/$1.csr"
    openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile "$work/ca.key" -extensions leaf -notext \
        -in "$work/$1.csr" -out "$work/$1.pem" 2>/dev/null
}

gencrl() { # out, extensions section or "", crlnumber or ""
    if [ -n "$3" ]; then echo "$3" > "$work/crlnumber"; set -- "$1" "$2" "-crlnumber-set"; else rm -f "$work/crlnumber"; fi
    sed -i "/^crlnumber/d" "$work/ca.cnf"
    if [ "$3" = "-crlnumber-set" ]; then sed -i "s|^database = .*|&\ncrlnumber = \$dir/crlnumber|" "$work/ca.cnf"; fi
    ext=""
    if [ -n "$2" ]; then ext="-crlexts $2"; fi
    # shellcheck disable=SC2086
    openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile "$work/ca.key" -gencrl $ext \
        -crl_lastupdate 20261101000000Z -crl_nextupdate 20261201000000Z -out "$work/$1.pem" 2>/dev/null
    openssl crl -in "$work/$1.pem" -outform DER -out "$1.der"
}

# v1: no CRL extensions, no CRL number, entries without reasons.
issue plain1
issue plain2
openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile "$work/ca.key" -revoke "$work/plain1.pem" 2>/dev/null
openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile "$work/ca.key" -revoke "$work/plain2.pem" 2>/dev/null
gencrl v1 "" ""

# v2 with reasons, an invalidity date (-crl_compromise) and a certificateHold (holdInstructionCode, an extension this library does not know).
issue keycomp
issue superseded
issue hold
issue cacomp
openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile "$work/ca.key" -revoke "$work/keycomp.pem" -crl_compromise 20261015120000Z 2>/dev/null
openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile "$work/ca.key" -revoke "$work/superseded.pem" -crl_reason superseded 2>/dev/null
openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile "$work/ca.key" -revoke "$work/hold.pem" -crl_hold holdInstructionReject 2>/dev/null
openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile "$work/ca.key" -revoke "$work/cacomp.pem" -crl_CA_compromise 20261016000000Z 2>/dev/null
gencrl v2-reasons v2ext 0a
cp "$work/v2-reasons.pem" v2-reasons.pem

# v2 with an issuingDistributionPoint (fullName URI, onlyContainsUserCerts, onlySomeReasons).
gencrl v2-idp idpext 0b

# A delta CRL: deltaCRLIndicator (BaseCRLNumber 5), critical.
gencrl delta deltaext 0c

# The serials revoked, in order, for the tests.
for n in plain1 plain2 keycomp superseded hold cacomp; do
    printf '%s %s\n' "$n" "$(openssl x509 -in "$work/$n.pem" -noout -serial | cut -d= -f2)"
done > serials.txt
