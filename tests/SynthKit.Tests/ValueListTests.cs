using System;
using System.IO;
using System.Linq;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Lists and arrays of strings, numbers, enums and dates: element rules, counts, JSON Lines, determinism.</summary>
public class ValueListTests
{
    [Fact]
    public void Each_element_follows_the_member_rule_and_each_list_its_count()
    {
        var tags = new[] { "news", "sport", "tech", "culture" };
        int scoresNull = 0, rows = 0;
        var tagCounts = tags.ToDictionary(t => t, _ => 0);
        foreach (var a in new ArticleSynthesizer(3).Generate(20_000))
        {
            rows++;
            Assert.InRange(a.Tags.Count, 1, 3);
            Assert.All(a.Tags, t => tagCounts[t]++);
            Assert.Equal(5, a.Ratings.Length);
            Assert.All(a.Ratings, r => Assert.InRange(r, 1, 5));
            Assert.InRange(a.Genres.Count, 0, 4);
            Assert.All(a.Genres, g => Assert.True(Enum.IsDefined(g)));
            Assert.Equal(2, a.Revisions.Length);
            Assert.All(a.Revisions, d => Assert.InRange(d, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
            Assert.InRange(a.Emails.Count, 1, 2);
            Assert.All(a.Emails, e => Assert.Matches(@"^[A-Za-z0-9._]+@[a-z.]+$", e));
            Assert.InRange(a.Keywords.Length, 2, 3);
            Assert.All(a.Keywords, k => Assert.InRange(k.Length, 4, 12));
            if (a.Scores is null)
            {
                scoresNull++;
            }
            else
            {
                Assert.All(a.Scores, s => Assert.Equal(Math.Round(s, 1), s));
            }

            Assert.InRange(a.Flags.Count, 1, 3);
        }

        // Tags are uniform over the four categories: χ² with 3 degrees of freedom below 16.27 (p = 0.001).
        double expected = tagCounts.Values.Sum() / 4.0;
        double chi = tagCounts.Values.Sum(c => Math.Pow(c - expected, 2) / expected);
        Assert.True(chi < 16.27, $"χ² = {chi}");
        // The list itself is null at its rate: 20,000 Bernoulli(0.5) within 4.5 σ (σ ≈ 71) of 10,000.
        Assert.InRange(scoresNull, 10_000 - 320, 10_000 + 320);
        Assert.Equal(20_000, rows);
    }

    [Fact]
    public void Elements_are_deterministic_per_row_and_slices_agree()
    {
        var whole = new ArticleSynthesizer(8).Generate(300).ToList();
        var slice = new ArticleSynthesizer(8).Generate(200, 100).ToList();
        Assert.Equal(whole.Skip(200).Select(a => string.Join(",", a.Tags) + string.Join(",", a.Ratings) + string.Join(",", a.Emails)),
            slice.Select(a => string.Join(",", a.Tags) + string.Join(",", a.Ratings) + string.Join(",", a.Emails)));
        Assert.NotEqual(whole[0].Ratings, whole[1].Ratings);
        Assert.Equal(whole[5].Tags, new ArticleSynthesizer(8).Create(5).Tags);
    }

    [Fact]
    public void Json_lines_carry_the_lists_and_read_back_and_csv_refuses_them()
    {
        using var stream = new MemoryStream();
        var synthesizer = new ArticleSynthesizer(2);
        synthesizer.WriteJsonLines(stream, 200);
        string first = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n')[0];
        Assert.Contains("\"Ratings\":[", first, StringComparison.Ordinal);
        Assert.Matches("\"Revisions\":\\[\"2024-[0-9]{2}-[0-9]{2}\",\"2024-", first);
        var read = ArticleSynthesizer.ReadJsonLines(new MemoryStream(stream.ToArray())).ToList();
        var made = synthesizer.Generate(200).ToList();
        Assert.Equal(200, read.Count);
        for (int i = 0; i < made.Count; i++)
        {
            Assert.Equal(made[i].Tags, read[i].Tags);
            Assert.Equal(made[i].Ratings, read[i].Ratings);
            Assert.Equal(made[i].Genres, read[i].Genres);
            Assert.Equal(made[i].Revisions, read[i].Revisions);
            Assert.Equal(made[i].Emails, read[i].Emails);
            Assert.Equal(made[i].Scores, read[i].Scores);
            Assert.Equal(made[i].Flags, read[i].Flags);
            Assert.Equal(made[i].Links, read[i].Links);
        }

        var e = Assert.Throws<SynthKitException>(() => ((ISynthesizer)synthesizer).WriteCsv(Stream.Null, 0, 5));
        Assert.Equal(ErrorCodes.NestedListNotFlat, e.Code);
    }

    [Fact]
    public void The_schema_describes_each_list_and_its_element_rule()
    {
        var tags = ArticleSynthesizer.Schema.Collections.Single(c => c.Name == "Tags");
        Assert.Equal((typeof(string), 1, 3), (tags.ElementType, tags.MinCount, tags.MaxCount));
        var value = Assert.Single(tags.ElementColumns);
        Assert.Equal(("Value", ColumnKind.Categorical), (value.Name, value.Kind));
        var emails = ArticleSynthesizer.Schema.Collections.Single(c => c.Name == "Emails");
        Assert.Equal(PiiKind.Email, Assert.Single(emails.ElementColumns).Pii);
        Assert.Equal("fake Email", emails.ElementColumns[0].Rule);
        Assert.Equal(typeof(DateOnly), ArticleSynthesizer.Schema.Collections.Single(c => c.Name == "Revisions").ElementType);
    }

    [Fact]
    public void Uri_members_are_urls_in_every_format_and_the_spec_makes_the_same_bytes()
    {
        var synthesizer = new BookmarkSynthesizer(6);
        var rows = synthesizer.Generate(2_000).ToList();
        Assert.All(rows, b =>
        {
            Assert.True(b.Link.IsAbsoluteUri);
            Assert.Equal("https", b.Link.Scheme);
            Assert.Matches(@"^https://[a-z0-9]+\.[a-z]+$", b.Link.OriginalString);
        });
        Assert.InRange(rows.Count(b => b.Mirror is null), 1_000 - 150, 1_000 + 150); // Bernoulli(0.5): 4.7 σ
        Assert.Equal(ColumnKind.Text, BookmarkSynthesizer.Schema.Columns.Single(c => c.Name == "Link").Kind);
        Assert.Equal(typeof(Uri), BookmarkSynthesizer.Schema.Columns.Single(c => c.Name == "Link").ClrType);
        Assert.Equal((StorageType.String, "Url"), (BookmarkSynthesizer.Spec.FindColumn("Link")!.Type, BookmarkSynthesizer.Spec.FindColumn("Link")!.Rule.Fake));

        using var csv = new MemoryStream();
        synthesizer.WriteCsv(csv, 300);
        using var fromSpec = new MemoryStream();
        new SpecSynthesizer(BookmarkSynthesizer.Spec, 6).WriteCsv(fromSpec, 0, 300);
        Assert.Equal(csv.ToArray(), fromSpec.ToArray());
        var back = BookmarkSynthesizer.ReadCsv(new MemoryStream(csv.ToArray())).ToList();
        Assert.Equal(rows.Take(300).Select(b => (b.Link, b.Mirror)), back.Select(b => (b.Link, b.Mirror)));

        using var json = new MemoryStream();
        synthesizer.WriteJsonLines(json, 300);
        Assert.Equal(rows.Take(300).Select(b => (b.Link, b.Mirror)), BookmarkSynthesizer.ReadJsonLines(new MemoryStream(json.ToArray())).Select(b => (b.Link, b.Mirror)));
        var frame = synthesizer.ToDataFrame(300);
        Assert.Equal(rows.Take(300).Select(b => (b.Link, b.Mirror)), BookmarkSynthesizer.FromDataFrame(frame).Select(b => (b.Link, b.Mirror)));

        var article = new ArticleSynthesizer(1).Create(0);
        Assert.All(article.Sources, u => Assert.Equal("https", u.Scheme));
    }
}
