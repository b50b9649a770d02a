using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pkcs10.Certificates;
using Pkcs10.Keys;
using Pkcs10.Signatures;

namespace Pkcs10.Cli;

/// <summary>One line of a CA's <c>records.log</c>.</summary>
internal abstract record CaRecord
{
    /// <summary>The record as one line of text (no newline).</summary>
    public abstract string ToLine();
}

/// <summary><c>issued SERIAL NOTAFTER SUBJECT</c>: a certificate the CA signed.</summary>
internal sealed record IssuedRecord(string Serial, DateTimeOffset NotAfter, string Subject) : CaRecord
{
    public override string ToLine() => $"issued {Serial} {CaDirectory.FormatTime(NotAfter)} {Subject}";
}

/// <summary><c>revoked SERIAL TIME REASON</c>: a revocation.</summary>
internal sealed record RevokedRecord(string Serial, DateTimeOffset Time, CrlReason Reason) : CaRecord
{
    public override string ToLine() => $"revoked {Serial} {CaDirectory.FormatTime(Time)} {CaDirectory.ReasonName(Reason)}";
}

/// <summary><c>crl NUMBER</c>: a CRL was issued with this number.</summary>
internal sealed record CrlRecord(long Number) : CaRecord
{
    public override string ToLine() => $"crl {Number.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A CA kept in a directory: <c>ca.pem</c>, <c>chain.pem</c> (the CA then its issuers up to the root),
/// <c>ca.key.pem</c> (PKCS#8, owner-only) and <c>records.log</c> (one event per line).
/// </summary>
/// <remarks>
/// Every file is replaced whole: the new content goes to a temporary name in the same directory, is flushed to
/// the disk, and is then renamed over the old file, so a crash leaves either the old or the new file, never a
/// torn one. Readers look only at the final names and ignore stray temporary files.
/// </remarks>
internal sealed class CaDirectory
{
    public const string CertificateFile = "ca.pem";
    public const string ChainFile = "chain.pem";
    public const string KeyFile = "ca.key.pem";
    public const string RecordsFile = "records.log";
    public const string TempSuffix = ".tmp";

    // PBKDF2-HMAC-SHA256 iterations for encrypted keys, as in `pkcs10 new`.
    private const int Pbkdf2Iterations = 600_000;

    private static readonly AsyncLocal<Action<string>?> s_beforeRename = new();

    private CaDirectory(string path, Certificate certificate, IReadOnlyList<Certificate> chain, IReadOnlyList<CaRecord> records)
    {
        Path = path;
        Certificate = certificate;
        Chain = chain;
        Records = records;
    }

    /// <summary>
    /// A test hook called with the temporary file's path after it is written and flushed and before it is renamed;
    /// throwing from it simulates a crash between the two. Scoped to the current async flow.
    /// </summary>
    internal static Action<string>? BeforeRename
    {
        get => s_beforeRename.Value;
        set => s_beforeRename.Value = value;
    }

    public string Path { get; }

    public Certificate Certificate { get; }

    /// <summary>The CA certificate followed by its issuers, up to and including the root.</summary>
    public IReadOnlyList<Certificate> Chain { get; }

    public IReadOnlyList<CaRecord> Records { get; private set; }

