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

    // Exactly the forms SynthKit writes (and a bare date for a timestamp). No culture-dependent or free-form dates
    // ("1/2/2024", "Jan 5 2024"), and no offset on a DateTime: converting it to the machine's local time would make
    // what is read depend on the time zone.
    private static readonly string[] s_dateTimeFormats = { "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd" };
    private static readonly string[] s_utcFormats = { "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" };
    private static readonly string[] s_offsetFormats = { "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" };
    private static readonly string[] s_timeFormats = { "HH:mm:ss.FFFFFFF", "HH:mm" };

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value) =>
        DateTime.TryParseExact(text, s_dateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
        || DateTime.TryParseExact(text, s_utcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, s_offsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static bool TryParse(ReadOnlySpan<char> text, out TimeOnly value) =>
        TimeOnly.TryParseExact(text, s_timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>An enum member by its declared name only: no numbers ("99", "-1") and no flag lists ("Red, Blue").</summary>
    public static bool TryParseName<TEnum>(ReadOnlySpan<char> text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.IndexOf(',') < 0
            && Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value);
    }

    /// <summary>An invariant number in the forms SynthKit writes: no thousands separators, no overflow to infinity.</summary>
    public static bool TryParseNumber<T>(ReadOnlySpan<char> text, out T value)
        where T : ISpanParsable<T>
    {
        if (typeof(T) == typeof(double))
        {
            bool ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && (double.IsFinite(d) || IsNonFiniteToken(text));
            value = (T)(object)d;
            return ok;
        }

        if (typeof(T) == typeof(float))
        {
            bool ok = float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float f) && (float.IsFinite(f) || IsNonFiniteToken(text));
            value = (T)(object)f;
            return ok;
        }

        if (typeof(T) == typeof(decimal))
        {
            bool ok = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal m);
            value = (T)(object)m;
            return ok;
        }

        return T.TryParse(text, CultureInfo.InvariantCulture, out value!);
    }

    /// <summary>What the invariant culture writes for NaN and the infinities.</summary>
    private static bool IsNonFiniteToken(ReadOnlySpan<char> text) => text is "NaN" or "Infinity" or "-Infinity" or "∞" or "-∞";

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
