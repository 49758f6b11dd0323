using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using SynthKit.Fixtures;

namespace SynthKit.Provenance;

/// <summary>
/// When a fit may read synthetic data: never, by default; with <see cref="AllowSynthetic"/>, only when at least
/// <see cref="MinRealShare"/> of its rows are real and the model stays within <see cref="MaxDepth"/> generations of
/// real data. Recursive training on a model's own output loses the tails and shrinks the variance within a few
/// generations unless enough fresh real data enters each one (Shumailov et al. 2024; Alemohammad et al. 2024).
/// </summary>
public sealed class SyntheticDataRule
{
    /// <summary>The smallest real share <see cref="MinRealShare"/> defaults to (0.5).</summary>
    public const double DefaultMinRealShare = 0.5;

    /// <summary>The deepest model <see cref="MaxDepth"/> allows by default (3: real → model 1 → mixed → model 2 → mixed → model 3).</summary>
    public const int DefaultMaxDepth = 3;

    /// <summary>Whether synthetic input may be fitted at all (under the share and depth limits).</summary>
    public bool AllowSynthetic { get; init; }

    /// <summary>The smallest share of real rows a synthetic input must carry (its manifest's <c>lineage.realShare</c>).</summary>
    public double MinRealShare { get; init; } = DefaultMinRealShare;

    /// <summary>The deepest generation a model fitted on synthetic input may be.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Keys whose watermark marks a file as synthetic even without its manifest.</summary>
    public IReadOnlyList<WatermarkKey> Keyring { get; init; } = [];
}

/// <summary>
/// The guard against training on synthetic data: finds what a fit's input is (its manifest beside it, a dataset
/// manifest over its directory, or a watermark of a key in the keyring) and refuses it (SK6201) unless the rule allows.
/// </summary>
public static class LineageGuard
{
    /// <summary>What a data file is: real (depth 0) unless its manifest or a watermark says otherwise.</summary>
    /// <param name="path">The data file.</param>
    /// <param name="rows">Its rows, as read.</param>
    /// <param name="keyring">Keys whose watermark marks data as synthetic.</param>
    /// <returns>Its lineage node (role <c>fit</c>).</returns>
    public static LineageNode Inspect(string path, long rows, IReadOnlyList<WatermarkKey>? keyring = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        string sha256;
        using (var stream = File.OpenRead(path))
        {
            sha256 = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        }

        string manifestPath = FixtureManifest.PathFor(path);
        if (File.Exists(manifestPath))
        {
            DataLineage? lineage;
            try
            {
                lineage = FixtureManifest.Parse(File.ReadAllBytes(manifestPath), manifestPath).Lineage;
            }
            catch (SynthKitException)
            {
                lineage = null; // a damaged manifest still says the file is synthetic
            }

            return LineageNode.Synthesized(name, sha256, rows, lineage);
        }

        string dataset = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", ShardLayout.ManifestName);
        if (File.Exists(dataset) && name.StartsWith("part-", StringComparison.Ordinal))
        {
            DataLineage? lineage = null;
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(dataset));
                if (document.RootElement.TryGetProperty("lineage", out var l) && l.ValueKind == JsonValueKind.Object)
                {
                    lineage = DataLineage.Read(l);
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                lineage = null;
            }

            return LineageNode.Synthesized(name, sha256, rows, lineage);
        }

        if (keyring is { Count: > 0 } && !path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            var text = Watermark.ReadText(path);
            foreach (var key in keyring)
            {
                var found = Watermark.Detect(text, key);
                if (found.Detected)
                {
                    return new LineageNode
                    {
                        Name = name, Sha256 = sha256, Rows = rows, Synthetic = true, Depth = 1, RealShare = 0,
                        Evidence = $"watermark of key {key.Name ?? key.Id} (p = 1e{Math.Floor(found.Log10PValue).ToString(CultureInfo.InvariantCulture)})",
                    };
                }
            }
        }

        return LineageNode.Real(name, sha256, rows);
    }

    /// <summary>Refuses an input the rule does not allow.</summary>
    /// <param name="input">What the input is (<see cref="Inspect"/>).</param>
    /// <param name="path">The input's path, for the error.</param>
    /// <param name="rule">The rule.</param>
    /// <exception cref="SynthKitException">SK6201: the input is synthetic and the rule is not met.</exception>
    public static void Check(LineageNode input, string path, SyntheticDataRule rule)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rule);
        if (!input.Synthetic)
        {
            return;
        }

        string share = input.RealShare.ToString("0.###", CultureInfo.InvariantCulture);
        string what = $"'{path}' is synthetic data (by its {input.Evidence ?? "manifest"}), generation depth {input.Depth}, real share {share}";
        if (!rule.AllowSynthetic)
        {
            throw new SynthKitException(ProvenanceErrorCodes.SyntheticInput, $"{what}: fitting on synthetic data is refused, since models trained on their own output lose their tails within a few generations. Mix in real rows (synthkit mix --real-share {SyntheticDataRule.DefaultMinRealShare.ToString(CultureInfo.InvariantCulture)} or more) and fit with --allow-synthetic, or fit the real data.", path);
        }

        if (input.RealShare < rule.MinRealShare)
        {
            throw new SynthKitException(ProvenanceErrorCodes.SyntheticInput, $"{what}: its real share is below the {rule.MinRealShare.ToString("0.###", CultureInfo.InvariantCulture)} the rule asks (--min-real-share). Mix in more real rows with synthkit mix.", path);
        }

        if (input.Depth + 1 > rule.MaxDepth)
        {
            throw new SynthKitException(ProvenanceErrorCodes.SyntheticInput, $"{what}: a model fitted on it would be {input.Depth + 1} generations from real data, beyond the limit of {rule.MaxDepth} (--max-depth). Fit on data nearer the real source.", path);
        }
    }
}