    /// <summary>Opens an existing CA directory.</summary>
    /// <exception cref="IOException">A file is missing or unreadable.</exception>
    /// <exception cref="InvalidDataException">The records or certificates are malformed.</exception>
    public static CaDirectory Open(string path)
    {
        string certificateFile = System.IO.Path.Combine(path, CertificateFile);
        if (!File.Exists(certificateFile))
        {
            throw new FileNotFoundException($"{path} is not a CA directory (no {CertificateFile})", certificateFile);
        }

        Certificate certificate;
        IReadOnlyList<Certificate> chain;
        try
        {
            certificate = Certificate.Load(File.ReadAllBytes(certificateFile));
            chain = Certificate.LoadAll(File.ReadAllBytes(System.IO.Path.Combine(path, ChainFile)));
        }
        catch (Pkcs10Exception e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        return new CaDirectory(path, certificate, chain, ReadRecords(path));
    }

    /// <summary>Creates a CA directory: the files are written before the records, and nothing existing is replaced.</summary>
    public static CaDirectory Create(string path, Certificate certificate, IReadOnlyList<Certificate> issuers, AsymmetricAlgorithm key, string? passphrase)
    {
        Directory.CreateDirectory(path);
        foreach (string name in new[] { CertificateFile, ChainFile, KeyFile, RecordsFile })
        {
            if (File.Exists(System.IO.Path.Combine(path, name)))
            {
                throw new IOException($"{System.IO.Path.Combine(path, name)} exists; a CA directory is never overwritten");
            }
        }

        string keyPem = passphrase is null
            ? key.ExportPkcs8PrivateKeyPem()
            : key.ExportEncryptedPkcs8PrivateKeyPem(passphrase,
                new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Pbkdf2Iterations));
        WriteAtomically(System.IO.Path.Combine(path, KeyFile), keyPem + "\n", ownerOnly: true);
        var chain = new List<Certificate> { certificate };
        chain.AddRange(issuers);
        WriteAtomically(System.IO.Path.Combine(path, ChainFile), string.Concat(chain.Select(c => c.EncodePem())), ownerOnly: false);
        WriteAtomically(System.IO.Path.Combine(path, CertificateFile), certificate.EncodePem(), ownerOnly: false);
        WriteAtomically(System.IO.Path.Combine(path, RecordsFile), "", ownerOnly: false);
        return new CaDirectory(path, certificate, chain, []);
    }

