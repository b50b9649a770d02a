using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Cli;

internal static class VerifyCommand
{
    public static int Run(string[] files, bool allowSha1, TextWriter output)
    {
        VerificationPolicy policy = allowSha1 ? VerificationPolicy.AllowSha1Policy : VerificationPolicy.Default;
        bool allOk = true;
        foreach (string file in files)
        {
            InputFile input = InputFile.Load(file, CertificationRequestDecoderOptions.Strict);
            if (input.Request is not CertificationRequest request)
            {
                allOk = false;
                output.WriteLine($"{file}: decode failed: {input.IoError ?? input.Error!.Message}");
                continue;
            }

            SignatureStatus status = request.CheckSignature();
            string algorithm = request.SignatureAlgorithm.Name;
            if (status != SignatureStatus.Valid)
            {
                allOk = false;
                output.WriteLine(status == SignatureStatus.Unsupported
                    ? $"{file}: signature not verifiable here ({algorithm} is unsupported)"
                    : $"{file}: signature INVALID ({algorithm})");
            }
            else if (!policy.Allows(request.SignatureAlgorithm))
            {
                allOk = false;
                output.WriteLine($"{file}: signature valid but refused by policy ({algorithm}; use --allow-sha1 to accept SHA-1)");
            }
            else
            {
                output.WriteLine($"{file}: OK ({algorithm})");
            }
        }

        return allOk ? 0 : 1;
    }
}
