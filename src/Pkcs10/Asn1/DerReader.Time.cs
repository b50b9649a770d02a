using Pkcs10.Internal;

namespace Pkcs10.Asn1;

public ref partial struct DerReader
{
    /// <summary>
    /// Reads a UTCTime in its DER form <c>YYMMDDHHMMSSZ</c> (X.690 §11.8); years 50–99 are 19xx and 00–49 are
    /// 20xx (RFC 5280 §4.1.2.5.1).
    /// </summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.UtcTime"/> when <see langword="null"/>.</param>
    /// <returns>The time in UTC.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or not a real date.</exception>
    public DateTimeOffset ReadUtcTime(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> c = ReadContent(tag ?? Asn1Tag.UtcTime, out int offset);
        if (c.Length != 13 || c[12] != (byte)'Z')
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidTime, "DER UTCTime must be YYMMDDHHMMSSZ (X.690 §11.8)", offset);
        }

        int yy = Digits(c, 0, 2, offset);
        int year = yy >= 50 ? 1900 + yy : 2000 + yy;
        return MakeTime(year, c[2..], 0, offset + 2);
    }

    /// <summary>
    /// Reads a GeneralizedTime in its DER form <c>YYYYMMDDHHMMSS[.f]Z</c>: Z required, seconds required, a
    /// fraction only with a '.' and no trailing zeros (X.690 §11.7).
    /// </summary>
    /// <param name="tag">The tag, <see cref="Asn1Tag.GeneralizedTime"/> when <see langword="null"/>.</param>
    /// <returns>The time in UTC.</returns>
    /// <exception cref="Pkcs10Exception">The element is malformed or not a real date.</exception>
    public DateTimeOffset ReadGeneralizedTime(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> c = ReadContent(tag ?? Asn1Tag.GeneralizedTime, out int offset);
        if (c.Length < 15 || c[^1] != (byte)'Z')
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidTime, "DER GeneralizedTime must be YYYYMMDDHHMMSS[.f]Z (X.690 §11.7)", offset);
        }

        long fractionTicks = 0;
        if (c.Length > 15)
        {
            ReadOnlySpan<byte> frac = c[14..^1];
            if (frac[0] != (byte)'.' || frac.Length < 2 || frac[^1] == (byte)'0')
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidTime, "GeneralizedTime fraction must be '.' and digits with no trailing zero (X.690 §11.7)", offset + 14);
            }

            long scale = TimeSpan.TicksPerSecond;
            for (int i = 1; i < frac.Length; i++)
            {
                int d = frac[i] - '0';
                if (d is < 0 or > 9)
                {
                    ThrowHelper.Throw(Pkcs10ErrorCode.InvalidTime, "GeneralizedTime fraction has a non-digit", offset + 14 + i);
                }

                scale /= 10;
                fractionTicks += d * scale;
            }
        }

        int year = Digits(c, 0, 4, offset);
        return MakeTime(year, c[4..14], fractionTicks, offset + 4);
    }

    // c holds MMDDHHMMSS.
    private static DateTimeOffset MakeTime(int year, ReadOnlySpan<byte> c, long fractionTicks, int offset)
    {
        int month = Digits(c, 0, 2, offset);
        int day = Digits(c, 2, 2, offset);
        int hour = Digits(c, 4, 2, offset);
        int minute = Digits(c, 6, 2, offset);
        int second = Digits(c, 8, 2, offset);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
        {
            ThrowHelper.Throw(Pkcs10ErrorCode.InvalidTime, $"not a valid date and time: {year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}:{second:D2}", offset);
        }

        return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(fractionTicks);
    }

    private static int Digits(ReadOnlySpan<byte> c, int start, int count, int offset)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
        {
            int d = c[i] - '0';
            if (d is < 0 or > 9)
            {
                ThrowHelper.Throw(Pkcs10ErrorCode.InvalidTime, $"expected a digit, found 0x{c[i]:X2}", offset + i);
            }

            value = (value * 10) + d;
        }

        return value;
    }
}
