#!/usr/bin/env python3
"""Builds manifest.json for the CSRs written by make.sh (called by make.sh).

Everything in an entry is read back from the files with the openssl CLI:
  * structure, OIDs, string types, extension/attribute lists: `openssl asn1parse`
    (the dotted OIDs are decoded from the OBJECT bytes at the offsets asn1parse
    reports; asn1parse itself only prints names);
  * subject: `openssl req -noout -subject -nameopt RFC2253` (and ...,-esc_msb);
  * key size, curve, PSS parameters, SANs, challengePassword: `openssl req -text`;
  * expectedSignatureValid: `openssl req -verify -noout` exit status;
  * independentSignatureCheck: `openssl dgst -verify` / `openssl pkeyutl -verify
    -rawin` over the TBS bytes and the signature bytes cut out of the file.
Only the descriptions and the file names come from make.sh.
"""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile

DER_TYPE = {"DER": "DER", "PEM": "PEM"}

KEY_ALGS = {
    "1.2.840.113549.1.1.1": "RSA",
    "1.2.840.113549.1.1.10": "RSA-PSS",
    "1.2.840.10045.2.1": "EC",
    "1.2.840.10040.4.1": "DSA",
    "1.3.101.112": "Ed25519",
    "1.3.101.113": "Ed448",
}

# Used only for the independent `openssl dgst` cross-check, not for any field.
SIG_DIGEST = {
    "1.2.840.113549.1.1.4": "md5", "1.2.840.113549.1.1.5": "sha1",
    "1.2.840.113549.1.1.14": "sha224", "1.2.840.113549.1.1.11": "sha256",
    "1.2.840.113549.1.1.12": "sha384", "1.2.840.113549.1.1.13": "sha512",
    "2.16.840.1.101.3.4.3.14": "sha3-256", "2.16.840.1.101.3.4.3.15": "sha3-384",
    "2.16.840.1.101.3.4.3.16": "sha3-512",
    "1.2.840.10045.4.1": "sha1", "1.2.840.10045.4.3.1": "sha224",
    "1.2.840.10045.4.3.2": "sha256", "1.2.840.10045.4.3.3": "sha384",
    "1.2.840.10045.4.3.4": "sha512", "2.16.840.1.101.3.4.3.10": "sha3-256",
    "1.2.840.10040.4.3": "sha1", "2.16.840.1.101.3.4.3.1": "sha224",
    "2.16.840.1.101.3.4.3.2": "sha256", "2.16.840.1.101.3.4.3.3": "sha384",
    "2.16.840.1.101.3.4.3.4": "sha512",
}


def run(args, check=True, data=None):
    p = subprocess.run(["openssl"] + args, input=data, capture_output=True)
    if check and p.returncode != 0:
        raise SystemExit("openssl %s failed: %s" % (" ".join(args), p.stderr.decode(errors="replace")))
    return p


LINE = re.compile(r"^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+(prim|cons):(.*)$")


class Node:
    def __init__(self, off, depth, hl, length, kind, rest):
        self.off, self.depth, self.hl, self.len = off, depth, hl, length
        i = rest.find(":")
        self.type = (rest[:i] if i >= 0 else rest).strip()
        self.value = rest[i + 1:].rstrip() if i >= 0 else None
        self.children = []

    def content(self, der):
        return der[self.off + self.hl:self.off + self.hl + self.len]

    def tlv(self, der):
        return der[self.off:self.off + self.hl + self.len]


def asn1_tree(der_path):
    out = run(["asn1parse", "-inform", "DER", "-in", der_path]).stdout.decode("utf-8", "replace")
    nodes = []
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            raise SystemExit("unparsed asn1parse line in %s: %r" % (der_path, line))
        nodes.append(Node(int(m[1]), int(m[2]), int(m[3]), int(m[4]), m[5], m[6]))
    stack = []
    for n in nodes:
        while stack and stack[-1].depth >= n.depth:
            stack.pop()
        if stack:
            stack[-1].children.append(n)
        stack.append(n)
    return nodes[0]


def oid(node, der):
    assert node.type == "OBJECT", node.type
    b = node.content(der)
    arcs, v = [], 0
    for x in b:
        v = (v << 7) | (x & 0x7F)
        if not x & 0x80:
            arcs.append(v)
            v = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first] + arcs[1:])


def name_of(node):
    return node.value.strip() if node.value else None


def text_of(path, fmt):
    return run(["req", "-inform", fmt, "-in", path, "-noout", "-text"]).stdout.decode("utf-8", "replace")