    /// <summary>Loads the CA's private key and makes a signer for it.</summary>
    /// <exception cref="ArgumentException">The key is encrypted and no passphrase was given.</exception>
    /// <exception cref="CryptographicException">The key cannot be decrypted or is not the CA certificate's.</exception>
    public (AsymmetricAlgorithm Key, Signer Signer) LoadSigner(string? passphrase)
    {
        string pem = File.ReadAllText(System.IO.Path.Combine(Path, KeyFile));
        if (passphrase is null && pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{System.IO.Path.Combine(Path, KeyFile)} is encrypted: give --passphrase-env VAR");
        }

        AsymmetricAlgorithm key = PrivateKeyReader.Load(pem, passphrase);
        try
        {
            Signer signer = CreateSigner(key);
            if (!signer.PublicKey.RawData.Span.SequenceEqual(Certificate.PublicKey.RawData.Span))
            {
                throw new CryptographicException($"{KeyFile} does not hold the private key of {CertificateFile}");
            }

            return (key, signer);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    internal static Signer CreateSigner(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => Signer.Create(rsa),
        ECDsa ec => Signer.Create(ec),
        _ => throw new NotSupportedException($"{key.GetType().Name} keys cannot sign certificates here"),
    };

    /// <summary>Whether the CA has issued a certificate with this serial (normalised hex).</summary>
    public bool HasIssued(string serial) => Records.OfType<IssuedRecord>().Any(r => r.Serial == serial);

    /// <summary>Appends records: the whole file is rewritten through a temporary file and a rename.</summary>
    public void Append(params CaRecord[] records)
    {
        var text = new StringBuilder();
        var all = new List<CaRecord>(Records);
        all.AddRange(records);
        foreach (CaRecord r in all)
        {
            text.Append(r.ToLine()).Append('\n');
        }

        WriteAtomically(System.IO.Path.Combine(Path, RecordsFile), text.ToString(), ownerOnly: false);
        Records = all;
    }

    /// <summary>Reads <c>records.log</c>; temporary files beside it are ignored.</summary>
    /// <exception cref="InvalidDataException">A line is malformed.</exception>
    public static List<CaRecord> ReadRecords(string path)
    {
        string file = System.IO.Path.Combine(path, RecordsFile);
        var records = new List<CaRecord>();
        if (!File.Exists(file))
        {
            return records;
        }

        string[] lines = File.ReadAllLines(file);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            records.Add(ParseRecord(lines[i]) ?? throw new InvalidDataException($"{file}:{i + 1}: malformed record '{lines[i]}'"));
        }

        return records;
    }

    private static CaRecord? ParseRecord(string line)
    {
        string[] parts = line.Split(' ', 4);
        switch (parts[0])
        {
            case "issued" when parts.Length == 4 && IsSerial(parts[1]) && TryParseTime(parts[2], out DateTimeOffset notAfter):
                return new IssuedRecord(parts[1], notAfter, parts[3]);
            case "revoked" when parts.Length == 4 && IsSerial(parts[1]) && TryParseTime(parts[2], out DateTimeOffset time) && TryParseReason(parts[3], out CrlReason reason):
                return new RevokedRecord(parts[1], time, reason);
            case "crl" when parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0:
                return new CrlRecord(number);
            default:
                return null;
        }
    }

    private static bool IsSerial(string hex) => NormaliseSerial(hex) == hex;

    /// <summary>The canonical form of a serial: upper-case hex of the magnitude, no separators, no leading zeros; null when invalid.</summary>
    public static string? NormaliseSerial(string text)
    {
        string hex = text.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (hex.StartsWith("0X", StringComparison.Ordinal))
        {
            hex = hex[2..];
        }

        hex = hex.TrimStart('0');
        if (hex.Length == 0 || hex.Length > 40 || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return hex;
    }

    /// <summary>The canonical serial of a certificate.</summary>
    public static string SerialOf(Certificate certificate) => NormaliseSerial(certificate.SerialNumberHex)!;

    /// <summary>The big-endian magnitude of a canonical serial.</summary>
    public static byte[] SerialBytes(string serial) => Convert.FromHexString(serial.Length % 2 == 0 ? serial : "0" + serial);

    internal static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);

    private static readonly (string Name, CrlReason Reason)[] s_reasons =
    [
        ("unspecified", CrlReason.Unspecified), ("keyCompromise", CrlReason.KeyCompromise), ("cACompromise", CrlReason.CACompromise),
        ("affiliationChanged", CrlReason.AffiliationChanged), ("superseded", CrlReason.Superseded),
        ("cessationOfOperation", CrlReason.CessationOfOperation), ("certificateHold", CrlReason.CertificateHold),
        ("privilegeWithdrawn", CrlReason.PrivilegeWithdrawn), ("aACompromise", CrlReason.AACompromise),
    ];

    /// <summary>The RFC 5280 names of the reasons a full CRL may carry.</summary>
    public static IEnumerable<string> ReasonNames => s_reasons.Select(r => r.Name);

    internal static string ReasonName(CrlReason reason) => s_reasons.First(r => r.Reason == reason).Name;

    /// <summary>Parses an RFC 5280 reason name (case-insensitive).</summary>
    public static bool TryParseReason(string name, out CrlReason reason)
    {
        foreach ((string n, CrlReason r) in s_reasons)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                reason = r;
                return true;
            }
        }

        reason = default;
        return false;
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="text"/>: written to a new temporary file in the same
    /// directory (owner-only from creation when asked), flushed to the disk, then renamed over the final name.
    /// </summary>
    public static void WriteAtomically(string path, string text, bool ownerOnly)
    {
        string temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            BeforeRename?.Invoke(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is not SimulatedCrashException)
        {
            // An ordinary failure cleans up; a simulated crash leaves the temporary file, as a real one would.
            File.Delete(temp);
            throw;
        }
    }
}

/// <summary>Thrown by tests from <see cref="CaDirectory.BeforeRename"/> to stand for a crash (the temporary file is left behind).</summary>
internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
