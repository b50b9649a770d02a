using System.CommandLine;

namespace Pkcs10.Cli;

/// <summary>The <c>pkcs10</c> command line: every command, parsed and run with the given writers.</summary>
internal static class CliApp
{
    /// <summary>Runs the tool: the exit status of the command, or 2 for usage errors.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "CSR files, PEM or DER (detected from content)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per file (JSON Lines)." };
        var lenient = new Option<bool>("--lenient") { Description = "Accept the deviations real devices produce and report them." };
        var inspect = new Command("inspect", "Decode certificate signing requests and print what they hold.") { files, json, lenient };
        inspect.SetAction(r => InspectCommand.Run(r.GetValue(files)!, r.GetValue(json), r.GetValue(lenient), output));

        var verifyFiles = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "CSR files, PEM or DER." };
        var allowSha1 = new Option<bool>("--allow-sha1") { Description = "Accept valid SHA-1 signatures (refused by default)." };
        var verify = new Command("verify", "Exit 0 only when every request decodes and its self-signature is valid and acceptable.") { verifyFiles, allowSha1 };
        verify.SetAction(r => VerifyCommand.Run(r.GetValue(verifyFiles)!, r.GetValue(allowSha1), output));

        var seconds = new Option<double>("--seconds") { Description = "Seconds to run each measurement.", DefaultValueFactory = _ => 1.0 };
        var speedJson = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var speed = new Command("speed", "Measure pem-to-der, parse and parse-verify on bundled requests, beside the BCL.") { seconds, speedJson };
        speed.SetAction(r => SpeedCommand.Run(r.GetValue(seconds), r.GetValue(speedJson), output));

        var newKey = new Option<string?>("--new-key") { Description = "Make a key: rsa:2048|rsa:3072|rsa:4096|rsa-pss:3072|ec:P-256|ec:P-384|ec:P-521." };
        var keyOut = new Option<string?>("--key-out") { Description = "Where to write the new private key (PKCS#8 PEM, owner-only permissions; never overwritten without --force)." };
        var key = new Option<string?>("--key") { Description = "Use an existing private key: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1 PEM." };
        var passphraseEnv = new Option<string?>("--passphrase-env") { Description = "Name of the environment variable holding the key's passphrase." };
        var subject = new Option<string?>("--subject") { Description = "The subject as RFC 4514 text, e.g. \"CN=device-42,O=Acme\\, Inc.,C=US\"." };
        var san = new Option<string[]>("--san") { Description = "A subject alternative name: dns:NAME, ip:ADDRESS, email:ADDRESS, uri:URI or upn:NAME (repeatable).", AllowMultipleArgumentsPerToken = false };
        var keyUsage = new Option<string?>("--key-usage") { Description = "Comma-separated keyUsage bits, e.g. digitalSignature,keyEncipherment." };
        var eku = new Option<string?>("--eku") { Description = "Comma-separated extended key usages: names (serverAuth, clientAuth, ...) or OIDs." };
        var challengeEnv = new Option<string?>("--challenge-password-env") { Description = "Name of the environment variable holding a challengePassword." };
        var outFile = new Option<string>("--out") { Description = "Where to write the request.", Required = true };
        var der = new Option<bool>("--der") { Description = "Write DER instead of PEM." };
        var hash = new Option<string?>("--hash") { Description = "sha256, sha384 or sha512 (default: SHA-256 for RSA, matched to the curve for EC)." };
        var ski = new Option<bool>("--ski") { Description = "Request a subjectKeyIdentifier (RFC 5280 method 1)." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing --key-out file." };
        var create = new Command("new", "Make a key (or use one) and write a signed certificate signing request.")
        {
            newKey, keyOut, key, passphraseEnv, subject, san, keyUsage, eku, challengeEnv, outFile, der, hash, ski, force,
        };
        create.SetAction(r => NewCommand.Run(new NewOptions(r.GetValue(newKey), r.GetValue(keyOut), r.GetValue(key), r.GetValue(passphraseEnv),
            r.GetValue(subject), r.GetValue(san) ?? [], r.GetValue(keyUsage), r.GetValue(eku), r.GetValue(challengeEnv), r.GetValue(outFile)!,
            r.GetValue(der), r.GetValue(hash), r.GetValue(ski), r.GetValue(force)), output, error));

        var matchKey = new Option<string?>("--key") { Description = "A private key file (PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1 PEM)." };
        var matchCsr = new Option<string?>("--csr") { Description = "A request, PEM or DER." };
        var matchCert = new Option<string?>("--cert") { Description = "A certificate, PEM or DER." };
        var matchPassphrase = new Option<string?>("--passphrase-env") { Description = "Name of the environment variable holding the key's passphrase." };
        var match = new Command("match", "Exit 0 when the given key, request and certificate belong together, 1 when not (saying what differs), 2 on usage errors.")
        {
            matchKey, matchCsr, matchCert, matchPassphrase,
        };
        match.SetAction(r => MatchCommand.Run(r.GetValue(matchKey), r.GetValue(matchCsr), r.GetValue(matchCert), r.GetValue(matchPassphrase), output, error));

        var lintFile = new Argument<string>("FILE") { Description = "A request, PEM or DER." };
        var lintJson = new Option<bool>("--json") { Description = "Print {\"findings\": [{id, severity, message, field, offset, reference}]}." };
        var lintLenient = new Option<bool>("--lenient") { Description = "Decode leniently, so requests with known deviations can be linted." };
        var lintCa = new Option<bool>("--ca") { Description = "The request is for a CA certificate (basicConstraints cA TRUE is expected)." };
        var lint = new Command("lint", "Check a request against the built-in lint rules; exit 0 when there are no error findings, 1 otherwise.")
        {
            lintFile, lintJson, lintLenient, lintCa,
        };
        lint.SetAction(r => LintCommand.Run(r.GetValue(lintFile)!, r.GetValue(lintJson), r.GetValue(lintLenient), r.GetValue(lintCa), output, error));

        var chainLeaf = new Argument<string>("LEAF") { Description = "The certificate to validate, PEM or DER; further certificates in a PEM file join the intermediates." };
        var chainIntermediate = new Option<string[]>("--intermediate") { Description = "A file of untrusted intermediate certificates (repeatable; PEM bundles allowed)." };
        var chainRoot = new Option<string[]>("--root") { Description = "A file of trust anchors (repeatable; PEM bundles allowed).", Required = true };
        var chainCrl = new Option<string[]>("--crl") { Description = "A CRL, PEM or DER (repeatable); when any is given every certificate below the anchor must be covered." };
        var chainTime = new Option<string?>("--time") { Description = "Validate at this ISO 8601 time (default: now)." };
        var chainHost = new Option<string?>("--host") { Description = "The leaf must be valid for this DNS name." };
        var chainIp = new Option<string?>("--ip") { Description = "The leaf must be valid for this IP address." };
        var chainEmail = new Option<string?>("--email") { Description = "The leaf must be valid for this email address." };
        var chainEku = new Option<string[]>("--eku") { Description = "A required purpose: serverAuth, clientAuth, ... or a dotted OID (repeatable)." };
        var chainJson = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var chain = new Command("chain", "Build and validate a certification path; exit 0 when a valid path exists, 1 when not, 2 on usage errors.")
        {
            chainLeaf, chainIntermediate, chainRoot, chainCrl, chainTime, chainHost, chainIp, chainEmail, chainEku, chainJson,
        };
        chain.SetAction(r => ChainCommand.Run(new ChainOptions(r.GetValue(chainLeaf)!, r.GetValue(chainIntermediate) ?? [], r.GetValue(chainRoot) ?? [],
            r.GetValue(chainCrl) ?? [], r.GetValue(chainTime), r.GetValue(chainHost), r.GetValue(chainIp), r.GetValue(chainEmail), r.GetValue(chainEku) ?? [],
            r.GetValue(chainJson)), output, error));

        var caSubject = new Option<string>("--subject") { Description = "The CA's subject as RFC 4514 text.", Required = true };
        var caNewKey = new Option<string>("--new-key") { Description = "The CA key: ec:P-256|ec:P-384|ec:P-521|rsa:2048|rsa:3072|rsa:4096.", Required = true };
        var caOutDir = new Option<string>("--out-dir") { Description = "The new CA directory (ca.pem, chain.pem, ca.key.pem, records.log).", Required = true };
        var caParent = new Option<string?>("--parent") { Description = "Make an intermediate issued by this CA directory (default: a self-signed root)." };
        var caParentPassphrase = new Option<string?>("--parent-passphrase-env") { Description = "Name of the environment variable holding the parent key's passphrase." };
        var caPathLength = new Option<int?>("--path-length") { Description = "The intermediate's pathLenConstraint (default 0)." };
        var caDays = new Option<int?>("--days") { Description = "Validity in days (default: 20 years for a root, 5 for an intermediate)." };
        var caPassphrase = new Option<string?>("--passphrase-env") { Description = "Encrypt the new key with the passphrase in this environment variable." };
        var caInit = new Command("init", "Create a CA directory: a self-signed root, or with --parent an intermediate.")
        {
            caSubject, caNewKey, caOutDir, caParent, caParentPassphrase, caPathLength, caDays, caPassphrase,
        };
        caInit.SetAction(r => CaCommand.Init(new CaInitOptions(r.GetValue(caParent), r.GetValue(caParentPassphrase), r.GetValue(caSubject)!, r.GetValue(caNewKey)!,
            r.GetValue(caOutDir)!, r.GetValue(caPathLength), r.GetValue(caDays), r.GetValue(caPassphrase)), output, error));
        var ca = new Command("ca", "Manage a CA kept in a directory.") { caInit };

        var issueCa = new Option<string>("--ca") { Description = "The CA directory.", Required = true };
        var issueProfile = new Option<string>("--profile") { Description = "tls-server|tls-client|device|code-signing|intermediate.", Required = true };
        var issueRequest = new Argument<string>("REQ") { Description = "The request, PEM or DER; its signature is verified." };
        var issueOut = new Option<string>("--out") { Description = "Where to write the certificate (PEM); the chain goes beside it as NAME.chain.pem.", Required = true };
        var issueDays = new Option<int?>("--days") { Description = "Validity in days (default: the profile's)." };
        var issuePassphrase = new Option<string?>("--passphrase-env") { Description = "Name of the environment variable holding the CA key's passphrase." };
        var issue = new Command("issue", "Issue a certificate for a request; exit 0 when issued, 1 when refused (with the reasons), 2 on usage errors.")
        {
            issueCa, issueProfile, issueRequest, issueOut, issueDays, issuePassphrase,
        };
        issue.SetAction(r => IssueCommand.Run(new IssueOptions(r.GetValue(issueCa)!, r.GetValue(issueProfile)!, r.GetValue(issueRequest)!, r.GetValue(issueOut)!,
            r.GetValue(issueDays), r.GetValue(issuePassphrase)), output, error));

        var revokeCa = new Option<string>("--ca") { Description = "The CA directory.", Required = true };
        var revokeSerial = new Option<string>("--serial") { Description = "The serial number in hex (colons allowed).", Required = true };
        var revokeReason = new Option<string?>("--reason") { Description = "keyCompromise, cACompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, privilegeWithdrawn, aACompromise or unspecified." };
        var revokeTime = new Option<string?>("--time") { Description = "The revocation time, ISO 8601 (default: now)." };
        var revoke = new Command("revoke", "Record the revocation of a certificate the CA issued; exit 1 for unknown or already revoked serials.")
        {
            revokeCa, revokeSerial, revokeReason, revokeTime,
        };
        revoke.SetAction(r => RevokeCommand.Run(r.GetValue(revokeCa)!, r.GetValue(revokeSerial)!, r.GetValue(revokeReason), r.GetValue(revokeTime), output, error));

        var crlCa = new Option<string>("--ca") { Description = "The CA directory.", Required = true };
        var crlOut = new Option<string>("--out") { Description = "Where to write the CRL (PEM).", Required = true };
        var crlDays = new Option<int>("--days") { Description = "Days until nextUpdate.", DefaultValueFactory = _ => 7 };
        var crlPassphrase = new Option<string?>("--passphrase-env") { Description = "Name of the environment variable holding the CA key's passphrase." };
        var crl = new Command("crl", "Write a v2 CRL of every recorded revocation, with the next CRL number.") { crlCa, crlOut, crlDays, crlPassphrase };
        crl.SetAction(r => CrlCommand.Run(r.GetValue(crlCa)!, r.GetValue(crlOut)!, r.GetValue(crlDays), r.GetValue(crlPassphrase), output, error));

        var root = new RootCommand("pkcs10: make, read, verify and match PKCS#10 certificate signing requests.") { inspect, verify, lint, create, match, speed, chain, ca, issue, revoke, crl };

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError e in parsed.Errors)
            {
                error.WriteLine(e.Message);
            }

            return 2;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
