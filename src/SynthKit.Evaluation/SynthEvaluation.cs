using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Evaluation;

/// <summary>Options of an evaluation.</summary>
public sealed class EvaluationOptions
{
    /// <summary>The differential-privacy guarantee the synthetic rows were made under, to report beside the empirical figures (null: none stated).</summary>
    public PrivacyGuarantee? Guarantee { get; init; }

    /// <summary>SDMetrics' real-correlation threshold for numeric pairs (default 0.5).</summary>
    public double RealCorrelationThreshold { get; init; } = 0.5;

    /// <summary>SDMetrics' real-association (Cramér's V) threshold for other pairs (default 0.3).</summary>
    public double RealAssociationThreshold { get; init; } = 0.3;

    /// <summary>Whether to compute the privacy metrics (default true). They are exact: every row against every row.</summary>
    public bool Privacy { get; init; } = true;

    /// <summary>Whether to compute the fidelity metrics beyond marginals (default true): exact nearest neighbours within and between the tables.</summary>
    public bool Fidelity { get; init; } = true;

    /// <summary>Whether to train models (default true): the discriminator AUC and, with a <see cref="Target"/>, utility (TSTR against TRTR) and the models' fairness gaps.</summary>
    public bool Models { get; init; } = true;

    /// <summary>The seed for the random baseline of DCRBaselineProtection (default 0): the same seed, the same report.</summary>
    public long Seed { get; init; }

    /// <summary>Columns an attacker knows, for the attribute-disclosure (CAP) attack; with <see cref="Sensitive"/>.</summary>
    public IReadOnlyList<string> Known { get; init; } = [];

    /// <summary>Columns an attacker wants to learn, for the attribute-disclosure (CAP) attack; with <see cref="Known"/>.</summary>
    public IReadOnlyList<string> Sensitive { get; init; } = [];

    /// <summary>Columns whose groups the bias report compares (default: those the spec marks sensitive or quasi-identifying).</summary>
    public IReadOnlyList<string> Protected { get; init; } = [];

    /// <summary>The column whose outcome the bias report (and, later, utility) measures, or null.</summary>
    public string? Target { get; init; }

    /// <summary>The target value counted as the outcome (default: the real data's rarer value).</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Threads to use (default: every core). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}

/// <summary>
/// Evaluates synthetic data against the real data it imitates (and, optionally, a holdout of real rows the generator
/// never saw), under one column spec.
/// </summary>
public static class SynthEvaluation
{
    /// <summary>Evaluates two (or three) tables read under one spec.</summary>
    /// <param name="real">The real (training) rows.</param>
    /// <param name="synthetic">The synthetic rows.</param>
    /// <param name="holdout">Real rows the generator never saw, or null.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="SynthKitException">SK6100: the tables do not share the spec's columns, or the real table is empty.</exception>
    public static EvaluationReport Evaluate(ColumnBatch real, ColumnBatch synthetic, ColumnBatch? holdout = null, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        options ??= new EvaluationOptions();
        var spec = real.Spec;
        Check(spec, synthetic, "synthetic");
        if (holdout is not null)
        {
            Check(spec, holdout, "holdout");
        }

        if (real.RowCount == 0 || synthetic.RowCount == 0)
        {
            throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"the {(real.RowCount == 0 ? "real" : "synthetic")} table has no rows");
        }

        var context = CreateContext(real, synthetic, holdout, options);

        return new EvaluationReport
        {
            Table = spec.Name,
            Rows = new RowCounts { Real = real.RowCount, Synthetic = synthetic.RowCount, Holdout = holdout?.RowCount },
            Excluded = Excluded(spec),
            Quality = QualityMetrics.Quality(context, options.RealCorrelationThreshold, options.RealAssociationThreshold),
            Diagnostic = QualityMetrics.Diagnostic(context, spec.PrimaryKey),
            Privacy = options.Privacy ? PrivacyMetrics.Compute(context, options) : null,
            Guarantee = options.Guarantee,
            Fidelity = Fidelity(context, options),
            Utility = options.Models && options.Target is { } target ? ModelMetrics.Utility(context, target, options.PositiveClass, BiasColumns(spec, options)) : null,
            Diversity = DiversityMetrics.Diversity(context),
            Bias = DiversityMetrics.Bias(context, options.Protected, options.Target, options.PositiveClass),
            Distributions = ColumnDistribution.Of(context),
        };
    }

