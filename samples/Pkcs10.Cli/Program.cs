using System.CommandLine;
using Pkcs10.Cli;

var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "CSR files, PEM or DER (detected from content)." };
var json = new Option<bool>("--json") { Description = "Print one JSON object per file (JSON Lines)." };
var lenient = new Option<bool>("--lenient") { Description = "Accept the deviations real devices produce and report them." };
var inspect = new Command("inspect", "Decode certificate signing requests and print what they hold.") { files, json, lenient };
inspect.SetAction(r => InspectCommand.Run(r.GetValue(files)!, r.GetValue(json), r.GetValue(lenient), Console.Out));

var verifyFiles = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "CSR files, PEM or DER." };
var allowSha1 = new Option<bool>("--allow-sha1") { Description = "Accept valid SHA-1 signatures (refused by default)." };
var verify = new Command("verify", "Exit 0 only when every request decodes and its self-signature is valid and acceptable.") { verifyFiles, allowSha1 };
verify.SetAction(r => VerifyCommand.Run(r.GetValue(verifyFiles)!, r.GetValue(allowSha1), Console.Out));

var seconds = new Option<double>("--seconds") { Description = "Seconds to run each measurement.", DefaultValueFactory = _ => 1.0 };
var speedJson = new Option<bool>("--json") { Description = "Print the results as JSON." };
var speed = new Command("speed", "Measure pem-to-der, parse and parse-verify on bundled requests, beside the BCL.") { seconds, speedJson };
speed.SetAction(r => SpeedCommand.Run(r.GetValue(seconds), r.GetValue(speedJson), Console.Out));

var root = new RootCommand("pkcs10: read and verify PKCS#10 certificate signing requests.") { inspect, verify, speed };
ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    return 2;
}

return parsed.Invoke();
