using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>
/// One meaning per rule: a synthesizer built from a generated schema's column spec alone (serialised to JSON and read
/// back, so nothing but the spec crosses) writes the same CSV and JSON Lines bytes as the generated synthesizer.
/// </summary>
public class SpecParityTests
{
    public static IEnumerable<object[]> Synthesizers()
    {
        foreach (long seed in new long[] { 0, 42, -7 })
        {
            yield return new object[] { new AllTypesSynthesizer(seed), seed };
            yield return new object[] { new DistributionsSynthesizer(seed), seed };
            yield return new object[] { new UniquesSynthesizer(seed), seed };
            yield return new object[] { new UniqueDaysSynthesizer(seed), seed };
            yield return new object[] { new PersonRecordSynthesizer(seed), seed };
            yield return new object[] { new MeasurementSynthesizer(seed), seed };
            yield return new object[] { new HouseholdSynthesizer(seed), seed };
            yield return new object[] { new PersonalDataSynthesizer(seed), seed };
            yield return new object[] { new NonPersonalFakesSynthesizer(seed), seed };
            yield return new object[] { new VersionASynthesizer(seed), seed };
            yield return new object[] { new VersionBSynthesizer(seed), seed };
            yield return new object[] { new BenchPatientSynthesizer(seed), seed };
            yield return new object[] { new PairedSynthesizer(seed), seed };
            yield return new object[] { new PriceTagSynthesizer(seed), seed };
            yield return new object[] { new ReadingSynthesizer(seed), seed };
            yield return new object[] { new CustomerSynthesizer(seed), seed };
            yield return new object[] { new ShopOrderSynthesizer(seed), seed };
            yield return new object[] { new EmployeeSynthesizer(seed), seed };
            yield return new object[] { new AssignmentSynthesizer(seed), seed };
            yield return new object[] { new ContactSynthesizer(seed), seed };
        }
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static SpecSynthesizer FromSpecOnly(ISynthesizer generated) =>
        new(TableSpec.FromJson(generated.Spec.ToJson()), generated.Seed);

    [Theory]
    [MemberData(nameof(Synthesizers))]
    public void Csv_from_the_spec_alone_equals_the_generated_csv(ISynthesizer generated, long seed)
    {
        var spec = FromSpecOnly(generated);
        Assert.Equal(seed, spec.Seed);
        int rows = Rows(generated, 1500);
        var expected = Bytes(s => generated.WriteCsv(s, 0, rows));
        var actual = Bytes(s => spec.WriteCsv(s, 0, rows));
        Assert.True(expected.Length > rows, "the generated CSV is not empty");
        AssertSameText(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Synthesizers))]
    public void Json_lines_from_the_spec_alone_equal_the_generated_json_lines(ISynthesizer generated, long seed)
    {
        var spec = FromSpecOnly(generated);
        int rows = Rows(generated, 700);
        long start = seed == 42 ? 5000 : 0;
        if (generated.Spec.Name is "UniqueDays" or "Uniques")
        {
            start = 0;
        }

        AssertSameText(Bytes(s => generated.WriteJsonLines(s, start, rows)), Bytes(s => spec.WriteJsonLines(s, start, rows)));
    }

    [Theory]
    [MemberData(nameof(Synthesizers))]
    public void Filled_batches_agree_cell_for_cell(ISynthesizer generated, long seed)
    {
        _ = seed;
        int rows = Rows(generated, 300);
        var a = generated.ToBatch(0, rows);
        var b = FromSpecOnly(generated).ToBatch(0, rows);
        Assert.Equal(rows, a.RowCount);
        for (int c = 0; c < a.Columns.Count; c++)
        {
            for (int row = 0; row < rows; row++)
            {
                Assert.Equal(a[c].GetValue(row), b[c].GetValue(row));
            }
        }
    }

    [Fact]
    public void Slices_of_a_spec_synthesizer_concatenate_to_the_single_run()
    {
        var spec = FromSpecOnly(new AllTypesSynthesizer(3));
        string whole = Encoding.UTF8.GetString(Bytes(s => spec.WriteJsonLines(s, 0, 10_000)));
        string sliced = Encoding.UTF8.GetString(Bytes(s => spec.WriteJsonLines(s, 0, 3_333)))
            + Encoding.UTF8.GetString(Bytes(s => spec.WriteJsonLines(s, 3_333, 6_667)));
        Assert.Equal(whole, sliced);
    }

    /// <summary>Small [Unique] domains hold 5 (UniqueDays) and 200 (Uniques.Small) values.</summary>
    private static int Rows(ISynthesizer generated, int rows) => generated.Spec.Name switch
    {
        "UniqueDays" => 5,
        "Uniques" => 200,
        _ => rows,
    };

    private static void AssertSameText(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        string[] e = Encoding.UTF8.GetString(expected).Split('\n');
        string[] a = Encoding.UTF8.GetString(actual).Split('\n');
        for (int i = 0; i < Math.Min(e.Length, a.Length); i++)
        {
            Assert.True(e[i] == a[i], $"line {i + 1} differs:\n generated: {e[i]}\n from spec: {a[i]}");
        }

        Assert.Equal(e.Length, a.Length);
    }
}
