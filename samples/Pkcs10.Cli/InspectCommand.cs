using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pkcs10.Extensions;
using Pkcs10.Names;
using Pkcs10.Requests;
using Pkcs10.Signatures;

namespace Pkcs10.Cli;

internal static class InspectCommand
{
    private static readonly JsonWriterOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] files, bool json, bool lenient, TextWriter output)
    {
        CertificationRequestDecoderOptions options = lenient ? CertificationRequestDecoderOptions.Lenient : CertificationRequestDecoderOptions.Strict;
        bool allOk = true;
        foreach (string file in files)
        {
            InputFile input = InputFile.Load(file, options);
            allOk &= input.Request is not null;
            if (json)
            {
                output.WriteLine(ToJson(input));
            }
            else
            {
                WriteText(input, output);
            }
        }

        return allOk ? 0 : 1;
    }

    /// <summary>The JSON Lines object of the inspect contract (README "pkcs10 inspect --json").</summary>
    public static string ToJson(InputFile input)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, s_jsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("file", input.Path);
            CertificationRequest? r = input.Request;
            w.WriteBoolean("ok", r is not null);
            if (r is null)
            {
                w.WriteStartObject("error");
                w.WriteString("code", input.Error?.Code.ToString() ?? "IOError");
                w.WriteString("message", input.Error?.Detail ?? input.IoError);
                if (input.Error?.Offset is int offset)
                {
                    w.WriteNumber("offset", offset);
                }
                else
                {
                    w.WriteNull("offset");
                }

                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("error");
            }

            if (input.Format is RequestEncoding format)
            {
                w.WriteString("format", format == RequestEncoding.Pem ? "PEM" : "DER");
            }
            else
            {
                w.WriteNull("format");
            }

            if (r is null)
            {
                foreach (string name in (string[])["version", "subject", "subjectString", "publicKey", "signatureAlgorithm", "signatureValid",
                    "attributes", "extensions", "subjectAltNames", "keyUsage", "extendedKeyUsage", "basicConstraints"])
                {
                    w.WriteNull(name);
                }
            }
            else
            {
                WriteRequest(w, r);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRequest(Utf8JsonWriter w, CertificationRequest r)
    {
        w.WriteNumber("version", r.Version);
        w.WriteStartArray("subject");
        foreach (RelativeDistinguishedName rdn in r.Subject.Rdns)
        {
            w.WriteStartArray();
            foreach (AttributeTypeAndValue a in rdn.Attributes)
            {
                w.WriteStartObject();
                w.WriteString("oid", a.Oid);
                w.WriteString("value", a.DisplayValue);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteString("subjectString", r.Subject.ToString());

        Keys.SubjectPublicKeyInfo key = r.PublicKey;
        w.WriteStartObject("publicKey");
        w.WriteString("algorithm", key.AlgorithmName);
        w.WriteString("oid", key.AlgorithmOid);
        if (key.KeySize > 0)
        {
            w.WriteNumber("bits", key.KeySize);
        }
        else
        {
            w.WriteNull("bits");
        }

        w.WriteString("curve", key.CurveName);
        w.WriteString("spkiSha256", Convert.ToHexStringLower(key.GetSha256Fingerprint()));
        w.WriteEndObject();

        w.WriteStartObject("signatureAlgorithm");
        w.WriteString("oid", r.SignatureAlgorithm.Oid);
        w.WriteString("name", r.SignatureAlgorithm.Name);
        w.WriteEndObject();

        switch (r.CheckSignature())
        {
            case SignatureStatus.Valid: w.WriteBoolean("signatureValid", true); break;
            case SignatureStatus.Invalid: w.WriteBoolean("signatureValid", false); break;
            default: w.WriteNull("signatureValid"); break;
        }

        w.WriteStartArray("attributes");
        foreach (RequestAttribute a in r.Attributes)
        {
            w.WriteStartObject();
            w.WriteString("oid", a.Oid);
            w.WriteStartArray("values");
            for (int i = 0; i < a.Values.Count; i++)
            {
                w.WriteStringValue(a.GetDisplayValue(i));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("extensions");
        foreach (CertificateExtension e in r.Extensions)
        {
            w.WriteStartObject();
            w.WriteString("oid", e.Oid);
            w.WriteBoolean("critical", e.Critical);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (r.SubjectAlternativeNames is { } sans)
        {
            w.WriteStartArray("subjectAltNames");
            foreach (GeneralName n in sans)
            {
                w.WriteStartObject();
                w.WriteString("type", n.TypeName);
                w.WriteString("value", n.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("subjectAltNames");
        }

        if (r.KeyUsage is KeyUsageFlags ku)
        {
            w.WriteStartArray("keyUsage");
            foreach (string name in KeyUsageNames(ku))
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("keyUsage");
        }

        if (r.ExtendedKeyUsage is { } eku)
        {
            w.WriteStartArray("extendedKeyUsage");
            foreach (string oid in eku)
            {
                w.WriteStringValue(oid);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("extendedKeyUsage");
        }

        if (r.BasicConstraints is { } bc)
        {
            w.WriteStartObject("basicConstraints");
            w.WriteBoolean("ca", bc.CertificateAuthority);
            if (bc.PathLengthConstraint is int p)
            {
                w.WriteNumber("pathLength", p);
            }
            else
            {
                w.WriteNull("pathLength");
            }

            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("basicConstraints");
        }
    }

    private static IEnumerable<string> KeyUsageNames(KeyUsageFlags flags)
    {
        for (int bit = 0; bit < ExtensionDecoder.KeyUsageNames.Count; bit++)
        {
            if (((int)flags & (1 << bit)) != 0)
            {
                yield return ExtensionDecoder.KeyUsageNames[bit];
            }
        }
    }

    private static void WriteText(InputFile input, TextWriter o)
    {
        o.WriteLine($"{input.Path}:");
        if (input.Request is not CertificationRequest r)
        {
            o.WriteLine(input.IoError is not null
                ? $"    error: {input.IoError}"
                : $"    error: {input.Error!.Code} at offset {input.Error.Offset?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {input.Error.Detail}");
            return;
        }

        o.WriteLine("Certificate Request:");
        o.WriteLine("    Data:");
        o.WriteLine($"        Version: {r.Version + 1} (0x{r.Version:x})");
        o.WriteLine($"        Subject: {r.Subject}");
        o.WriteLine("        Subject Public Key Info:");
        o.WriteLine($"            Public Key Algorithm: {r.PublicKey.AlgorithmName} ({r.PublicKey.AlgorithmOid})");
        if (r.PublicKey.KeySize > 0)
        {
            o.WriteLine($"                Public-Key: ({r.PublicKey.KeySize} bit)");
        }

        if (r.PublicKey.CurveName is string curve)
        {
            o.WriteLine($"                Curve: {curve}");
        }

        if (!r.PublicKey.RsaExponent.IsEmpty)
        {
            o.WriteLine($"                Exponent: {new System.Numerics.BigInteger(r.PublicKey.RsaExponent.Span, isUnsigned: true, isBigEndian: true)}");
        }

        o.WriteLine($"                SPKI SHA-256: {Convert.ToHexStringLower(r.PublicKey.GetSha256Fingerprint())}");
        o.WriteLine("        Attributes:");
        foreach (RequestAttribute a in r.Attributes)
        {
            for (int i = 0; i < a.Values.Count; i++)
            {
                o.WriteLine($"            {AttributeName(a.Oid)}: {a.GetDisplayValue(i)}");
            }
        }

        if (r.Extensions.Count > 0)
        {
            o.WriteLine("        Requested Extensions:");
            foreach (CertificateExtension e in r.Extensions)
            {
                o.WriteLine($"            {e.Oid}{(e.Critical ? " critical" : "")}:");
                o.WriteLine($"                {DescribeExtension(r, e)}");
            }
        }

        foreach (DecodeFinding f in r.Findings)
        {
            o.WriteLine($"        Finding: {f.Code} at offset {f.Offset}: {f.Message}");
        }

        o.WriteLine($"    Signature Algorithm: {r.SignatureAlgorithm.Name} ({r.SignatureAlgorithm.Oid})");
        if (r.SignatureAlgorithm.Pss is { } pss)
        {
            o.WriteLine($"        Hash: {pss.HashOid}, MGF1 hash: {pss.Mgf1HashOid}, salt length: {pss.SaltLength}, trailer: {pss.TrailerField}");
        }

        o.WriteLine($"    Signature: {r.CheckSignature()}");
        o.WriteLine($"        {Convert.ToHexStringLower(r.Signature.Span)}");
    }

    private static string AttributeName(string oid) => oid switch
    {
        "1.2.840.113549.1.9.7" => "challengePassword",
        "1.2.840.113549.1.9.2" => "unstructuredName",
        _ => oid,
    };

    private static string DescribeExtension(CertificationRequest r, CertificateExtension e) => e.Oid switch
    {
        "2.5.29.17" => string.Join(", ", r.SubjectAlternativeNames!.Select(n => n.ToString())),
        "2.5.29.15" => string.Join(", ", KeyUsageNames(r.KeyUsage!.Value)),
        "2.5.29.37" => string.Join(", ", r.ExtendedKeyUsage!),
        "2.5.29.19" => $"CA:{(r.BasicConstraints!.CertificateAuthority ? "TRUE" : "FALSE")}{(r.BasicConstraints.PathLengthConstraint is int p ? $", pathlen:{p}" : "")}",
        "2.5.29.14" => Convert.ToHexStringLower(r.SubjectKeyIdentifier!.Value.Span),
        _ => "#" + Convert.ToHexStringLower(e.Value.Span),
    };
}
