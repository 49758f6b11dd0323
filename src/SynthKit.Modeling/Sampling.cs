using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SynthKit.Modeling;

/// <summary>How to sample a fitted model: fixed conditions, rebalancing of a column's classes, a long-tail boost.</summary>
public sealed class SamplingOptions
{
    /// <summary>
    /// Values every sampled row has: a category (or <c>True</c>/<c>False</c>) for a categorical or boolean column, a number
    /// for a numeric one. The other learned columns follow their conditional distribution given these — exactly, without
    /// rejection, for the copula (the conditional normal) and for the network (its conditions' ancestors enumerated).
    /// </summary>
    public IReadOnlyDictionary<string, string> Conditions { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A categorical column whose classes get the shares of <see cref="Shares"/> (equal shares when null): each row draws
    /// its class first, then the rest given it — the seeds' bias mitigation.
    /// </summary>
    public string? Rebalance { get; init; }

    /// <summary>The shares of <see cref="Rebalance"/>'s classes (normalized; classes left out get none).</summary>
    public IReadOnlyDictionary<string, double>? Shares { get; init; }

    /// <summary>
    /// Network only: rare bins — categories under 5 % of rows, and the lowest and highest bins of numbers — are drawn this
    /// many times more often than the model says (default 1, no boost), so the long tail shows up.
    /// </summary>
    public double Boost { get; init; } = 1;
}

/// <summary>
/// A fitted model sampled under <see cref="SamplingOptions"/>: a column model like the model itself, whose manifest entry
/// records the conditions, the rebalancing and the boost beside the model's SHA-256.
/// </summary>
public sealed class ConditionedModel : IDescribedColumnModel
{
    private readonly RowSampler[] _samplers;
    private readonly double[] _cumulative;

    internal ConditionedModel(SynthModel model, SamplingOptions options)
    {
        Model = model;
        Options = options;
        var fixedEvidence = options.Conditions.Select(c => Evidence.Of(model, c.Key, c.Value)).ToList();
        if (options.Boost is not (>= 1 and <= 1000) || double.IsNaN(options.Boost))
        {
            throw new SynthKitException(ModelingErrorCodes.CannotSample, $"the boost must be between 1 and 1000 (got {options.Boost.ToString(CultureInfo.InvariantCulture)})");
        }

        if (options.Boost != 1 && model is not BayesianNetwork)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotSample, "a long-tail boost needs a Bayesian network model (fit with --kind bayes-net)");
        }

        if (options.Rebalance is { } column)
        {
            if (options.Conditions.ContainsKey(column))
            {
                throw new SynthKitException(ModelingErrorCodes.CannotSample, $"'{column}' cannot be both rebalanced and fixed by a condition");
            }

            var marginal = model.Data.Marginals.FirstOrDefault(m => m.Column == column)
                ?? throw new SynthKitException(ModelingErrorCodes.CannotSample, $"'{column}' is not a column the model learned, so it cannot be rebalanced (learned: {string.Join(", ", model.Columns)})");
            if (marginal.Categories is not { } categories)
            {
                throw new SynthKitException(ModelingErrorCodes.CannotSample, $"'{column}' is numeric; only a categorical or boolean column can be rebalanced");
            }

            var shares = categories.Select(c => options.Shares is null ? 1.0 : options.Shares.GetValueOrDefault(c)).ToArray();
            foreach (var named in options.Shares?.Keys ?? [])
            {
                if (!categories.Contains(named, StringComparer.Ordinal))
                {
                    throw new SynthKitException(ModelingErrorCodes.CannotSample, $"'{named}' is not a class of '{column}' (classes: {string.Join(", ", categories)})");
                }
            }

            if (shares.Any(s => s < 0 || double.IsNaN(s)) || shares.Sum() <= 0)
            {
                throw new SynthKitException(ModelingErrorCodes.CannotSample, $"the shares of '{column}' must not be negative and must not all be zero");
            }

            var kept = Enumerable.Range(0, categories.Count).Where(i => shares[i] > 0).ToArray();
            Classes = kept.Select(i => categories[i]).ToArray();
            _samplers = kept.Select(i => model.ConstrainedSampler([.. fixedEvidence, Evidence.Of(model, column, categories[i])], options.Boost)).ToArray();
            double total = kept.Sum(i => shares[i]), at = 0;
            ClassShares = kept.Select(i => shares[i] / total).ToArray();
            _cumulative = ClassShares.Select(s => at += s).ToArray();
        }
        else
        {
            Classes = [];
            ClassShares = [];
            _samplers = [model.ConstrainedSampler(fixedEvidence, options.Boost)];
            _cumulative = [1];
        }
    }

    /// <summary>The model.</summary>
    public SynthModel Model { get; }

    /// <summary>How it is sampled.</summary>
    public SamplingOptions Options { get; }

    /// <summary>The rebalanced column's classes that are drawn, with <see cref="ClassShares"/>.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The share of rows of each of <see cref="Classes"/>.</summary>
    public IReadOnlyList<double> ClassShares { get; }

    /// <inheritdoc />
    public string Key => Model.Key;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns => Model.Columns;

    /// <inheritdoc />
    public void Draw(ColumnModelContext context, ColumnBatch batch, int row)
    {
        int k = 0;
        if (_samplers.Length > 1)
        {
            double u = context.Random.NextDouble();
            while (k < _cumulative.Length - 1 && u >= _cumulative[k])
            {
                k++;
            }
        }

        _samplers[k].Draw(context.Random, batch, row);
    }

    /// <inheritdoc />
    public ColumnModelInfo Describe()
    {
        var info = Model.Describe();
        var details = new List<KeyValuePair<string, string>>(info.Details);
        foreach (var (column, value) in Options.Conditions.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            details.Add(new("condition." + column, value));
        }

        if (Options.Rebalance is { } rebalanced)
        {
            details.Add(new("rebalance." + rebalanced, string.Join(", ", Classes.Select((c, i) => c + "=" + ClassShares[i].ToString("0.######", CultureInfo.InvariantCulture)))));
        }

        if (Options.Boost != 1)
        {
            details.Add(new("boost", Options.Boost.ToString("R", CultureInfo.InvariantCulture)));
        }

        return new ColumnModelInfo { Key = info.Key, Kind = info.Kind, Sha256 = info.Sha256, Columns = info.Columns, Details = details, Rows = info.Rows, Lineage = info.Lineage };
    }
}

