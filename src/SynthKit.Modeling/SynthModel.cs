using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SynthKit.Modeling;

/// <summary>Which model <see cref="SynthModel.Fit(ColumnBatch, ModelOptions?)"/> fits.</summary>
public enum ModelKind
{
    /// <summary>A Bayesian network over binned columns (the default): keeps categorical and non-monotone dependencies.</summary>
    BayesianNetwork,

    /// <summary>A Gaussian copula with empirical marginals, as SDV users know it: monotone dependencies only, exact conditional sampling.</summary>
    GaussianCopula,
}

/// <summary>How a numeric column's marginal is fitted.</summary>
public enum MarginalKind
{
    /// <summary>Empirical quantile knots (the default): point masses, gaps and tails as the data has them.</summary>
    Empirical,

    /// <summary>The closest of the supported families by KS distance (Normal, LogNormal, Gamma, Uniform, Exponential, Poisson), clamped to the real range, as SDV's parametric marginals.</summary>
    Parametric,
}

/// <summary>Options of a fit.</summary>
public sealed class ModelOptions
{
    /// <summary>The model to fit (default <see cref="ModelKind.BayesianNetwork"/>).</summary>
    public ModelKind Kind { get; init; } = ModelKind.BayesianNetwork;

    /// <summary>How numeric marginals are fitted (default <see cref="MarginalKind.Empirical"/>).</summary>
    public MarginalKind Marginals { get; init; } = MarginalKind.Empirical;

    /// <summary>Quantile knots per numeric column (default 200): more follow the data more closely.</summary>
    public int Knots { get; init; } = 200;

    /// <summary>
    /// The fewest real rows a category, a quantile step or a network's table cell may stand for (default 1). Raising it
    /// merges rarer categories into the most frequent one, coarsens the knots and leaves out rarer parent combinations:
    /// less about any one person, less of the long tail.
    /// </summary>
    public int MinimumCount { get; init; } = 1;

    /// <summary>The seed of the jitter that spreads tied values over their probability interval while fitting (default 0).</summary>
    public long Seed { get; init; }

    /// <summary>Bayesian network: the most parents a column may have (default 2; 1 gives a Chow–Liu tree).</summary>
    public int MaxParents { get; init; } = 2;

    /// <summary>Bayesian network: the bins a numeric column is cut into (default 20; point masses get bins of their own).</summary>
    public int Bins { get; init; } = 20;

    /// <summary>
    /// Bayesian network: a column drawn last from a classification tree over every other learned column (leaves of at least
    /// <see cref="TargetLeafSize"/> rows), for data meant to train a model of it — the tree lets every column inform it.
    /// </summary>
    public string? Target { get; init; }

    /// <summary>Bayesian network: the fewest real rows a leaf of the target's tree stands for (default 30).</summary>
    public int TargetLeafSize { get; init; } = 30;

    /// <summary>Constraints every sampled row satisfies (<see cref="ModelConstraint"/>'s grammar: <c>a &lt; b</c>, <c>0 &lt;= a &lt;= 9</c>, <c>a ~ b</c>).</summary>
    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>
    /// Fit with differential privacy (the MST mechanism: a tree-shaped Bayesian network from noisy marginals), or null
    /// (the default) for the exact fit. <see cref="Seed"/>, <see cref="MaxParents"/> and <see cref="MinimumCount"/> do not
    /// apply; <see cref="Bins"/> and <see cref="Knots"/> do.
    /// </summary>
    public DifferentialPrivacy? Privacy { get; init; }
}

/// <summary>
/// A synthesizer fitted to a real table. It holds aggregates only (<see cref="Data"/>: marginals and either a copula's
/// correlation or a network's conditional counts), never reads personal data, identifiers or free text (they keep their
/// rules when sampling), and is a column model (<see cref="IColumnModel"/>): plug it into any synthesizer of the spec with
/// <c>synthesizer.WithColumnModel(model)</c>; row <c>i</c> depends only on (model, seed, i).
/// </summary>
public abstract class SynthModel : IDescribedColumnModel
{
    private readonly BoundConstraints _constraints;

