using System;
using System.Globalization;
using System.IO;
using System.Text;
using AutoFixture;
using Bogus;
using Bogus.Bson;

namespace SynthKit.Benchmarks;

/// <summary>Bogus <c>Faker&lt;T&gt;</c> with the schema's rules, written the way its documentation shows.</summary>
internal static class BogusPatients
{
    public static Faker<Patient> Create(int seed)
    {
        var sexes = new[] { "F", "M", "X" };
        var sexWeights = new[] { 0.49f, 0.49f, 0.02f };
        var diagnosisWeights = Array.ConvertAll(Patient.DiagnosisWeights, w => (float)w);
        return new Faker<Patient>("en")
            .UseSeed(seed)
            .RuleFor(p => p.Id, f => f.Random.Guid())
            .RuleFor(p => p.FirstName, f => f.Name.FirstName())
            .RuleFor(p => p.LastName, f => f.Name.LastName())
            .RuleFor(p => p.Email, (f, p) => f.Internet.Email(p.FirstName, p.LastName))
            .RuleFor(p => p.BirthDate, f => f.Date.BetweenDateOnly(new DateOnly(1930, 1, 1), new DateOnly(2010, 12, 31)))
            .RuleFor(p => p.Age, f => Math.Clamp((int)Math.Round(45 + (18 * Gaussian(f.Random))), 0, 100))
            .RuleFor(p => p.Sex, f => f.Random.WeightedRandom(sexes, sexWeights))
            .RuleFor(p => p.Zip, f => f.Random.Replace("#####"))
            .RuleFor(p => p.Diagnosis, f => f.Random.WeightedRandom(Patient.Diagnoses, diagnosisWeights))
            .RuleFor(p => p.Income, f => Math.Exp(10.5 + (0.6 * Gaussian(f.Random))))
            .RuleFor(p => p.Smoker, f => f.Random.Bool(0.2f))
            .RuleFor(p => p.AdmittedAt, f => f.Date.Between(new DateTime(2023, 1, 1), new DateTime(2025, 1, 1)));
    }

    // Bogus has no normal distribution; a Box–Muller draw from its Randomizer is the usual recipe.
    private static double Gaussian(Randomizer random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.Double())) * Math.Cos(2.0 * Math.PI * random.Double());
}

/// <summary>AutoFixture: what a test author gets without writing rules (it ignores the schema's rules entirely).</summary>
internal static class AutoFixturePatients
{
    public static Fixture Create()
    {
        var fixture = new Fixture();
        fixture.Register(() => DateOnly.FromDateTime(fixture.Create<DateTime>()));
        return fixture;
    }
}

/// <summary>
/// The hand-written loop a careful developer would write: name arrays cached once from Bogus's data, one fast seeded
/// PRNG (xoshiro256**), Box–Muller for the normal, the same rules. The yardstick SynthKit must stay within 1.5× of.
/// </summary>
internal sealed class HandWrittenPatients
{
    private static readonly string[] s_first = Load("name", "first_name");
    private static readonly string[] s_last = Load("name", "last_name");
    private static readonly string[] s_domains = Load("internet", "free_email");
    private static readonly string[] s_sexes = ["F", "M", "X"];
    private static readonly double[] s_sexCdf = [0.49, 0.98, 1.0];
    private static readonly double[] s_diagnosisCdf = Cumulative(Patient.DiagnosisWeights);
    private static readonly int s_birthMin = new DateOnly(1930, 1, 1).DayNumber;
    private static readonly int s_birthMax = new DateOnly(2010, 12, 31).DayNumber;
    private static readonly long s_admitMin = new DateTime(2023, 1, 1).Ticks / TimeSpan.TicksPerSecond;
    private static readonly long s_admitSpan = (new DateTime(2025, 1, 1).Ticks / TimeSpan.TicksPerSecond) - s_admitMin;

    private ulong _s0, _s1, _s2, _s3;

