using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthKit.Modeling;

/// <summary>
/// What a fitted model holds — aggregates only: per learned column its null share and either quantile knots of its
/// values (point masses show as repeated knots) or its categories' shares; then, for a copula, the correlation of the
/// columns' normal scores, or, for a Bayesian network, each column's parents and the counts of its bins under each
/// combination of its parents' bins. No real row is stored. Versioned JSON (<see cref="ToJson"/>, schema in
/// <c>docs/model.schema.json</c>), the same bytes for the same data and options.
/// </summary>
public sealed class ModelData
{
    /// <summary>The version of the model's JSON shape (1).</summary>
    public int ModelVersion { get; init; } = 1;

    /// <summary>The model: <c>copula</c> or <c>bayes-net</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The table the model was fitted on (the spec's name).</summary>
    public string Table { get; init; } = "";

    /// <summary>How many real rows were read.</summary>
    public int Rows { get; init; }

    /// <summary>The smallest count a category, a quantile step or a table cell stands for (<see cref="ModelOptions.MinimumCount"/>).</summary>
    public int MinimumCount { get; init; }

    /// <summary>
    /// The column spec the model was fitted under (<see cref="TableSpec"/> JSON: names, types, kinds, privacy roles and
    /// rules — no data), so sampling needs nothing but the model file; null in hand-made models.
    /// </summary>
    public JsonElement? Spec { get; init; }

    /// <summary>The learned columns' marginals, in spec order.</summary>
    public IReadOnlyList<Marginal> Marginals { get; init; } = [];

    /// <summary>Columns the model did not read, and why (personal data, identifiers, text, unsupported storage).</summary>
    public IReadOnlyList<NotLearned> NotLearned { get; init; } = [];

    /// <summary>Copula: the correlation matrix of the normal scores, row by row (rounded to 12 significant digits).</summary>
    [JsonConverter(typeof(CompactMatrix))]
    public IReadOnlyList<IReadOnlyList<double>>? Correlation { get; init; }

    /// <summary>Bayesian network: the columns in sampling order, each with its parents and its conditional counts.</summary>
    public IReadOnlyList<NetworkNode>? Network { get; init; }

    /// <summary>Constraints every sampled row satisfies (declared when fitting).</summary>
    public IReadOnlyList<ModelConstraintData>? Constraints { get; init; }

    /// <summary>The evaluation of the fit against held-out rows, when the fit made one.</summary>
    public FitSummary? Fit { get; init; }

    /// <summary>For a differentially private fit: the mechanism, ε, δ, ρ, what was measured and what was declared public.</summary>
    public PrivacyData? Privacy { get; init; }

    /// <summary>
    /// Where the training rows came from: the model's generation depth (one more than its deepest input's), their real
    /// share, and each input — its SHA-256, rows, whether it was real or synthetic, and its own lineage. Set by
    /// <c>synthkit fit</c> from the inputs' manifests; null when the fit was given rows without a file.
    /// </summary>
    public SynthKit.Provenance.DataLineage? Lineage { get; init; }

    /// <summary>The model as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ModelJsonContext.Default.ModelData);

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SynthKitException">SK6001: not a model of this version.</exception>
    public static ModelData FromJson(string json)
    {
        System.ArgumentNullException.ThrowIfNull(json);
        ModelData? model;
        try
        {
            model = JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelData);
        }
        catch (JsonException ex)
        {
            throw new SynthKitException(ModelingErrorCodes.InvalidModel, $"the model is not valid JSON of the expected shape: {ex.Message}", innerException: ex);
        }

        if (model is null || model.ModelVersion != 1)
        {
            throw new SynthKitException(ModelingErrorCodes.InvalidModel, "the model is not a version-1 SynthKit model");
        }

