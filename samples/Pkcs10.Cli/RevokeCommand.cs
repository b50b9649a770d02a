using System.Globalization;
using Pkcs10.Certificates;

namespace Pkcs10.Cli;

/// <summary><c>pkcs10 revoke</c>: records the revocation of a certificate the CA issued.</summary>
internal static class RevokeCommand
{
    public static int Run(string caPath, string serialText, string? reasonText, string? timeText, TextWriter output, TextWriter error)
    {
        if (CaDirectory.NormaliseSerial(serialText) is not string serial)
        {
            return Usage(error, $"--serial {serialText}: give the serial as hex (colons allowed)");
        }

        CrlReason reason = CrlReason.Unspecified;
        if (reasonText is not null && !CaDirectory.TryParseReason(reasonText, out reason))
        {
            return Usage(error, $"--reason {reasonText}: use {string.Join(", ", CaDirectory.ReasonNames)}");
        }

        DateTimeOffset time = DateTimeOffset.UtcNow;
        if (timeText is not null && !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return Usage(error, $"--time: '{timeText}' is not an ISO 8601 date and time");
        }

        // Whole seconds: the record and the CRL keep no fractions.
        time = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        try
        {
            CaDirectory ca = CaDirectory.Open(caPath);
            if (ca.Records.OfType<IssuedRecord>().FirstOrDefault(r => r.Serial == serial) is not IssuedRecord issued)
            {
                error.WriteLine($"pkcs10 revoke: {caPath} never issued serial {serial}");
                return 1;
            }

            if (ca.Records.OfType<RevokedRecord>().FirstOrDefault(r => r.Serial == serial) is RevokedRecord earlier)
            {
                error.WriteLine($"pkcs10 revoke: serial {serial} was already revoked at {CaDirectory.FormatTime(earlier.Time)} ({CaDirectory.ReasonName(earlier.Reason)})");
                return 1;
            }

            ca.Append(new RevokedRecord(serial, time, reason));
            output.WriteLine($"revoked serial {serial} ({issued.Subject}) at {CaDirectory.FormatTime(time)}, reason {CaDirectory.ReasonName(reason)}");
            output.WriteLine("  the next `pkcs10 crl` lists it");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"pkcs10 revoke: {e.Message}");
            return e is FileNotFoundException ? 2 : 1;
        }
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"pkcs10 revoke: {message}");
        return 2;
    }
}
