using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SynthKit.Modeling;

/// <summary>
/// A differentially private fit (<see cref="ModelOptions.Privacy"/>): the MST mechanism's budget and the domains it may
/// use for free. Every learned column needs a declared domain — categories, or bounds for numbers — from the spec (a
/// categorical rule's values, a range rule's minimum and maximum) or from <see cref="Domains"/>; a domain is never read
/// from the data.
/// </summary>
public sealed class DifferentialPrivacy
{
    /// <summary>ε of the (ε, δ) guarantee (must be positive).</summary>
    public double Epsilon { get; init; } = 1;

    /// <summary>δ of the (ε, δ) guarantee (default 1e-9, as SmartNoise and private-pgm; must be in (0, 1)).</summary>
    public double Delta { get; init; } = 1e-9;

    /// <summary>Domains declared outside the spec, by column (they win over the spec's).</summary>
    public IReadOnlyDictionary<string, ColumnDomain>? Domains { get; init; }

    /// <summary>
    /// The seed of the noise, or null (the default) for noise from the operating system's cryptographic generator. A
    /// fixed seed makes the fit repeatable — for tests — and anyone who knows it can remove the noise: keep it secret or
    /// leave it null.
    /// </summary>
    public long? Seed { get; init; }
}

/// <summary>A column's declared domain: its categories, or the bounds its numbers are clamped to and binned within.</summary>
public sealed class ColumnDomain
{
    /// <summary>The categories, in order; values outside them are refused (SK6007).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Numbers: the lower bound (values below are clamped to it).</summary>
    public double? Min { get; init; }

    /// <summary>Numbers: the upper bound (values above are clamped to it).</summary>
    public double? Max { get; init; }

    /// <summary>
    /// Reads a domain file: a JSON object from column to either a size <c>k</c> (private-pgm's <c>domain.json</c>: the
    /// categories <c>0 … k − 1</c>), an array of categories, or <c>{"min": …, "max": …}</c>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The domains by column.</returns>
    /// <exception cref="SynthKitException">SK6007: the file is not such an object (the message names the file).</exception>
    public static IReadOnlyDictionary<string, ColumnDomain> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var domains = new Dictionary<string, ColumnDomain>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("the root is not an object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                domains[property.Name] = value.ValueKind switch
                {
                    JsonValueKind.Number when value.TryGetInt32(out int size) && size > 0 => new ColumnDomain { Categories = Enumerable.Range(0, size).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray() },
                    JsonValueKind.Array when value.GetArrayLength() > 0 => new ColumnDomain { Categories = value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToArray() },
                    JsonValueKind.Object when value.TryGetProperty("min", out var min) && value.TryGetProperty("max", out var max) && min.GetDouble() < max.GetDouble() => new ColumnDomain { Min = min.GetDouble(), Max = max.GetDouble() },
                    _ => throw new JsonException($"column '{property.Name}' is not a positive size, a non-empty array of categories or {{\"min\", \"max\"}} with min < max"),
                };
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or IOException)
        {
            throw new SynthKitException(ModelingErrorCodes.PrivacyRefused, $"{path}: not a domain file: {ex.Message}", innerException: ex);
        }

        return domains;
    }
}

/// <summary>
/// Zero-concentrated differential privacy (ρ-zCDP) and its conversion to (ε, δ)-DP by the bound of Canonne, Kamath and
/// Steinke (2020), as private-pgm's <c>cdp2adp</c> and OpenDP compute it.
/// </summary>
public static class ZeroConcentratedDp
{
    /// <summary>The smallest δ such that ρ-zCDP implies (ε, δ)-DP.</summary>
    /// <param name="rho">ρ (not negative).</param>
    /// <param name="epsilon">ε (not negative).</param>
    /// <returns>δ, at most 1.</returns>
    public static double Delta(double rho, double epsilon)
    {
        if (rho < 0 || epsilon < 0 || double.IsNaN(rho) || double.IsNaN(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), "ρ and ε must not be negative");
        }

        if (rho == 0)
        {
            return 0;
        }

