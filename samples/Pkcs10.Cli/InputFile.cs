using Pkcs10;
using Pkcs10.Requests;

namespace Pkcs10.Cli;

/// <summary>Reads one CSR file and decodes it, keeping the detected format and any error.</summary>
internal sealed record InputFile(string Path, CertificationRequest? Request, RequestEncoding? Format, Pkcs10Exception? Error, string? IoError)
{
    public static InputFile Load(string path, CertificationRequestDecoderOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new InputFile(path, null, null, null, e.Message);
        }

        RequestEncoding format = CertificationRequest.DetectEncoding(bytes);
        return CertificationRequest.TryLoad(bytes, out CertificationRequest? request, out Pkcs10Exception? error, options)
            ? new InputFile(path, request, format, null, null)
            : new InputFile(path, null, format, error, null);
    }
}