/// <summary>Draws the model's columns of one row under fixed evidence.</summary>
internal abstract class RowSampler
{
    /// <summary>Attempts per row before a condition is declared unreachable (rejection is only used when enumeration is too large).</summary>
    public const int MaxAttempts = 100_000;

    public abstract void Draw(SynthRandom random, ColumnBatch batch, int row);
}

/// <summary>One condition: a learned column and its value, resolved against the column's marginal.</summary>
internal sealed class Evidence
{
    private Evidence(int index, Marginal marginal, string text, double? number, int category, double p)
    {
        Index = index;
        Marginal = marginal;
        Text = text;
        Number = number;
        Category = category;
        P = p;
    }

    /// <summary>The column's position among the model's marginals.</summary>
    public int Index { get; }

    public Marginal Marginal { get; }

    public string Text { get; }

    /// <summary>A numeric condition's value.</summary>
    public double? Number { get; }

    /// <summary>A categorical condition's category.</summary>
    public int Category { get; }

    /// <summary>A numeric condition's probability position among the non-null values (the middle of a point mass).</summary>
    public double P { get; }

    public static Evidence Of(SynthModel model, string column, string value)
    {
        int index = Array.IndexOf(model.Columns.ToArray(), column);
        if (index < 0)
        {
            string reason = model.Data.NotLearned.FirstOrDefault(n => n.Column == column) is { } n
                ? $"the model did not learn it ({n.Reason}), so nothing can be conditioned on it"
                : $"the model has no such column (learned: {string.Join(", ", model.Columns)})";
            throw new SynthKitException(ModelingErrorCodes.CannotSample, $"cannot condition on '{column}': {reason}");
        }

        var m = model.Data.Marginals[index];
        if (m.Categories is { } categories)
        {
            int category = categories.ToList().IndexOf(value);
            if (category < 0)
            {
                throw new SynthKitException(ModelingErrorCodes.CannotSample, $"'{value}' is not a category of '{column}' the model learned (categories: {string.Join(", ", categories.Take(20))}{(categories.Count > 20 ? ", …" : "")})");
            }

            return new Evidence(index, m, value, null, category, 0);
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            throw new SynthKitException(ModelingErrorCodes.CannotSample, $"'{value}' is not a number, and '{column}' is numeric");
        }

        var knots = m.Knots!;
        if (knots.Count == 0 || number < knots[0] || number > knots[^1])
        {
            throw new SynthKitException(ModelingErrorCodes.CannotSample, $"{value} is outside the range the model learned for '{column}' ({(knots.Count == 0 ? "no values" : $"{knots[0]} … {knots[^1]}")})");
        }

        return new Evidence(index, m, value, number, -1, Position(knots, number));
    }

    /// <summary>Where a value sits among the knots, in probability: the middle of its run of knots for a point mass.</summary>
    private static double Position(IReadOnlyList<double> knots, double v)
    {
        int k = knots.Count - 1;
        if (k == 0)
        {
            return 0.5;
        }

        int first = 0;
        while (knots[first] < v)
        {
            first++;
        }

        if (knots[first] == v)
        {
            int last = first;
            while (last < k && knots[last + 1] == v)
            {
                last++;
            }

            return (first + last) / 2.0 / k;
        }

        double within = (v - knots[first - 1]) / (knots[first] - knots[first - 1]);
        return (first - 1 + within) / k;
    }

    public void Write(Column column, int row)
    {
        if (Number is { } v)
        {
            ColumnValues.SetNumber(column, row, v);
        }
        else
        {
            ColumnValues.SetLabel(column, row, Text);
        }
    }
}