        return model;
    }

    /// <summary>A copy with <paramref name="fit"/> as its fit summary.</summary>
    /// <param name="fit">The summary.</param>
    /// <returns>The copy.</returns>
    public ModelData WithFit(FitSummary? fit) => With(fit, Privacy, Lineage);

    /// <summary>A copy with <paramref name="privacy"/> as its privacy record.</summary>
    /// <param name="privacy">The record.</param>
    /// <returns>The copy.</returns>
    public ModelData WithPrivacy(PrivacyData? privacy) => With(Fit, privacy, Lineage);

    /// <summary>A copy with <paramref name="lineage"/> as its lineage.</summary>
    /// <param name="lineage">Where the training rows came from.</param>
    /// <returns>The copy.</returns>
    public ModelData WithLineage(SynthKit.Provenance.DataLineage? lineage) => With(Fit, Privacy, lineage);

    private ModelData With(FitSummary? fit, PrivacyData? privacy, SynthKit.Provenance.DataLineage? lineage) => new()
    {
        ModelVersion = ModelVersion,
        Kind = Kind,
        Table = Table,
        Rows = Rows,
        MinimumCount = MinimumCount,
        Spec = Spec,
        Marginals = Marginals,
        NotLearned = NotLearned,
        Correlation = Correlation,
        Network = Network,
        Constraints = Constraints,
        Fit = fit,
        Privacy = privacy,
        Lineage = lineage,
    };
}

/// <summary>One learned column.</summary>
public sealed class Marginal
{
    /// <summary>The column.</summary>
    public string Column { get; init; } = "";

    /// <summary><c>numeric</c> (numbers, dates, times) or <c>categorical</c> (categories, booleans).</summary>
    public string Kind { get; init; } = "";

    /// <summary>The share of rows where the column is null.</summary>
    public double NullShare { get; init; }

    /// <summary>Numbers: the values at equal probability steps 0, 1/K, …, 1 of the non-null values (K + 1 knots).</summary>
    [JsonConverter(typeof(CompactDoubles))]
    public IReadOnlyList<double>? Knots { get; init; }

    /// <summary>Numbers with parametric marginals: the family the knots were drawn from (e.g. <c>Normal(38.6, 13.6)</c>), or null for empirical knots.</summary>
    public string? Family { get; init; }

    /// <summary>Numbers: whether every value was whole (samples are rounded).</summary>
    public bool Integral { get; init; }

    /// <summary>Categories: the values, most frequent first.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Categories: each value's share of the non-null rows.</summary>
    [JsonConverter(typeof(CompactDoubles))]
    public IReadOnlyList<double>? Shares { get; init; }
}

/// <summary>
/// One column of a Bayesian network. Its values fall into bins: bin 0 is null; a categorical column's bin <c>k</c> is its
/// category <c>k − 1</c>; a numeric column's bins are the probability ranges between its <see cref="Cuts"/> (within a
/// bin, values are sampled from the column's quantile knots, so the marginal is kept inside every bin).
/// </summary>
public sealed class NetworkNode
{
    /// <summary>The column.</summary>
    public string Column { get; init; } = "";

    /// <summary>Its parents, earlier in the sampling order (none for the first).</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>Numbers: the cut points, in probability among the non-null values, between the bins (0 and 1 implied).</summary>
    [JsonConverter(typeof(CompactDoubles))]
    public IReadOnlyList<double>? Cuts { get; init; }

    /// <summary>How many real rows fell in each bin under each combination of the parents' bins (combinations seen fewer than <see cref="ModelData.MinimumCount"/> times are left out).</summary>
    public IReadOnlyList<CountRow> Counts { get; init; } = [];

    /// <summary>The fit's target (<see cref="ModelOptions.Target"/>): a classification tree over every earlier column's bins, instead of <see cref="Counts"/>.</summary>
    public TreeNode? Tree { get; init; }
}

/// <summary>A node of a target's tree: a split (<see cref="Column"/>, <see cref="Left"/>, both branches) or a leaf (<see cref="Counts"/>).</summary>
public sealed class TreeNode
{
    /// <summary>A split's column.</summary>
    public string? Column { get; init; }

    /// <summary>A split's bins of <see cref="Column"/> that take the <see cref="IfLeft"/> branch.</summary>
    [JsonConverter(typeof(CompactInts))]
    public IReadOnlyList<int>? Left { get; init; }

    /// <summary>The branch for rows whose bin is in <see cref="Left"/>.</summary>
    public TreeNode? IfLeft { get; init; }

    /// <summary>The branch for the other rows.</summary>
    public TreeNode? Otherwise { get; init; }

