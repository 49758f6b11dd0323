using System;
using System.Text;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// A small known process for the "ideal" cases: independent samples of it are what a perfect generator would give, so
/// metrics are checked against a second sample, never against 1.0. Columns: a normal <c>x</c>, <c>y</c> = 0.7·x + noise,
/// an integer <c>n</c> in 0…20, a category <c>c</c> (a 45/30/15/9.5/0.5 % mix: "e" is the rare one), a boolean
/// <c>b</c>, and an e-mail (personal data).
/// </summary>
internal static class KnownProcess
{
    public static TableSpec Spec { get; } = SdvMetadata.Read(Encoding.UTF8.GetBytes("""
        {
          "METADATA_SPEC_VERSION": "SINGLE_TABLE_V1",
          "columns": {
            "x": { "sdtype": "numerical", "computer_representation": "Float" },
            "y": { "sdtype": "numerical", "computer_representation": "Float" },
            "n": { "sdtype": "numerical", "computer_representation": "Int32" },
            "c": { "sdtype": "categorical" },
            "b": { "sdtype": "boolean" },
            "email": { "sdtype": "email", "pii": true }
          }
        }
        """), "known");

    private static readonly string[] Labels = ["a", "b", "c", "d", "e"];
    private static readonly double[] Cumulative = [0.45, 0.75, 0.90, 0.995, 1.0];

    /// <summary>Rows of the process from <paramref name="seed"/>; <paramref name="rareShare"/> scales category "e"; <paramref name="minorityShare"/> is P(b = true).</summary>
    public static ColumnBatch Sample(int rows, int seed, double rareShare = 1, double minorityShare = 0.3)
    {
        var random = new Random(seed);
        var batch = new ColumnBatch(Spec, rows) { RowCount = rows };
        var x = batch.Get<double>("x");
        var y = batch.Get<double>("y");
        var n = batch.Get<int>("n");
        var c = (CategoricalColumn)batch["c"];
        var b = batch.Get<bool>("b");
        var email = (StringColumn)batch["email"];
        for (int r = 0; r < rows; r++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            double z1 = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            double z2 = Math.Sqrt(-2 * Math.Log(u1)) * Math.Sin(2 * Math.PI * u2);
            x[r] = z1;
            y[r] = (0.7 * z1) + (Math.Sqrt(1 - 0.49) * z2);
            n[r] = random.Next(0, 21);
            double u = random.NextDouble();
            int label = Array.FindIndex(Cumulative, p => u < p);
            if (label == 4 && random.NextDouble() >= rareShare)
            {
                label = 0;
            }

            c.Set(r, Labels[label]);
            b[r] = random.NextDouble() < minorityShare;
            email.Set(r, $"person{seed}_{r}@example.com");
        }

        return batch;
    }

    /// <summary>A copy of the rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> of a batch.</summary>
    public static ColumnBatch Slice(ColumnBatch source, int start, int count)
    {
        var batch = new ColumnBatch(source.Spec, count) { RowCount = count };
        for (int r = 0; r < count; r++)
        {
            batch.Get<double>("x")[r] = source.Get<double>("x")[start + r];
            batch.Get<double>("y")[r] = source.Get<double>("y")[start + r];
            batch.Get<int>("n")[r] = source.Get<int>("n")[start + r];
            ((CategoricalColumn)batch["c"]).Set(r, ((CategoricalColumn)source["c"])[start + r]);
            batch.Get<bool>("b")[r] = source.Get<bool>("b")[start + r];
            ((StringColumn)batch["email"]).Set(r, ((StringColumn)source["email"])[start + r]);
        }

        return batch;
    }
}
