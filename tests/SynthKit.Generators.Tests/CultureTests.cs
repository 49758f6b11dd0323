using System.Globalization;
using System.Threading;

namespace SynthKit.Generators.Tests;

/// <summary>
/// The compiler runs under the developer's culture. Rule text and the fingerprint must not depend on it, or a fixture
/// made on one machine reads as stale (SK5002) on another: th-TH uses the Buddhist calendar, ar-SA the Umm al-Qura one.
/// </summary>
public class CultureTests
{
    private const string Schema = """
        using System;
        using SynthKit;
        namespace Dates;
        [SyntheticSchema]
        public sealed class Visit
        {
            [DateRange("2020-01-01", "2024-12-31")] public DateOnly Day { get; set; }
            [DateRange("2024-01-01T08:30:00", "2024-01-02T17:45:10")] public DateTime At { get; set; }
            public DateTime DefaultAt { get; set; }
            public DateOnly DefaultDay { get; set; }
            [Normal(-1.5, 0.25), Round(3), Clamp(-2.5, 9.75)] public double Score { get; set; }
            [NullRate(0.125)] public int? Count { get; set; }
        }
        """;

    private static string GenerateUnder(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return GeneratorHarness.Run(Schema).Single("Dates.VisitSynthesizer.g.cs");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("de-DE")]
    public void Source_and_fingerprint_are_the_same_under_any_culture(string culture)
    {
        string invariant = GenerateUnder("");
        string local = GenerateUnder(culture);

        Assert.Contains("dates [2020-01-01, 2024-12-31]", invariant, System.StringComparison.Ordinal);
        Assert.Contains("timestamps [2024-01-01T08:30:00, 2024-01-02T17:45:10)", invariant, System.StringComparison.Ordinal);
        Assert.Equal(invariant, local);
    }
}
