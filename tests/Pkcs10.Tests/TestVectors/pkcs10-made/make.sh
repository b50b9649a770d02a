#!/usr/bin/env bash
# Requests made by this library's `pkcs10 new`, each checked once by OpenSSL 3 (`openssl req -verify -text`);
# the requests and OpenSSL's verdicts and text are committed. PkcsMadeRequestTests reads them: every request
# must still decode strictly and re-encode to the same bytes, and OpenSSL must have said "verify OK".
# Run from the repository root after `dotnet build samples/Pkcs10.Cli -c Release`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="dotnet $(pwd)/samples/Pkcs10.Cli/bin/Release/net10.0/Pkcs10.Cli.dll"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PKCS10_CHALLENGE="factory-one-time-42"

make() { # name, key type (or --key FILE), extra options...
  local name=$1 key=$2; shift 2
  local keyargs=(--new-key "$key" --key-out "$tmp/$name.key")
  if [[ -f "$key" ]]; then keyargs=(--key "$key"); fi
  $cli new "${keyargs[@]}" --out "$here/$name.csr" \
    --subject "CN=$name.example.com,OU=Devices,O=Acme\\, Inc.,L=Zürich,C=CH" \
    --san "dns:$name.example.com" --san "dns:*.$name.example.com" --san "ip:192.0.2.7" --san "ip:2001:db8::7" \
    --san "email:ops@example.com" --san "uri:https://example.com/devices/$name" --san "upn:$name@corp.example.com" \
    --key-usage digitalSignature,keyEncipherment --eku serverAuth,clientAuth,1.3.6.1.4.1.99999.1 --ski \
    --challenge-password-env PKCS10_CHALLENGE "$@" > /dev/null
  openssl req -in "$here/$name.csr" -verify -noout -text > "$here/$name.openssl.txt" 2>&1
}

make rsa2048 rsa:2048
make rsa3072-sha384 rsa:3072 --hash sha384
make rsa4096-sha512 rsa:4096 --hash sha512
make rsa-pss3072 rsa-pss:3072
make rsa-pss2048-sha512 rsa-pss:2048 --hash sha512
make p256 ec:P-256
make p384 ec:P-384
make p521 ec:P-521
# DSA keys are not made by `pkcs10 new`; the matching fixtures' DSA key signs this one.
make dsa2048 "$here/../match/dsa2048.pkcs8.pem"
