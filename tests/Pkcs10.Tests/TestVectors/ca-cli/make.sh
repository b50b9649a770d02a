#!/bin/sh
# Makes a root, an intermediate and a tls-server leaf with the pkcs10 CLI, revokes the leaf, makes a CRL from each CA,
# and checks every step with openssl (see README.md for the output). Run from this folder after
#   dotnet build samples/Pkcs10.Cli -c Release
# The CA directories (and their private keys) live in a temporary folder that is deleted; only PEMs are kept.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cli="dotnet ${PKCS10_CLI:-$here/../../../../samples/Pkcs10.Cli/bin/Release/net10.0/Pkcs10.Cli.dll}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

$cli ca init --subject "CN=ca-cli Test Root,O=Pkcs10 Tests" --new-key ec:P-384 --out-dir "$work/root"
$cli ca init --parent "$work/root" --subject "CN=ca-cli Test Issuing CA,O=Pkcs10 Tests" --new-key ec:P-256 --out-dir "$work/int"
$cli new --new-key ec:P-256 --key-out "$work/leaf.key" --subject "CN=www.example.com" --san dns:www.example.com --out "$work/leaf.csr"
$cli issue --ca "$work/int" --profile tls-server "$work/leaf.csr" --out "$work/leaf.pem"

cp "$work/root/ca.pem" root.pem
cp "$work/int/ca.pem" intermediate.pem
cp "$work/leaf.pem" leaf.pem

echo '$ openssl verify -x509_strict -CAfile root.pem -untrusted intermediate.pem leaf.pem'
openssl verify -x509_strict -CAfile root.pem -untrusted intermediate.pem leaf.pem

serial=$(openssl x509 -in leaf.pem -noout -serial | cut -d= -f2)
$cli revoke --ca "$work/int" --serial "$serial" --reason keyCompromise
$cli crl --ca "$work/int" --out intermediate.crl.pem
$cli crl --ca "$work/root" --out root.crl.pem

echo '$ openssl verify -x509_strict -crl_check -CRLfile intermediate.crl.pem -CAfile root.pem -untrusted intermediate.pem leaf.pem'
openssl verify -x509_strict -crl_check -CRLfile intermediate.crl.pem -CAfile root.pem -untrusted intermediate.pem leaf.pem || true
echo '$ openssl verify -x509_strict -crl_check_all -CRLfile root.crl.pem -CRLfile intermediate.crl.pem -CAfile root.pem -untrusted intermediate.pem leaf.pem'
openssl verify -x509_strict -crl_check_all -CRLfile root.crl.pem -CRLfile intermediate.crl.pem -CAfile root.pem -untrusted intermediate.pem leaf.pem || true
echo '$ openssl verify -x509_strict -crl_check_all -CRLfile root.crl.pem -CAfile root.pem intermediate.pem'
openssl verify -x509_strict -crl_check_all -CRLfile root.crl.pem -CAfile root.pem intermediate.pem
echo '$ openssl crl -in intermediate.crl.pem -noout -text'
openssl crl -in intermediate.crl.pem -noout -text
