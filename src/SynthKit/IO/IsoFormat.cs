using System;
using System.Globalization;

namespace SynthKit.IO;

/// <summary>
/// ISO 8601 text for SynthKit's files: <c>yyyy-MM-dd</c> dates, <c>yyyy-MM-ddTHH:mm:ss[.fffffff][K]</c> timestamps (the
/// fraction only when non-zero, as System.Text.Json writes them), <c>c</c>-format time spans. Invariant everywhere.
/// </summary>
internal static class IsoFormat
{
    public const int MaxLength = 40;

    public static int Write(DateTime value, Span<byte> destination)
    {
        // Whole-second, kind-less timestamps are what synthesizers make; format them digit by digit. Anything else
        // takes the framework's custom-format path.
        long ticks = value.Ticks;
        if (value.Kind == DateTimeKind.Unspecified && ticks % TimeSpan.TicksPerSecond == 0)
        {
            // One calendar computation for the date, plain arithmetic for the time of day.
            DateOnly.FromDayNumber((int)(ticks / TimeSpan.TicksPerDay)).Deconstruct(out int year, out int month, out int day);
            int seconds = (int)(ticks % TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond);
            WriteDate(year, month, day, destination);
            destination[10] = (byte)'T';
            Write2(seconds / 3600, destination.Slice(11));
            destination[13] = (byte)':';
            Write2(seconds / 60 % 60, destination.Slice(14));
            destination[16] = (byte)':';
            Write2(seconds % 60, destination.Slice(17));
            return 19;
        }

        value.TryFormat(destination, out int written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);
        return written;
    }

    public static int Write(DateTimeOffset value, Span<byte> destination)
    {
        value.TryFormat(destination, out int written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        return written;
    }

    public static int Write(DateOnly value, Span<byte> destination)
    {
        value.Deconstruct(out int year, out int month, out int day);
        WriteDate(year, month, day, destination);
        return 10;
    }

    public static int Write(TimeOnly value, Span<byte> destination)
    {
        value.TryFormat(destination, out int written, "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return written;
    }

    public static int Write(TimeSpan value, Span<byte> destination)
    {
        value.TryFormat(destination, out int written, "c", CultureInfo.InvariantCulture);
        return written;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out TimeOnly value) =>
        TimeOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan value) =>
        TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value);

    private static void WriteDate(int year, int month, int day, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (year / 1000));
        destination[1] = (byte)('0' + (year / 100 % 10));
        destination[2] = (byte)('0' + (year / 10 % 10));
        destination[3] = (byte)('0' + (year % 10));
        destination[4] = (byte)'-';
        Write2(month, destination.Slice(5));
        destination[7] = (byte)'-';
        Write2(day, destination.Slice(8));
    }

    private static void Write2(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }
}