    /// <summary>A leaf's count of real rows in each of the target's bins (bin 0: null); every leaf stands for at least the leaf size.</summary>
    [JsonConverter(typeof(CompactInts))]
    public IReadOnlyList<int>? Counts { get; init; }
}

/// <summary>The counts of a column's bins under one combination of its parents' bins.</summary>
public sealed class CountRow
{
    /// <summary>The parents' bins, in <see cref="NetworkNode.Parents"/> order.</summary>
    [JsonConverter(typeof(CompactInts))]
    public IReadOnlyList<int> Given { get; init; } = [];

    /// <summary>The count of each of the column's bins (bin 0: null).</summary>
    [JsonConverter(typeof(CompactInts))]
    public IReadOnlyList<int> Counts { get; init; } = [];
}

/// <summary>A declared constraint as the model file holds it.</summary>
public sealed class ModelConstraintData
{
    /// <summary>The constraint's text (<see cref="ModelConstraint"/>'s grammar).</summary>
    public string Text { get; init; } = "";

    /// <summary>For a combination (<c>a ~ b</c>): the combinations of values seen in the real data at least the minimum count times — aggregates, like categories.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Combinations { get; init; }
}

/// <summary>A column the model does not learn.</summary>
public sealed class NotLearned
{
    /// <summary>The column.</summary>
    public string Column { get; init; } = "";

    /// <summary>Why: <c>personal data</c>, <c>identifier</c>, <c>text</c>, or <c>storage type</c>.</summary>
    public string Reason { get; init; } = "";
}

/// <summary>How a fitted model's samples compared with real rows the fit did not see (SynthKit.Evaluation).</summary>
public sealed class FitSummary
{
    /// <summary>How many real rows were held out.</summary>
    public int HoldoutRows { get; init; }

    /// <summary>The quality score (SDMetrics' definition); null when it cannot be computed.</summary>
    public double? Quality { get; init; }

    /// <summary>The average column shape score.</summary>
    public double? ColumnShapes { get; init; }

    /// <summary>The column pair trends score.</summary>
    public double? ColumnPairTrends { get; init; }

    /// <summary>The share of sampled rows that copy a training row exactly.</summary>
    public double ExactCopies { get; init; }

    /// <summary>The share of sampled rows closer to a training row than to any held-out row (0.5 is ideal).</summary>
    public double? DcrShare { get; init; }

    /// <summary>The AUC of the distance-based membership-inference attack (0.5 is ideal).</summary>
    public double? MembershipAuc { get; init; }
}

/// <summary>The codes modeling reports.</summary>
public static class ModelingErrorCodes
{
    /// <summary>SK6000: the data cannot be fitted (no rows, nothing to learn).</summary>
    public const string CannotFit = "SK6000";

    /// <summary>SK6001: a model file that is not a model of this version.</summary>
    public const string InvalidModel = "SK6001";

    /// <summary>SK6002: the model cannot be sampled as asked (an unknown or unlearned condition column, a value the model never saw, a condition too rare to meet).</summary>
    public const string CannotSample = "SK6002";

    /// <summary>SK6003: a model that does not match the schema it is plugged into (a [Learned] member it did not learn, a column the schema lacks, an incompatible type).</summary>
    public const string SchemaMismatch = "SK6003";

    /// <summary>SK6004: a constraint that cannot be read, or names a column the model does not learn.</summary>
    public const string InvalidConstraint = "SK6004";

    /// <summary>SK6005 (warning): a real row breaks a declared constraint; it is reported with its row, and the model still fitted.</summary>
    public const string ConstraintViolated = "SK6005";

    /// <summary>SK6006: partition statistics that cannot be merged (different specs, options or plans, a wrong stage, rows the plan never counted) or a fit that cannot be made from partitions.</summary>
    public const string CannotMerge = "SK6006";

    /// <summary>SK6007: a differentially private fit that cannot be made as asked: a column without a declared domain, a value outside it, a budget that is not one, options the mechanism does not take.</summary>
    public const string PrivacyRefused = "SK6007";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ModelData))]
internal sealed partial class ModelJsonContext : JsonSerializerContext
{
}