    private static FidelityReport? Fidelity(EvalContext context, EvaluationOptions options)
    {
        if (!options.Fidelity)
        {
            return null;
        }

        return FidelityMetrics.Compute(context, options.Models ? ModelMetrics.DiscriminatorAuc(context) : null);
    }

    private static IReadOnlyList<string> BiasColumns(TableSpec spec, EvaluationOptions options) => options.Protected.Count > 0
        ? options.Protected
        : spec.Columns.Where(c => c.Privacy is { } p && (p.Sensitive || p.QuasiIdentifier) && !c.IsPersonalData).Select(c => c.Name).ToList();

    /// <summary>
    /// Evaluates typed rows of a generated schema — real rows from a database or a file, synthetic ones from any
    /// generator — through the columns the schema's synthesizer writes (no reflection).
    /// </summary>
    /// <typeparam name="T">A schema type with a generated synthesizer.</typeparam>
    /// <param name="real">The real (training) rows.</param>
    /// <param name="synthetic">The synthetic rows.</param>
    /// <returns>The report.</returns>
    /// <exception cref="SynthKitException">SK4008: no generated synthesizer for <typeparamref name="T"/>; SK6100 as for columns.</exception>
    public static EvaluationReport EvaluateRows<T>(IEnumerable<T> real, IEnumerable<T> synthetic) => EvaluateRows(real, synthetic, null, null);

    /// <summary>Evaluates typed rows of a generated schema, with a holdout and options.</summary>
    /// <typeparam name="T">A schema type with a generated synthesizer.</typeparam>
    /// <param name="real">The real (training) rows.</param>
    /// <param name="synthetic">The synthetic rows.</param>
    /// <param name="holdout">Real rows the generator never saw, or null.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="SynthKitException">SK4008: no generated synthesizer for <typeparamref name="T"/>; SK6100 as for columns.</exception>
    public static EvaluationReport EvaluateRows<T>(IEnumerable<T> real, IEnumerable<T> synthetic, IEnumerable<T>? holdout, EvaluationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        return Evaluate(SchemaColumns<T>.ToColumns(real), SchemaColumns<T>.ToColumns(synthetic), holdout is null ? null : SchemaColumns<T>.ToColumns(holdout), options);
    }

    /// <summary>The tables encoded under the real table's spec, categories coded alike in all of them.</summary>
    internal static EvalContext CreateContext(ColumnBatch real, ColumnBatch synthetic, ColumnBatch? holdout, EvaluationOptions options)
    {
        var spec = real.Spec;
        var categories = spec.Columns.Select(_ => new CategoryIndex()).ToArray();
        return new EvalContext(
            spec,
            EvalTable.Encode(real, spec, categories),
            EvalTable.Encode(synthetic, spec, categories),
            holdout is null ? null : EvalTable.Encode(holdout, spec, categories),
            categories,
            options.MaxDegreeOfParallelism);
    }

    private static List<ExcludedColumn> Excluded(TableSpec spec) => spec.Columns
        .Where(c => EvalTable.KindOf(c) == EvalKind.Excluded)
        .Select(c => new ExcludedColumn
        {
            Column = c.Name,
            Reason = c.IsPersonalData ? "personal data" : c.Kind == StatisticalKind.Identifier ? "identifier" : "text",
        })
        .ToList();

    private static void Check(TableSpec spec, ColumnBatch table, string role)
    {
        foreach (var column in spec.Columns)
        {
            if (!table.Spec.Columns.Any(c => c.Name == column.Name))
            {
                throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"the {role} table has no column '{column.Name}'");
            }
        }
    }
}
