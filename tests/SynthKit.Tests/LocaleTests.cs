using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SynthKit.Fixtures;
using SynthKit.Generation;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Locales: Bogus's data per synthesizer and per schema, coherent addresses, determinism, spec parity, manifests.</summary>
public class LocaleTests
{
    /// <summary>The locales the issue names; every other Bogus locale is smoke-tested.</summary>
    public static readonly TheoryData<string> Listed = new() { "en", "en_US", "en_GB", "de", "fr", "es", "nl", "it", "pt_BR", "ja", "zh_CN" };

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in SynthLocale.Names)
        {
            data.Add(name);
        }

        return data;
    }

    private static byte[] Csv(ISynthesizer synthesizer, int rows)
    {
        using var stream = new MemoryStream();
        synthesizer.WriteCsv(stream, 0, rows);
        return stream.ToArray();
    }

    [Fact]
    public void The_compile_time_list_of_locales_is_Bogus_list()
    {
        // The generator and analyzers cannot load Bogus: they carry the names, and this keeps them in step.
        Assert.Equal(SynthKit.CodeAnalysis.Locales.Names.OrderBy(n => n, StringComparer.Ordinal), SynthLocale.Names);
        Assert.Equal(50, SynthLocale.Names.Count);
    }

    [Fact]
    public void A_schema_attribute_sets_the_locale_and_every_part_of_a_row_comes_from_it()
    {
        var de = LocaleData.For("de");
        var synthesizer = new KundeSynthesizer(7);
        Assert.Equal("de", synthesizer.Locale.Name);
        Assert.Equal("de", KundeSynthesizer.Spec.Locale);
        var female = de.FemaleFirstNames.ToHashSet();
        var male = de.MaleFirstNames.ToHashSet();
        var last = de.LastNames.ToHashSet();
        var states = de.States.ToHashSet();
        var freeMail = de.FreeEmailDomains.ToHashSet();
        int rows = 0;
        foreach (var k in synthesizer.Generate(20_000))
        {
            rows++;
            Assert.Contains(k.Vorname, k.Sex == "F" ? female : male);
            Assert.Contains(k.Nachname, last);
            Assert.Equal(k.Vorname + " " + k.Nachname, k.Name);
            Assert.Contains(k.Email.Split('@')[1], freeMail);
            Assert.Contains(k.Land, states);
            Assert.Matches("^[0-9]{5}$", k.Plz);
            Assert.Matches(@"^(\(0[0-9]{3,4}\) [0-9]{7,9}|\+49-[0-9]{3,4}-[0-9]{7,8})$", k.Telefon);
            // German street addresses put the number after the street (Bahnhofstr. 12).
            Assert.Matches(@"^\D.* [0-9]{1,3}[a-c]?$", k.Strasse);
            Assert.Equal("Deutschland", k.Staat);
            Assert.Equal("DE", k.Code);
        }

        Assert.Equal(20_000, rows);
    }

    [Theory]
    [MemberData(nameof(Listed))]
    public void In_each_listed_locale_names_and_the_address_come_from_its_data(string locale)
    {
        var data = LocaleData.For(locale);
        var synthesizer = new ResidentSynthesizer(11).InLocale(locale);
        Assert.Equal(locale, synthesizer.Locale.Name);
        var firsts = data.FirstNames.Concat(data.FemaleFirstNames).Concat(data.MaleFirstNames).ToHashSet();
        var female = data.FemaleFirstNames.ToHashSet();
        var lasts = data.LastNames.ToHashSet();
        var states = data.States.ToHashSet();
        var domains = data.FreeEmailDomains.ToHashSet();
        foreach (var r in synthesizer.Generate(2_000))
        {
            Assert.Contains(r.FirstName, firsts);
            if (r.Sex == "F")
            {
                Assert.Contains(r.FirstName, female);
            }

            Assert.Contains(r.LastName, lasts);
            string expected = data.FamilyNameFirst ? r.LastName + data.NameSeparator + r.FirstName : r.FirstName + data.NameSeparator + r.LastName;
            Assert.Equal(expected, r.FullName);
            Assert.Contains(r.State, states);
            Assert.Equal(data.HomeCountry, r.Country);
            Assert.Contains(r.Email.Split('@')[1], domains);
            Assert.DoesNotContain("#{", r.City + r.Street, StringComparison.Ordinal);
            Assert.DoesNotContain('#', r.Street + r.PostalCode + r.Phone);
            Assert.False(string.IsNullOrWhiteSpace(r.City + r.Street + r.Employer));
        }
    }

    [Fact]
    public void Locales_write_their_own_conventions()
    {
        Assert.Equal("日本", LocaleData.For("ja").HomeCountry);
        Assert.True(LocaleData.For("ja").FamilyNameFirst);
        Assert.Equal(string.Empty, LocaleData.For("zh_CN").NameSeparator);
        Assert.Equal("中国", LocaleData.For("zh_CN").HomeCountry);
        Assert.Equal("Brasil", SynthLocale.Get("pt-br").Country);
        Assert.Equal("BR", SynthLocale.Get("pt_BR").CountryCode);
        Assert.Equal("GB", SynthLocale.Get("en_GB").CountryCode);
        Assert.Equal("US", SynthLocale.English.CountryCode);
        // fr keeps first names by sex only; they make its first names rather than English ones.
        Assert.Contains("Abélard", LocaleData.For("fr").FirstNames);
        Assert.DoesNotContain("Aaliyah", LocaleData.For("fr").FirstNames);
        // en_GB has counties, not states; its postcodes have letters.
        Assert.Contains("Bedfordshire", LocaleData.For("en_GB").States);
        var gb = new ResidentSynthesizer(3).InLocale("en_GB").Generate(500).ToList();
        Assert.All(gb, r => Assert.Matches("^[A-Z]{2}[0-9]{1,2} [0-9][A-Z]{2}$", r.PostalCode));
        Assert.All(gb, r => Assert.Equal("England", r.Country));
        // Japanese and Chinese names have no romanization in Bogus's data: their e-mail local parts fall back to "x".
        Assert.All(new ResidentSynthesizer(3).InLocale("ja").Generate(50), r => Assert.Matches(@"^[A-Za-z0-9._]+@", r.Email));
    }

    [Fact]
    public void Free_mail_domains_follow_the_locale_in_equal_shares()
    {
        // Bogus lists fr's free-mail providers with equal weight; the shares of 30,000 addresses match them (χ², 2 df,
        // reject at 0.001 — critical value 13.82).
        var counts = new ResidentSynthesizer(5).InLocale("fr").Generate(30_000).GroupBy(r => r.Email.Split('@')[1]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new[] { "gmail.com", "hotmail.fr", "yahoo.fr" }, counts.Keys.OrderBy(k => k, StringComparer.Ordinal));
        double chi = counts.Values.Sum(c => Math.Pow(c - 10_000.0, 2) / 10_000.0);
        Assert.True(chi < 13.82, $"χ² = {chi}");
    }

    [Fact]
    public void A_country_beside_an_address_is_the_locale_own_but_a_lone_country_is_any()
    {
        Assert.All(new ResidentSynthesizer(1).Generate(200), r => Assert.Equal("United States of America", r.Country));
        Assert.Contains("fake HomeCountry", ResidentSynthesizer.Schema.Columns.Single(c => c.Name == "Country").Rule);
        var lone = new TravellerSynthesizer(1).Generate(2_000).Select(t => t.CountryOfBirth).Distinct().Count();
        Assert.True(lone > 150, $"{lone} countries");
    }

    [Theory]
    [MemberData(nameof(Listed))]
    public void Each_locale_is_deterministic_and_the_spec_synthesizer_makes_the_same_bytes(string locale)
    {
        var generated = new ResidentSynthesizer(2026).InLocale(locale);
        byte[] first = Csv(generated, 1_000);
        Assert.Equal(first, Csv(new ResidentSynthesizer(2026).InLocale(locale), 1_000));
        var spec = ((ISynthesizer)generated).Spec;
        Assert.Equal(locale == "en" ? null : locale, spec.Locale);
        // The spec carries the locale through JSON: the spec-driven synthesizer reproduces the generated bytes.
        var fromJson = TableSpec.FromJson(spec.ToJson());
        Assert.Equal(first, Csv(new SpecSynthesizer(fromJson, 2026), 1_000));
        if (locale != "en")
        {
            Assert.NotEqual(first, Csv(new ResidentSynthesizer(2026), 1_000));
        }
    }

    [Fact]
    public void The_bytes_of_each_listed_locale_are_pinned()
    {
        // Cross-machine determinism per locale: SHA-256 of 1,000 rows at seed 2026. These change only when generation or
        // Bogus's data changes, which must be deliberate.
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var locale in Listed)
        {
            hashes[locale] = Convert.ToHexString(SHA256.HashData(Csv(new ResidentSynthesizer(2026).InLocale(locale), 1_000)));
        }

        Snapshooter.Xunit.Snapshot.Match(hashes);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Every_Bogus_locale_makes_complete_rows(string locale)
    {
        var rows = new ResidentSynthesizer(9).InLocale(locale).Generate(300).ToList();
        Assert.All(rows, r =>
        {
            var values = new List<string> { r.FirstName, r.LastName, r.FullName, r.Email, r.Phone, r.Street, r.City, r.PostalCode, r.Country, r.Employer };
            if (LocaleData.For(locale).States.Length > 0)
            {
                values.Add(r.State);
            }
            else
            {
                Assert.Equal(string.Empty, r.State);
            }

            foreach (var value in values)
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{locale}: an empty value in {r.FullName}");
                Assert.DoesNotContain("#{", value, StringComparison.Ordinal);
                Assert.Equal(value.Trim(), value);
                Assert.DoesNotContain("  ", value, StringComparison.Ordinal);
            }

            // A locale of another script never borrows English street words ("伊藤Ferry").
            if (locale is "ja" or "ko" or "zh_CN" or "zh_TW")
            {
                Assert.DoesNotMatch("[A-Za-z]", r.Street + r.City);
            }
        });
    }

    [Fact]
    public void Unknown_locales_are_coded_errors_and_names_are_forgiving()
    {
        Assert.Equal(ErrorCodes.InvalidSpec, Assert.Throws<SynthKitException>(() => SynthLocale.Get("german")).Code);
        Assert.Equal(ErrorCodes.InvalidSpec, Assert.Throws<SynthKitException>(() => new ResidentSynthesizer().InLocale("xx")).Code);
        Assert.False(SynthLocale.TryGet(null, out _));
        Assert.False(SynthLocale.TryGet("", out _));
        Assert.Same(SynthLocale.Get("DE"), SynthLocale.Get("de"));
        Assert.Equal("pt_BR", SynthLocale.Get("pt-BR").ToString());
        var e = Assert.Throws<SynthKitException>(() => TableSpec.FromJson("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"string","kind":"text","rule":{"kind":"fake","fake":"City"}}],"locale":"klingon"}"""));
        Assert.Equal(ErrorCodes.InvalidSpec, e.Code);
        Assert.Contains("locale", e.Message, StringComparison.Ordinal);
        var spec = ResidentSynthesizer.Spec;
        Assert.Same(spec, spec.WithLocale("en"));
        Assert.Same(spec, spec.WithLocale(null));
        Assert.Equal("pt_BR", spec.WithLocale("pt-br").Locale);
        Assert.Null(spec.WithLocale("de").WithLocale("EN").Locale);
        Assert.Throws<ArgumentNullException>(() => new SynthRandom().Locale = null!);
        Assert.Throws<ArgumentNullException>(() => new ResidentSynthesizer().InLocale((SynthLocale)null!));
    }

    [Fact]
    public void The_manifest_records_the_locale_and_a_changed_locale_makes_a_fixture_stale()
    {
        string dir = Path.Combine(Path.GetTempPath(), "synthkit-locale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "kunden.csv");
            var spec = new FixtureSpec(file, 50, 1, FixtureFormat.Csv);
            FixtureFiles.Update(new KundeSynthesizer(), spec);
            using (var manifest = JsonDocument.Parse(File.ReadAllBytes(FixtureManifest.PathFor(file))))
            {
                Assert.Equal("de", manifest.RootElement.GetProperty("generation").GetProperty("locale").GetString());
            }

            Assert.Equal("de", FixtureManifest.Parse(File.ReadAllBytes(FixtureManifest.PathFor(file))).Locale);
            Assert.Equal(FixtureStatus.Verified, FixtureFiles.Verify(file, new KundeSynthesizer(), spec).Status);
            var stale = Assert.Throws<SynthKitException>(() => FixtureFiles.Verify(file, new KundeSynthesizer().InLocale("fr"), spec));
            Assert.Contains("the locale changed (de → fr)", stale.Message, StringComparison.Ordinal);

            // A manifest written before locales existed reads as en.
            string old = System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(File.ReadAllBytes(FixtureManifest.PathFor(file))), @",\s*""locale"": ""de""", string.Empty);
            Assert.DoesNotContain("\"locale\"", old, StringComparison.Ordinal);
            Assert.Equal("en", FixtureManifest.Parse(Encoding.UTF8.GetBytes(old)).Locale);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