def pss_from_text(block):
    def grab(pat):
        m = re.search(pat, block)
        return m
    h = grab(r"Hash Algorithm: (\S+)")
    g = grab(r"Mask Algorithm: mgf1 with (\S+)")
    s = grab(r"Salt Length: 0x([0-9A-Fa-f]+)")
    t = grab(r"Trailer Field: 0x([0-9A-Fa-f]+)")
    return {
        "hash": h[1] if h else None,
        "mgf1Hash": g[1] if g else None,
        "saltLength": int(s[1], 16) if s else None,
        "trailerField": int(t[1], 16) if t else None,
    }


def pss_from_der(params, der):
    """RSASSA-PSS-params from the asn1parse tree, RFC 4055 defaults filled in."""
    r = {"hash": "sha1", "hashOid": "1.3.14.3.2.26", "mgf1Hash": "sha1", "mgf1HashOid": "1.3.14.3.2.26",
         "saltLength": 20, "trailerField": 1}
    for f in params.children:
        if f.type == "cont [ 0 ]":
            h = f.children[0].children[0]
            r["hash"], r["hashOid"] = name_of(h), oid(h, der)
        elif f.type == "cont [ 1 ]":
            g = f.children[0].children[1].children[0]
            r["mgf1Hash"], r["mgf1HashOid"] = name_of(g), oid(g, der)
        elif f.type == "cont [ 2 ]":
            r["saltLength"] = int.from_bytes(f.children[0].content(der), "big")
        elif f.type == "cont [ 3 ]":
            r["trailerField"] = int.from_bytes(f.children[0].content(der), "big")
    return r


