using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SynthKit.Evaluation;

/// <summary>
/// What an evaluation found, as typed data; <see cref="ToJson"/> writes the versioned report (docs/evaluation.md,
/// docs/evaluation-report.schema.json). Same inputs and options, same bytes.
/// </summary>
public sealed class EvaluationReport
{
    /// <summary>The version of the report's JSON shape (1).</summary>
    public int ReportVersion { get; init; } = 1;

    /// <summary>The table evaluated (the spec's name).</summary>
    public string Table { get; init; } = "";

    /// <summary>How many rows each table had.</summary>
    public RowCounts Rows { get; init; } = new();

    /// <summary>Columns kept out of statistical metrics, and why (personal data, identifiers, free text).</summary>
    public IReadOnlyList<ExcludedColumn> Excluded { get; init; } = [];

    /// <summary>SDMetrics' quality report.</summary>
    public QualityReport Quality { get; init; } = new();

    /// <summary>SDMetrics' diagnostic report.</summary>
    public DiagnosticReport Diagnostic { get; init; } = new();

    /// <summary>Privacy metrics, when asked for (<see cref="EvaluationOptions.Privacy"/>).</summary>
    public PrivacyReport? Privacy { get; init; }

    /// <summary>The differential-privacy guarantee the synthetic data was made under (from its manifest), beside the empirical privacy figures; null when none was stated.</summary>
    public PrivacyGuarantee? Guarantee { get; init; }

    /// <summary>Fidelity beyond marginals (α-precision, β-recall, authenticity, k-NN precision and recall, density, coverage), when asked for.</summary>
    public FidelityReport? Fidelity { get; init; }

    /// <summary>Train-synthetic-test-real utility for the target column (with <see cref="EvaluationOptions.Target"/>).</summary>
    public UtilityReport? Utility { get; init; }

    /// <summary>Whether the synthetic data keep the real data's variety.</summary>
    public DiversityReport Diversity { get; init; } = new();

    /// <summary>Whether protected groups are represented and treated as in the real data.</summary>
    public BiasReport Bias { get; init; } = new();

    /// <summary>Each evaluated column's binned distributions, for the HTML report's plots (not part of the JSON).</summary>
    internal IReadOnlyList<ColumnDistribution> Distributions { get; init; } = [];

    /// <summary>The report as indented JSON (camelCase, UTF-8 without a byte-order mark).</summary>
    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, ReportJsonContext.Default.EvaluationReport);

    /// <summary>The report as indented JSON (camelCase).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJsonContext.Default.EvaluationReport);

    /// <summary>
    /// A figure of the report by its JSON path (<c>quality.score</c>, <c>quality.columns.age.score</c>,
    /// <c>privacy.membershipInference.auc</c>); <c>quality</c> alone means <c>quality.score</c>. Null when the report has
    /// no such number, or the metric could not be computed.
    /// </summary>
    /// <param name="path">Dot-separated property names; a column name may itself contain dots only if quoted as <c>columns["a.b"]</c>.</param>
    /// <returns>The value, or null.</returns>
    public double? Metric(string path) => ReportPaths.Find(JsonNode.Parse(ToJsonBytes())!, path, out _);
}

/// <summary>Row counts of the evaluated tables.</summary>
public sealed class RowCounts
{
    /// <summary>Rows of the real (training) table.</summary>
    public int Real { get; init; }

    /// <summary>Rows of the synthetic table.</summary>
    public int Synthetic { get; init; }

    /// <summary>Rows of the holdout table (real rows the generator never saw), when one was given.</summary>
    public int? Holdout { get; init; }
}

/// <summary>A column kept out of statistical metrics.</summary>
public sealed class ExcludedColumn
{
    /// <summary>The column's name.</summary>
    public string Column { get; init; } = "";

    /// <summary>Why: <c>personal data</c>, <c>identifier</c> or <c>text</c>.</summary>
    public string Reason { get; init; } = "";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(EvaluationReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}

/// <summary>A differential-privacy guarantee stated for synthetic data: what its model spent (SynthKit.Modeling's privacy record).</summary>
public sealed class PrivacyGuarantee
{
    /// <summary>The mechanism (e.g. <c>mst</c>).</summary>
    public string Mechanism { get; init; } = "";

    /// <summary>ε.</summary>
    public double Epsilon { get; init; }

    /// <summary>δ.</summary>
    public double Delta { get; init; }

    /// <summary>The ρ-zCDP budget spent.</summary>
    public double Rho { get; init; }
}
