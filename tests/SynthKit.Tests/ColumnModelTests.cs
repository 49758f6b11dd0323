using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MathNet.Numerics.Distributions;
using SynthKit.Tests.Schemas;
using SynthKit.Tests.Support;

namespace SynthKit.Tests;

/// <summary>The model seam: a column model draws [Learned] members of one row jointly, deterministically per (seed, row).</summary>
public class ColumnModelTests
{
    /// <summary>A test model: (X, Y) bivariate standard normal with correlation ρ.</summary>
    private sealed class BivariateNormal(double rho, params string[] columns) : IColumnModel
    {
        public string Key => "bivariate-normal";

        public IReadOnlyList<string> Columns { get; } = columns.Length == 0 ? new[] { "X", "Y" } : columns;

        public void Draw(ColumnModelContext context, ColumnBatch batch, int row)
        {
            double z1 = Normal.Sample(context.Random, 0, 1);
            double z2 = Normal.Sample(context.Random, 0, 1);
            batch.Get<double>(Columns[0]).Set(row, z1);
            batch.Get<double>(Columns[1]).Set(row, (rho * z1) + (Math.Sqrt(1 - (rho * rho)) * z2));
        }
    }

    private static byte[] Csv(ISynthesizer synthesizer, long start, int count)
    {
        using var stream = new MemoryStream();
        synthesizer.WriteCsv(stream, start, count);
        return stream.ToArray();
    }

    private static double Correlation(ColumnBatch batch)
    {
        var x = batch.Get<double>("X").Values.ToArray();
        var y = batch.Get<double>("Y").Values.ToArray();
        return MathNet.Numerics.Statistics.Correlation.Pearson(x, y);
    }

    [Fact]
    public void The_spec_records_which_members_are_learned()
    {
        Assert.Equal(new[] { "X", "Y" }, PairedSynthesizer.Spec.Columns.Where(c => c.Learned).Select(c => c.Name));
        Assert.Equal(PairedSynthesizer.Spec.Columns.Count, TableSpec.FromJson(PairedSynthesizer.Spec.ToJson()).Columns.Count(c => c.Learned) + 3);
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    public void Two_learned_members_drawn_jointly_have_the_models_correlation(double rho)
    {
        const int n = 20_000;
        var batch = new PairedSynthesizer(11).WithColumnModel(new BivariateNormal(rho)).ToBatch(0, n);

        double r = Correlation(batch);

        // Fisher's z: atanh(r) ~ N(atanh(ρ), 1/(n-3)); 3.29 standard errors is a two-sided test at α = 0.001.
        double halfWidth = 3.29 / Math.Sqrt(n - 3);
        Assert.InRange(Math.Atanh(r), Math.Atanh(rho) - halfWidth, Math.Atanh(rho) + halfWidth);
        // The marginals stay standard normal (KS at α = 0.001).
        var (_, p) = Stats.KolmogorovSmirnov(batch.Get<double>("Y").Values.ToArray(), y => Normal.CDF(0, 1, y));
        Assert.True(p > 0.001, $"Y is not standard normal: KS p = {p}");
    }

    [Fact]
    public void A_model_with_the_wrong_correlation_is_caught_by_the_same_test()
    {
        var batch = new PairedSynthesizer(11).WithColumnModel(new BivariateNormal(0.7)).ToBatch(0, 20_000);
        double halfWidth = 3.29 / Math.Sqrt(20_000 - 3);
        Assert.False(Math.Abs(Math.Atanh(Correlation(batch)) - Math.Atanh(0.8)) <= halfWidth);
    }

    [Fact]
    public void Model_draws_are_deterministic_and_slices_concatenate_to_the_single_run()
    {
        var model = new BivariateNormal(0.8);
        var synthesizer = new PairedSynthesizer(5).WithColumnModel(model);
        byte[] whole = Csv(synthesizer, 0, 9_000);

        Assert.Equal(whole, Csv(new PairedSynthesizer(5).WithColumnModel(new BivariateNormal(0.8)), 0, 9_000));
        string a = Encoding.UTF8.GetString(Csv(synthesizer, 0, 4_097));
        string b = Encoding.UTF8.GetString(Csv(synthesizer, 4_097, 4_903));
        Assert.Equal(Encoding.UTF8.GetString(whole), a + b[(b.IndexOf('\n') + 1)..]);
        Assert.NotEqual(whole, Csv(new PairedSynthesizer(6).WithColumnModel(model), 0, 9_000));
    }

    [Fact]
    public void Columns_the_model_does_not_draw_keep_their_generated_values_byte_for_byte()
    {
        var generated = new PairedSynthesizer(8).ToBatch(0, 2_000);
        var modelled = new PairedSynthesizer(8).WithColumnModel(new BivariateNormal(0.8)).ToBatch(0, 2_000);

        foreach (string name in new[] { "Name", "Visits", "Contact" })
        {
            Assert.Equal(Enumerable.Range(0, 2_000).Select(i => generated[name].GetValue(i)), Enumerable.Range(0, 2_000).Select(i => modelled[name].GetValue(i)));
        }

        Assert.NotEqual(Enumerable.Range(0, 2_000).Select(i => generated["X"].GetValue(i)), Enumerable.Range(0, 2_000).Select(i => modelled["X"].GetValue(i)));
    }

    [Fact]
    public void Personal_data_can_never_be_routed_to_a_model()
    {
        var ex = Assert.Throws<SynthKitException>(() => new PairedSynthesizer(1).WithColumnModel(new BivariateNormal(0.8, "Name", "X")));
        Assert.Equal(ErrorCodes.PersonalDataModelled, ex.Code);
        Assert.Contains("'Name', which is personal data (FirstName)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_must_name_columns_the_table_has_and_not_share_them()
    {
        Assert.Equal(ErrorCodes.InvalidSpec, Assert.Throws<SynthKitException>(() => new PairedSynthesizer(1).WithColumnModel(new BivariateNormal(0.8, "X", "Nope"))).Code);
        var once = new PairedSynthesizer(1).WithColumnModel(new BivariateNormal(0.8));
        Assert.Equal(ErrorCodes.InvalidSpec, Assert.Throws<SynthKitException>(() => once.WithColumnModel(new BivariateNormal(0.5))).Code);
    }
}