def main():
    index_path, refused_path = sys.argv[1], sys.argv[2]
    version = run(["version"]).stdout.decode().strip()
    entries = []
    tmp = tempfile.mkdtemp()
    for line in open(index_path, encoding="utf-8"):
        ident, file, fmt, pem_file, key_file, desc = line.rstrip("\n").split("\t")
        if fmt == "PEM":
            txt = open(file, encoding="ascii").read()
            b64 = re.search(r"-----BEGIN CERTIFICATE REQUEST-----(.*?)-----END CERTIFICATE REQUEST-----", txt, re.S)[1]
            der = base64.b64decode("".join(b64.split()))
        else:
            der = open(file, "rb").read()
        if pem_file:
            txt = open(pem_file, encoding="ascii").read()
            b64 = re.search(r"-----BEGIN CERTIFICATE REQUEST-----(.*?)-----END CERTIFICATE REQUEST-----", txt, re.S)[1]
            if base64.b64decode("".join(b64.split())) != der:
                raise SystemExit("%s: PEM and DER differ" % ident)
        der_path = os.path.join(tmp, ident + ".der")
        open(der_path, "wb").write(der)

        root = asn1_tree(der_path)
        info, sig_alg, sig_bits = root.children
        version_node, subject, spki, attrs = info.children[:4]

        # --- signature algorithm
        sig_oid = oid(sig_alg.children[0], der)
        sig_params = sig_alg.children[1].tlv(der).hex().upper() if len(sig_alg.children) > 1 else None

        # --- subject public key info
        alg = spki.children[0]
        spki_oid = oid(alg.children[0], der)
        key_alg = KEY_ALGS.get(spki_oid, spki_oid)
        spki_params = alg.children[1] if len(alg.children) > 1 else None
        pub_bits = spki.children[1]

        text = text_of(der_path, "DER")
        m = re.search(r"Public-Key: \((\d+) bit\)", text)
        if m:
            key_bits, key_bits_source = int(m[1]), "openssl req -text"
        else:  # EdDSA: openssl prints no size; use the public key length (BIT STRING minus unused-bits octet)
            key_bits, key_bits_source = (pub_bits.len - 1) * 8, "public key length"
        curve = curve_oid = ec_params = None
        if key_alg == "EC":
            if spki_params.type == "OBJECT":
                ec_params, curve_oid = "namedCurve", oid(spki_params, der)
                nist = re.search(r"NIST CURVE: (\S+)", text)
                asn1 = re.search(r"ASN1 OID: (\S+)", text)
                curve = nist[1] if nist else (asn1[1] if asn1 else None)
            else:
                ec_params = "specifiedCurve"
        spki_pss = None
        if key_alg == "RSA-PSS" and spki_params is not None:
            # Read from the DER (via the asn1parse tree); `req -text` spells these
            # differently for keys ("SHA2-256", "MGF1 with SHA2-256").
            d = pss_from_der(spki_params, der)
            spki_pss = {"hash": d["hash"], "hashOid": d["hashOid"], "mgf1Hash": d["mgf1Hash"],
                        "mgf1HashOid": d["mgf1HashOid"], "minSaltLength": d["saltLength"],
                        "trailerField": d["trailerField"],
                        "parametersDer": spki_params.tlv(der).hex().upper()}

        pss = None
        if sig_oid == "1.2.840.113549.1.1.10":
            tail = text[text.rindex("    Signature Algorithm:"):]
            pss = pss_from_text(tail)
            d = pss_from_der(sig_alg.children[1], der)
            for k in ("hash", "mgf1Hash", "saltLength", "trailerField"):
                if pss[k] != d[k]:
                    raise SystemExit("%s: PSS %s from req -text (%r) != from DER (%r)" % (ident, k, pss[k], d[k]))
            pss["hashOid"], pss["mgf1HashOid"] = d["hashOid"], d["mgf1HashOid"]

        # --- subject
        def subj(opts):
            out = run(["req", "-inform", "DER", "-in", der_path, "-noout", "-subject", "-nameopt", opts]).stdout
            s = out.decode("utf-8").rstrip("\n")
            assert s.startswith("subject="), s
            return s[len("subject="):]
        rdns = []
        for rdn in subject.children:
            rdns.append([{"oid": oid(atv.children[0], der), "name": name_of(atv.children[0]),
                          "stringType": atv.children[1].type} for atv in rdn.children])

        # --- attributes / extensions
        assert attrs.type == "cont [ 0 ]", attrs.type
        attributes, extensions = [], []
        has_ext = False
        for a in attrs.children:
            a_oid = oid(a.children[0], der)
            values = a.children[1].children
            attributes.append({"oid": a_oid, "name": name_of(a.children[0]),
                               "valueTypes": [v.type for v in values]})
            if a_oid == "1.2.840.113549.1.9.14":
                has_ext = True
                for e in values[0].children:
                    crit = len(e.children) == 3 and e.children[1].type == "BOOLEAN"
                    extensions.append({"oid": oid(e.children[0], der), "name": name_of(e.children[0]),
                                       "critical": crit,
                                       "valueDer": e.children[-1].content(der).hex().upper()})
        cp = re.search(r"^\s*challengePassword\s*:(.*)$", text, re.M)
        sans = []
        m = re.search(r"X509v3 Subject Alternative Name:.*\n\s*(.*)\n", text)
        if m:
            sans = m[1].strip().split(", ")

        # --- signature verification as openssl sees it
        v = run(["req", "-inform", "DER", "-in", der_path, "-noout", "-verify"], check=False)
        verify_msg = (v.stdout + v.stderr).decode("utf-8", "replace").strip().splitlines()
        verify_msg = [l for l in verify_msg if l.strip()]
        # openssl 3.0 `req -verify` exits 0 both for "verify OK" and for "verify
        # failure" (bad signature); it exits 1 only when it cannot verify at all
        # (e.g. "unknown signature algorithm"). So classify by the message.
        said_ok = any(l.strip() == "Certificate request self-signature verify OK" for l in verify_msg)
        said_failure = any("self-signature verify failure" in l for l in verify_msg)
        verify_result = "ok" if said_ok else ("failure" if said_failure else "error")
        shown = "; ".join(l.split(":error:", 1)[1] if ":error:" in l else l for l in verify_msg)

        # --- independent cross-check: openssl dgst / pkeyutl on the raw bytes
        indep = independent_check(tmp, ident, der, der_path, info, sig_bits, sig_oid, pss, key_alg)

        entries.append({
            "id": ident,
            "description": desc,
            "file": file,
            "format": DER_TYPE[fmt],
            "pemFile": pem_file or None,
            "keyFile": key_file,
            "keyAlgorithm": key_alg,
            "keyBits": key_bits,
            "keyBitsSource": key_bits_source,
            "curve": curve,
            "curveOid": curve_oid,
            "ecParameters": ec_params,
            "spkiAlgorithmOid": spki_oid,
            "spkiPssRestrictions": spki_pss,
            "signatureAlgorithmOid": sig_oid,
            "signatureAlgorithmName": name_of(sig_alg.children[0]),
            "signatureAlgorithmParametersDer": sig_params,
            "pss": pss,
            "subject": subj("RFC2253"),
            "subjectUtf8": subj("RFC2253,-esc_msb"),
            "subjectRdns": rdns,
            "sans": sans,
            "hasChallengePassword": any(a["oid"] == "1.2.840.113549.1.9.7" for a in attributes),
            "challengePassword": cp[1].strip() if cp else None,
            "hasExtensions": has_ext,
            "extensions": extensions,
            "attributes": attributes,
            "expectedSignatureValid": verify_result == "ok",
            "opensslVerifyResult": verify_result,
            "opensslVerifyExitCode": v.returncode,
            "opensslVerifyOutput": shown,
            "independentSignatureCheck": indep,
            "derLength": len(der),
        })

    refused = []
    for line in open(refused_path, encoding="utf-8"):
        ident, desc, cmd, outcome = line.rstrip("\n").split("\t")
        refused.append({"id": ident, "description": desc, "command": cmd, "outcome": outcome})

    doc = {
        "generatedBy": "make.sh (see README.md)",
        "openssl": version,
        "notes": [
            "subject: `openssl req -noout -subject -nameopt RFC2253` without the 'subject=' prefix; subjectUtf8 adds -esc_msb.",
            "sans: the subjectAltName line of `openssl req -text`, split on ', ' (openssl's own spelling, e.g. 'IP Address:2001:DB8:0:0:0:0:0:1', 'othername: UPN::user@example.com').",
            "expectedSignatureValid: true iff `openssl req -verify -noout` printed 'Certificate request self-signature verify OK' (what openssl 3.0 said, not a judgement). opensslVerifyResult: ok | failure (openssl printed 'verify failure'; exit code is still 0 in 3.0) | error (openssl could not verify, e.g. 'unknown signature algorithm'; exit code 1).",
            "independentSignatureCheck: `openssl dgst -verify` (or `pkeyutl -verify -rawin` for EdDSA) over the TBS bytes; null when not attempted.",
            "keyBits: 'Public-Key: (N bit)' of `openssl req -text`; for Ed25519/Ed448 (no size printed) the public key length in bits (256/456).",
        ],
        "requests": entries,
        "refused": refused,
    }
    sys.stdout.write(dumps(doc) + "\n")