    public HandWrittenPatients(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public Patient Next()
    {
        string first = s_first[Below(s_first.Length)];
        string last = s_last[Below(s_last.Length)];
        int zip = Below(100_000);
        return new Patient
        {
            Id = new Guid((int)NextUInt64(), (short)NextUInt64(), (short)((NextUInt64() & 0x0FFF) | 0x4000), 0x80, 0, 0, 0, 0, 0, 0, (byte)NextUInt64()),
            FirstName = first,
            LastName = last,
            Email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}{Below(100)}@{s_domains[Below(s_domains.Length)]}"),
            BirthDate = DateOnly.FromDayNumber(s_birthMin + Below(s_birthMax - s_birthMin + 1)),
            Age = Math.Clamp((int)Math.Round(45 + (18 * Gaussian())), 0, 100),
            Sex = s_sexes[Pick(s_sexCdf)],
            Zip = zip.ToString("D5", CultureInfo.InvariantCulture),
            Diagnosis = Patient.Diagnoses[Pick(s_diagnosisCdf)],
            Income = Math.Exp(10.5 + (0.6 * Gaussian())),
            Smoker = NextDouble() < 0.2,
            AdmittedAt = new DateTime((s_admitMin + (long)(NextDouble() * s_admitSpan)) * TimeSpan.TicksPerSecond),
        };
    }

    /// <summary>Hand-written rows as CSV.</summary>
    public static void WriteCsv(Stream destination, int count, ulong seed) => WriteCsv(destination, Rows(count, seed));

    private static System.Collections.Generic.IEnumerable<Patient> Rows(int count, ulong seed)
    {
        var rows = new HandWrittenPatients(seed);
        for (int i = 0; i < count; i++)
        {
            yield return rows.Next();
        }
    }

    /// <summary>
    /// Rows as CSV through a StreamWriter with invariant formatting: what a developer writes by hand (and what the
    /// Bogus and AutoFixture contenders use too, so only generation differs between them).
    /// </summary>
    public static void WriteCsv(Stream destination, System.Collections.Generic.IEnumerable<Patient> rows)
    {
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("Id,FirstName,LastName,Email,BirthDate,Age,Sex,Zip,Diagnosis,Income,Smoker,AdmittedAt");
        Span<char> buffer = stackalloc char[64];
        foreach (var p in rows)
        {
            p.Id.TryFormat(buffer, out int n);
            writer.Write(buffer[..n]);
            writer.Write(',');
            writer.Write(p.FirstName);
            writer.Write(',');
            writer.Write(p.LastName);
            writer.Write(',');
            writer.Write(p.Email);
            writer.Write(',');
            p.BirthDate.TryFormat(buffer, out n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            writer.Write(',');
            p.Age.TryFormat(buffer, out n, default, CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            writer.Write(',');
            writer.Write(p.Sex);
            writer.Write(',');
            writer.Write(p.Zip);
            writer.Write(',');
            writer.Write(p.Diagnosis);
            writer.Write(',');
            p.Income.TryFormat(buffer, out n, default, CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            writer.Write(',');
            writer.Write(p.Smoker ? "true" : "false");
            writer.Write(',');
            p.AdmittedAt.TryFormat(buffer, out n, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
            writer.Write('\n');
        }
    }

    private double Gaussian() => Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble())) * Math.Cos(2.0 * Math.PI * NextDouble());

    private int Pick(double[] cdf)
    {
        double u = NextDouble();
        int i = 0;
        while (i < cdf.Length - 1 && u >= cdf[i])
        {
            i++;
        }

        return i;
    }

    private int Below(int n) => (int)((NextUInt64() >> 32) * (ulong)n >> 32);

    private double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static double[] Cumulative(double[] weights)
    {
        var cdf = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cdf[i] = sum;
        }

        for (int i = 0; i < cdf.Length; i++)
        {
            cdf[i] /= sum;
        }

        return cdf;
    }

    private static string[] Load(string category, string key)
    {
        var array = (BArray)((BObject)Database.GetLocale("en")[category])[key];
        var result = new string[array.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = array[i].StringValue;
        }

        return result;
    }
}