    private protected SynthModel(ModelData data)
    {
        Data = data;
        Columns = data.Marginals.Select(m => m.Column).ToArray();
        _constraints = BoundConstraints.Bind(data.Constraints ?? [], data.Marginals);
    }

    /// <summary>The fitted aggregates.</summary>
    public ModelData Data { get; }

    /// <summary>The column spec the model was fitted under, or null when the model file has none.</summary>
    public TableSpec? Spec => Data.Spec is { } spec ? TableSpec.FromJson(spec.GetRawText()) : null;

    /// <inheritdoc />
    public abstract string Key { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Fits a model to a table (read under its spec).</summary>
    /// <param name="table">The real rows.</param>
    /// <param name="options">Options, or null for the defaults (a Bayesian network).</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="SynthKitException">SK6000: no rows, or no column to learn.</exception>
    public static SynthModel Fit(ColumnBatch table, ModelOptions? options)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ModelOptions();
        return options.Privacy is not null || options.Kind != ModelKind.GaussianCopula ? BayesianNetwork.Fit(table, options) : GaussianCopula.Fit(table, options);
    }

    /// <summary>Fits a model with the default options (a Bayesian network) to a table (read under its spec).</summary>
    /// <param name="table">The real rows.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="SynthKitException">SK6000: no rows, or no column to learn.</exception>
    public static SynthModel Fit(ColumnBatch table) => Fit(table, null);

    /// <summary>Fits a model to typed rows of a generated schema (through its <c>ToColumns</c>).</summary>
    /// <typeparam name="T">A <c>[SyntheticSchema]</c> type.</typeparam>
    /// <param name="rows">The real rows.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="SynthKitException">SK4008: <typeparamref name="T"/> has no generated synthesizer; SK6000: nothing to fit.</exception>
    public static SynthModel Fit<T>(IEnumerable<T> rows, ModelOptions? options) => Fit(SchemaColumns<T>.ToColumns(rows), options);

    /// <summary>Fits a model with the default options to typed rows of a generated schema.</summary>
    /// <typeparam name="T">A <c>[SyntheticSchema]</c> type.</typeparam>
    /// <param name="rows">The real rows.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="SynthKitException">SK4008: <typeparamref name="T"/> has no generated synthesizer; SK6000: nothing to fit.</exception>
    public static SynthModel Fit<T>(IEnumerable<T> rows) => Fit(rows, null);

    /// <summary>Fits a model to a <see cref="Microsoft.Data.Analysis.DataFrame"/> read under <paramref name="spec"/>.</summary>
    /// <param name="frame">The real rows.</param>
    /// <param name="spec">The table's column spec.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="SynthKitException">SK4006: the frame does not match the spec; SK6000: nothing to fit.</exception>
    public static SynthModel Fit(Microsoft.Data.Analysis.DataFrame frame, TableSpec spec, ModelOptions? options) => Fit(ColumnInterop.FromDataFrame(frame, spec), options);

    /// <summary>Fits a model with the default options to a <see cref="Microsoft.Data.Analysis.DataFrame"/> read under <paramref name="spec"/>.</summary>
    /// <param name="frame">The real rows.</param>
    /// <param name="spec">The table's column spec.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="SynthKitException">SK4006: the frame does not match the spec; SK6000: nothing to fit.</exception>
    public static SynthModel Fit(Microsoft.Data.Analysis.DataFrame frame, TableSpec spec) => Fit(frame, spec, null);

    /// <summary>The model of saved aggregates.</summary>
    /// <param name="data">The aggregates.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SynthKitException">SK6001: the aggregates are not a consistent model.</exception>
    public static SynthModel FromData(ModelData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ModelValidator.Validate(data);
        return data.Kind switch
        {
            "copula" => new GaussianCopula(data),
            _ => new BayesianNetwork(data),
        };
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SynthKitException">SK6001: not a model of this version.</exception>
    public static SynthModel FromJson(string json) => FromData(ModelData.FromJson(json));

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SynthKitException">SK6001: not a model of this version (the message names the file).</exception>
    public static SynthModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (SynthKitException ex) when (ex.Code == ModelingErrorCodes.InvalidModel)
        {
            throw new SynthKitException(ModelingErrorCodes.InvalidModel, $"{path}: {ex.Detail}", innerException: ex);
        }
    }