def dumps(v, indent=0):
    """JSON with 2-space indent, but small flat objects/lists on one line."""
    flat = json.dumps(v, ensure_ascii=False)
    if not isinstance(v, (dict, list)):
        return flat
    is_leafy = not isinstance(v, (dict, list)) or all(not isinstance(x, (dict, list)) for x in (v.values() if isinstance(v, dict) else v))
    if is_leafy and len(flat) + indent <= 120 or not v:
        return flat
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(v, dict):
        items = ['%s%s: %s' % (inner, json.dumps(k, ensure_ascii=False), dumps(x, indent + 2)) for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    items = [inner + dumps(x, indent + 2) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + pad + "]"


def independent_check(tmp, ident, der, der_path, info, sig_bits, sig_oid, pss, key_alg):
    tbs = os.path.join(tmp, ident + ".tbs")
    sig = os.path.join(tmp, ident + ".sig")
    pub = os.path.join(tmp, ident + ".pub.pem")
    open(tbs, "wb").write(info.tlv(der))
    open(sig, "wb").write(sig_bits.content(der)[1:])  # drop the unused-bits octet
    open(pub, "wb").write(run(["req", "-inform", "DER", "-in", der_path, "-noout", "-pubkey"]).stdout)
    if key_alg in ("Ed25519", "Ed448"):
        args = ["pkeyutl", "-verify", "-pubin", "-inkey", pub, "-rawin", "-in", tbs, "-sigfile", sig]
        how = "openssl pkeyutl -verify -rawin"
    elif pss is not None:
        args = ["dgst", "-" + pss["hash"], "-verify", pub, "-signature", sig,
                "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:%d" % pss["saltLength"],
                "-sigopt", "rsa_mgf1_md:" + pss["mgf1Hash"], tbs]
        how = "openssl dgst -%s -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:%d -sigopt rsa_mgf1_md:%s" % (
            pss["hash"], pss["saltLength"], pss["mgf1Hash"])
    elif sig_oid in SIG_DIGEST:
        md = SIG_DIGEST[sig_oid]
        args = ["dgst", "-" + md, "-verify", pub, "-signature", sig, tbs]
        how = "openssl dgst -%s -verify" % md
    else:
        return None
    p = run(args, check=False)
    return {"method": how, "valid": p.returncode == 0}


if __name__ == "__main__":
    main()
