using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthKit.Modeling;

/// <summary>
/// What a fitted Gaussian copula holds — aggregates only: per column its null share and either quantile knots of its
/// values (point masses show as repeated knots) or its categories' shares, and the correlation of the columns' normal
/// scores. No real row is stored. Versioned JSON (<see cref="ToJson"/>), the same bytes for the same data and options.
/// </summary>
public sealed class CopulaModel
{
    /// <summary>The version of the model's JSON shape (1).</summary>
    public int ModelVersion { get; init; } = 1;

    /// <summary>The table the model was fitted on (the spec's name).</summary>
    public string Table { get; init; } = "";

    /// <summary>How many real rows were read.</summary>
    public int Rows { get; init; }

    /// <summary>The smallest count a category or a quantile step stands for (<see cref="CopulaOptions.MinimumCount"/>).</summary>
    public int MinimumCount { get; init; }

    /// <summary>The learned columns' marginals, in spec order.</summary>
    public IReadOnlyList<Marginal> Marginals { get; init; } = [];

    /// <summary>Columns the model did not read, and why (personal data, identifiers, text, unsupported storage).</summary>
    public IReadOnlyList<NotLearned> NotLearned { get; init; } = [];

    /// <summary>The correlation matrix of the normal scores, row by row (rounded to 12 significant digits).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Correlation { get; init; } = [];

    /// <summary>The model as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ModelJsonContext.Default.CopulaModel);

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SynthKitException">SK6001: not a model of this version.</exception>
    public static CopulaModel FromJson(string json)
    {
        CopulaModel? model;
        try
        {
            model = JsonSerializer.Deserialize(json, ModelJsonContext.Default.CopulaModel);
        }
        catch (JsonException ex)
        {
            throw new SynthKitException(ModelingErrorCodes.InvalidModel, $"the model is not valid JSON of the expected shape: {ex.Message}", innerException: ex);
        }

        if (model is null || model.ModelVersion != 1 || model.Correlation.Count != model.Marginals.Count)
        {
            throw new SynthKitException(ModelingErrorCodes.InvalidModel, "the model is not a version-1 copula model with one correlation row per marginal");
        }

        return model;
    }
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
    public IReadOnlyList<double>? Knots { get; init; }

    /// <summary>Numbers: whether every value was whole (samples are rounded).</summary>
    public bool Integral { get; init; }

    /// <summary>Categories: the values, most frequent first.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Categories: each value's share of the non-null rows.</summary>
    public IReadOnlyList<double>? Shares { get; init; }
}

/// <summary>A column the model does not learn.</summary>
public sealed class NotLearned
{
    /// <summary>The column.</summary>
    public string Column { get; init; } = "";

    /// <summary>Why: <c>personal data</c>, <c>identifier</c>, <c>text</c>, or <c>storage type</c>.</summary>
    public string Reason { get; init; } = "";
}

/// <summary>The codes modeling reports.</summary>
public static class ModelingErrorCodes
{
    /// <summary>SK6000: the data cannot be fitted (no rows, nothing to learn).</summary>
    public const string CannotFit = "SK6000";

    /// <summary>SK6001: a model file that is not a model of this version.</summary>
    public const string InvalidModel = "SK6001";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CopulaModel))]
internal sealed partial class ModelJsonContext : JsonSerializerContext
{
}