    /// <summary>The model as indented JSON (the same bytes for the same data and options).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Data.ToJson();

    /// <summary>Writes the model to a file, through a temporary file renamed into place.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllText(temp, ToJson());
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// A synthesizer of the model's table: its learned columns drawn by the model, every other column by its rule (fakes
    /// for personal data, keys for identifiers).
    /// </summary>
    /// <param name="seed">The seed; row <c>i</c> depends only on (model, seed, i).</param>
    /// <param name="spec">The table to synthesize, or null for the one the model was fitted under.</param>
    /// <returns>The synthesizer.</returns>
    /// <exception cref="SynthKitException">SK6001: no spec given and the model has none.</exception>
    public SpecSynthesizer CreateSynthesizer(long seed = 0, TableSpec? spec = null)
    {
        spec ??= Spec ?? throw new SynthKitException(ModelingErrorCodes.InvalidModel, "the model holds no column spec; give the table's spec");
        return new SpecSynthesizer(spec, seed, [this]);
    }

    internal static System.Text.Json.JsonElement SpecElement(TableSpec spec)
    {
        using var document = System.Text.Json.JsonDocument.Parse(spec.ToJsonBytes(indented: false));
        return document.RootElement.Clone();
    }

    /// <summary>The same model with <paramref name="fit"/> recorded as its fit summary.</summary>
    /// <param name="fit">The summary.</param>
    /// <returns>The model.</returns>
    public SynthModel WithFit(FitSummary fit) => FromData(Data.WithFit(fit));

    /// <summary>This model with <paramref name="lineage"/> recorded: where its training rows came from.</summary>
    /// <param name="lineage">The lineage (<see cref="SynthKit.Provenance.DataLineage.OfModel"/>).</param>
    /// <returns>The model with the lineage.</returns>
    public SynthModel WithLineage(SynthKit.Provenance.DataLineage lineage) => FromData(Data.WithLineage(lineage));

    /// <summary>
    /// This model sampled under conditions, rebalancing or a long-tail boost: a column model to plug into a synthesizer
    /// like the model itself.
    /// </summary>
    /// <param name="options">How to sample.</param>
    /// <returns>The conditioned model.</returns>
    /// <exception cref="SynthKitException">SK6002: a condition names a column the model did not learn or a value it never saw, or cannot be met.</exception>
    public ConditionedModel WithSampling(SamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ConditionedModel(this, options);
    }

    /// <inheritdoc />
    /// <exception cref="SynthKitException">SK6002: the model's constraints were not met in 1,000 draws of the row.</exception>
    public void Draw(ColumnModelContext context, ColumnBatch batch, int row)
    {
        if (_constraints.IsEmpty)
        {
            DrawRow(context.Random, batch, row);
            return;
        }

        Constrained.Draw(_constraints, (random, b, r) => DrawRow(random, b, r), context.Random, batch, row);
    }

    /// <summary>
    /// The real rows that break <paramref name="constraints"/> (comparisons only: a combination is defined by the data).
    /// Report them; they are never stored in a model.
    /// </summary>
    /// <param name="table">The real rows.</param>
    /// <param name="constraints">The constraints.</param>
    /// <returns>Each violation with its row.</returns>
    /// <exception cref="SynthKitException">SK6004: a constraint cannot be read or names a column the table lacks.</exception>
    public static IReadOnlyList<ConstraintViolation> CheckConstraints(ColumnBatch table, IEnumerable<string> constraints)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(constraints);
        var comparisons = constraints.Select(ModelConstraint.Parse).Where(c => c.Combined.Count == 0).ToList();
        foreach (var column in comparisons.SelectMany(c => c.Columns))
        {
            if (table.Spec.IndexOf(column) < 0)
            {
                throw new SynthKitException(ModelingErrorCodes.InvalidConstraint, $"a constraint names '{column}', which table '{table.Spec.Name}' does not have");
            }
        }