        // δ = exp((α − 1)(αρ − ε) + α ln(1 − 1/α)) / (α − 1), minimised over α > 1 where its derivative in α vanishes.
        var (lo, hi) = Bisect(1.01, ((epsilon + 1) / (2 * rho)) + 2, a => (((2 * a) - 1) * rho) - epsilon + double.LogP1(-1 / a) < 0);
        double alpha = (lo + hi) / 2;

        double delta = Math.Exp(((alpha - 1) * ((alpha * rho) - epsilon)) + (alpha * double.LogP1(-1 / alpha))) / (alpha - 1);
        return Math.Min(delta, 1);
    }

    /// <summary>The largest ρ whose ρ-zCDP implies (ε, δ)-DP: the budget an (ε, δ) fit spends.</summary>
    /// <param name="epsilon">ε (positive).</param>
    /// <param name="delta">δ in (0, 1).</param>
    /// <returns>ρ.</returns>
    public static double Rho(double epsilon, double delta)
    {
        Check(epsilon, delta);
        return Bisect(0, epsilon + 1, rho => Delta(rho, epsilon) <= delta).Lo;
    }

    /// <summary>The smallest ε such that ρ-zCDP implies (ε, δ)-DP.</summary>
    /// <param name="rho">ρ (not negative).</param>
    /// <param name="delta">δ in (0, 1).</param>
    /// <returns>ε.</returns>
    public static double Epsilon(double rho, double delta)
    {
        Check(1, delta);
        return Bisect(0, rho + (2 * Math.Sqrt(rho * Math.Log(1 / delta))) + 1, epsilon => Delta(rho, epsilon) > delta).Hi;
    }

    /// <summary>Halves [lo, hi] 200 times, keeping <paramref name="low"/> true at lo and false at hi.</summary>
    private static (double Lo, double Hi) Bisect(double lo, double hi, Func<double, bool> low)
    {
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (low(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo, hi);
    }

    private static void Check(double epsilon, double delta)
    {
        if (!(epsilon > 0) || double.IsInfinity(epsilon) || !(delta > 0 && delta < 1))
        {
            throw new SynthKitException(ModelingErrorCodes.PrivacyRefused, $"ε must be positive and finite and δ in (0, 1) (got ε = {epsilon.ToString(CultureInfo.InvariantCulture)}, δ = {delta.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}

/// <summary>What a differentially private model records about its guarantee.</summary>
public sealed class PrivacyData
{
    /// <summary>The mechanism: <c>mst</c>.</summary>
    public string Mechanism { get; init; } = "";

    /// <summary>ε of the guarantee.</summary>
    public double Epsilon { get; init; }

    /// <summary>δ of the guarantee.</summary>
    public double Delta { get; init; }

    /// <summary>The ρ-zCDP budget spent (all of it: a third each on 1-way marginals, the tree's selection and its 2-way marginals).</summary>
    public double Rho { get; init; }

    /// <summary>What was measured with noise, each with its noise's standard deviation (e.g. <c>1-way age (σ 32.1)</c>).</summary>
    public IReadOnlyList<string> Measured { get; init; } = [];

    /// <summary>What was declared public and cost nothing: the domains and where they came from.</summary>
    public IReadOnlyList<string> Public { get; init; } = [];

    /// <summary>Whether the noise came from a fixed seed (repeatable; its secrecy is then part of the guarantee).</summary>
    public bool Seeded { get; init; }
}

/// <summary>
/// A budget ledger: every differentially private fit of a source (by the SHA-256 of its data), with the ρ it spent.
/// zCDP budgets add up, so the ledger refuses a fit that would take a source's total past a limit. JSON, written
/// through a temporary file.
/// </summary>
public sealed class PrivacyLedger
{
    private readonly List<PrivacyLedgerEntry> _entries;

    private PrivacyLedger(List<PrivacyLedgerEntry> entries) => _entries = entries;

    /// <summary>Every fit recorded, oldest first.</summary>
    public IReadOnlyList<PrivacyLedgerEntry> Entries => _entries;

    /// <summary>Reads a ledger file, or starts an empty ledger when the file does not exist.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="SynthKitException">SK6007: the file is not a ledger (the message names it).</exception>
    public static PrivacyLedger Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return new PrivacyLedger([]);
        }

        try
        {
            var entries = JsonSerializer.Deserialize(File.ReadAllText(path), PrivacyJsonContext.Default.ListPrivacyLedgerEntry);
            if (entries is null || entries.Any(e => e is null || string.IsNullOrEmpty(e.Source) || !(e.Rho >= 0)))
            {
                throw new JsonException("not an array of entries with a source and a non-negative rho");
            }

            return new PrivacyLedger(entries);
        }
        catch (JsonException ex)
        {
            throw new SynthKitException(ModelingErrorCodes.PrivacyRefused, $"{path}: not a budget ledger: {ex.Message}", innerException: ex);
        }
    }

    /// <summary>The ρ already spent on a source.</summary>
    /// <param name="source">The source's SHA-256.</param>
    /// <returns>The sum of its entries' ρ.</returns>
    public double Spent(string source) => _entries.Where(e => e.Source == source).Sum(e => e.Rho);

    /// <summary>
    /// Checks that a fit spending <paramref name="privacy"/>'s ρ on <paramref name="source"/> keeps the source's total within
    /// ε = <paramref name="limitEpsilon"/> at the fit's δ, and records it.
    /// </summary>
    /// <param name="source">The source's SHA-256.</param>
    /// <param name="privacy">The fit's privacy record.</param>
    /// <param name="limitEpsilon">The total ε allowed for the source at the fit's δ, or null to record without a limit.</param>
    /// <param name="model">The model's SHA-256, for the record.</param>
    /// <exception cref="SynthKitException">SK6007: the fit would take the source past the limit.</exception>
    public void Charge(string source, PrivacyData privacy, double? limitEpsilon, string model)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(privacy);
        double spent = Spent(source), after = spent + privacy.Rho;
        if (limitEpsilon is { } limit && after > ZeroConcentratedDp.Rho(limit, privacy.Delta) * (1 + 1e-12))
        {
            throw new SynthKitException(ModelingErrorCodes.PrivacyRefused, $"the ledger has ρ = {Format(spent)} spent on this source in {_entries.Count(e => e.Source == source)} fit(s); this fit's ρ = {Format(privacy.Rho)} would bring it to ρ = {Format(after)} (ε = {Format(ZeroConcentratedDp.Epsilon(after, privacy.Delta))} at δ = {Format(privacy.Delta)}), past the limit of ε = {Format(limit)}");
        }

        _entries.Add(new PrivacyLedgerEntry { Source = source, Mechanism = privacy.Mechanism, Epsilon = privacy.Epsilon, Delta = privacy.Delta, Rho = privacy.Rho, Model = model });
    }

    /// <summary>The total ε spent on a source at δ, by composing its entries' ρ.</summary>
    /// <param name="source">The source's SHA-256.</param>
    /// <param name="delta">δ.</param>
    /// <returns>ε (0 when nothing was spent).</returns>
    public double Epsilon(string source, double delta) => Spent(source) is var rho && rho > 0 ? ZeroConcentratedDp.Epsilon(rho, delta) : 0;

    /// <summary>Writes the ledger through a temporary file renamed into place.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path) => FitStatistics.Write(path, JsonSerializer.Serialize(_entries, PrivacyJsonContext.Default.ListPrivacyLedgerEntry));

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>One private fit in a <see cref="PrivacyLedger"/>.</summary>
public sealed class PrivacyLedgerEntry
{
    /// <summary>The SHA-256 of the data fitted.</summary>
    public string Source { get; init; } = "";

    /// <summary>The mechanism.</summary>
    public string Mechanism { get; init; } = "";

    /// <summary>ε of the fit.</summary>
    public double Epsilon { get; init; }

    /// <summary>δ of the fit.</summary>
    public double Delta { get; init; }

    /// <summary>The ρ the fit spent.</summary>
    public double Rho { get; init; }

    /// <summary>The SHA-256 of the model it made.</summary>
    public string Model { get; init; } = "";
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<PrivacyLedgerEntry>))]
internal sealed partial class PrivacyJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