        var bound = BoundConstraints.Bind(comparisons.Select(c => new ModelConstraintData { Text = c.Text }).ToArray(), null);
        var violations = new List<ConstraintViolation>();
        for (int r = 0; r < table.RowCount; r++)
        {
            if (bound.Check(table, r) is { } broken)
            {
                violations.Add(new ConstraintViolation(r, broken.Constraint, broken.Detail));
            }
        }

        return violations;
    }

    /// <summary>Draws the model's columns of one row from <paramref name="random"/>.</summary>
    private protected abstract void DrawRow(SynthRandom random, ColumnBatch batch, int row);

    /// <summary>A sampler under evidence and boost that also meets the model's constraints.</summary>
    internal RowSampler ConstrainedSampler(IReadOnlyList<Evidence> evidence, double boost)
    {
        var sampler = Sampler(evidence, boost);
        return _constraints.IsEmpty ? sampler : new Constrained(sampler, _constraints);
    }

    /// <summary>What the manifest of a file this model helped write records: its kind, the SHA-256 of its JSON, its fit summary.</summary>
    /// <returns>The description.</returns>
    public ColumnModelInfo Describe()
    {
        var details = new List<KeyValuePair<string, string>> { new("table", Data.Table), new("rows", Data.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (Data.Fit is { } fit)
        {
            void Add(string name, double? value)
            {
                if (value is { } v)
                {
                    details.Add(new("fit." + name, v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            details.Add(new("fit.holdoutRows", fit.HoldoutRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Add("quality", fit.Quality);
            Add("columnShapes", fit.ColumnShapes);
            Add("columnPairTrends", fit.ColumnPairTrends);
            Add("exactCopies", fit.ExactCopies);
            Add("dcrShare", fit.DcrShare);
            Add("membershipAuc", fit.MembershipAuc);
        }

        if (Data.Privacy is { } privacy)
        {
            details.Add(new("privacy.mechanism", privacy.Mechanism));
            details.Add(new("privacy.epsilon", privacy.Epsilon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            details.Add(new("privacy.delta", privacy.Delta.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            details.Add(new("privacy.rho", privacy.Rho.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            details.Add(new("privacy.measured", string.Join("; ", privacy.Measured)));
            details.Add(new("privacy.public", string.Join("; ", privacy.Public)));
        }

        return new ColumnModelInfo
        {
            Key = Key,
            Kind = Data.Kind,
            Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ToJson()))).ToLowerInvariant(),
            Columns = Columns,
            Details = details,
            Rows = Data.Rows,
            Lineage = Data.Lineage,
        };
    }

    /// <summary>Redraws a row until it meets every constraint, at most 1,000 times (the row's stream continues, so this is deterministic).</summary>
    private sealed class Constrained(RowSampler inner, BoundConstraints constraints) : RowSampler
    {
        private const int MaxDraws = 1_000;

        public override void Draw(SynthRandom random, ColumnBatch batch, int row) => Draw(constraints, inner.Draw, random, batch, row);

        public static void Draw(BoundConstraints constraints, Action<SynthRandom, ColumnBatch, int> draw, SynthRandom random, ColumnBatch batch, int row)
        {
            (string Constraint, string Detail)? broken = null;
            for (int attempt = 0; attempt < MaxDraws; attempt++)
            {
                draw(random, batch, row);
                broken = constraints.Check(batch, row);
                if (broken is null)
                {
                    return;
                }
            }

            throw new SynthKitException(ModelingErrorCodes.CannotSample, $"constraint '{broken!.Value.Constraint}' was not met in {MaxDraws:N0} draws of a row (last: {broken.Value.Detail}); the model gives it too little probability");
        }
    }

    /// <summary>A sampler of rows under <paramref name="evidence"/> (none: the plain model), with rare bins boosted.</summary>
    internal abstract RowSampler Sampler(IReadOnlyList<Evidence> evidence, double boost);
}
