using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace SynthKit.Provenance;

/// <summary>
/// Where a data file or a model came from: its generation depth (real data 0; a model fitted on data of depth k, and
/// every sample of it, depth k + 1; rule-made data 1), the share of its rows that are real, its quality summary, and
/// its parents — each with its own parents, so the chain back to the real sources' SHA-256 is in every manifest and
/// needs no other file. Written in manifest version 2 (<c>lineage</c>) and in models (<c>lineage</c>).
/// </summary>
public sealed class DataLineage
{
    /// <summary>The generation depth: 0 for real data, 1 for rule-made data or samples of a model fitted on real data, k + 1 for samples of a model fitted on depth-k data.</summary>
    public int Depth { get; init; }

    /// <summary>The share of the rows that are real (1 for real data, 0 for a sample, the recorded share for a mix); for a model, its training rows' real share.</summary>
    public double RealShare { get; init; }

    /// <summary>The fit's quality summary (SDMetrics-defined quality against held-out rows), when one was made.</summary>
    public double? Quality { get; init; }

    /// <summary>What the data or model was made from.</summary>
    public IReadOnlyList<LineageNode> Parents { get; init; } = [];

    /// <summary>The lineage of rule-made data: depth 1, no real rows, no parents.</summary>
    public static DataLineage RuleMade { get; } = new() { Depth = 1, RealShare = 0 };

    /// <summary>The lineage of a sample drawn from models: the deepest model's depth, no real rows, the models as parents.</summary>
    /// <param name="models">The models that drew the columns (<see cref="ColumnModelInfo"/>).</param>
    /// <returns>The lineage; <see cref="RuleMade"/> when no model records a lineage.</returns>
    public static DataLineage OfSample(IReadOnlyList<ColumnModelInfo> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var parents = models.Where(m => m.Lineage is not null).Select(m => new LineageNode
        {
            Kind = LineageNode.ModelKind,
            Role = "model",
            Name = m.Key,
            Sha256 = m.Sha256 ?? "",
            Rows = m.Rows,
            Synthetic = false,
            Depth = m.Lineage!.Depth,
            RealShare = m.Lineage.RealShare,
            Quality = m.Lineage.Quality,
            Parents = m.Lineage.Parents,
        }).ToArray();
        return parents.Length == 0
            ? RuleMade
            : new DataLineage { Depth = parents.Max(p => p.Depth), RealShare = 0, Quality = parents.Length == 1 ? parents[0].Quality : null, Parents = parents };
    }

    /// <summary>The lineage of a model fitted on <paramref name="inputs"/>: one deeper than the deepest, with their rows' real share.</summary>
    /// <param name="inputs">The fit's inputs (<see cref="LineageNode.Role"/> <c>fit</c>).</param>
    /// <param name="quality">The fit's quality summary, if any.</param>
    /// <returns>The model's lineage.</returns>
    public static DataLineage OfModel(IReadOnlyList<LineageNode> inputs, double? quality = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        long rows = inputs.Sum(i => i.Rows);
        return new DataLineage
        {
            Depth = inputs.Count == 0 ? 1 : inputs.Max(i => i.Depth) + 1,
            RealShare = rows == 0 ? (inputs.Count == 0 ? 0 : inputs.Average(i => i.RealShare)) : Math.Round(inputs.Sum(i => i.RealShare * i.Rows) / rows, 6),
            Quality = quality,
            Parents = inputs,
        };
    }

    /// <summary>Every real source in the chain (depth 0, not synthetic), each once, in the order met.</summary>
    /// <returns>The real sources.</returns>
    public IReadOnlyList<LineageNode> RealSources()
    {
        var found = new List<LineageNode>();
        void Walk(IEnumerable<LineageNode> nodes)
        {
            foreach (var node in nodes)
            {
                if (node.Kind == LineageNode.DataKind && !node.Synthetic && node.Depth == 0)
                {
                    if (!found.Any(f => f.Sha256 == node.Sha256))
                    {
                        found.Add(node);
                    }
                }
                else
                {
                    Walk(node.Parents);
                }
            }
        }

        Walk(Parents);
        return found;
    }

    internal void Write(Utf8JsonWriter json)
    {
        json.WriteNumber("depth", Depth);
        json.WriteNumber("realShare", RealShare);
        if (Quality is { } q)
        {
            json.WriteNumber("quality", q);
        }

        LineageNode.WriteAll(json, Parents);
    }

    internal static DataLineage Read(JsonElement element) => new()
    {
        Depth = element.GetProperty("depth").GetInt32(),
        RealShare = element.GetProperty("realShare").GetDouble(),
        Quality = element.TryGetProperty("quality", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetDouble() : null,
        Parents = LineageNode.ReadAll(element),
    };
}

/// <summary>One parent in a lineage: a data file or a model, with its own parents.</summary>
public sealed class LineageNode
{
    /// <summary><see cref="Kind"/> of a data file.</summary>
    public const string DataKind = "data";

    /// <summary><see cref="Kind"/> of a fitted model.</summary>
    public const string ModelKind = "model";

    /// <summary><c>data</c> or <c>model</c>.</summary>
    public string Kind { get; init; } = DataKind;

    /// <summary>What it was to its child: <c>fit</c> (a model's training rows), <c>model</c> (what drew a sample), <c>real</c> or <c>synthetic</c> (a mix's parts).</summary>
    public string Role { get; init; } = "fit";

    /// <summary>The file's name (no directory) or the model's key.</summary>
    public string? Name { get; init; }

    /// <summary>The SHA-256 of its bytes, lower-case hex.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>Its rows (for a model, the rows it was fitted on).</summary>
    public long Rows { get; init; }

    /// <summary>Whether it is synthetic data (its manifest says so or a watermark was found); false for real data and for models.</summary>
    public bool Synthetic { get; init; }

    /// <summary>Its generation depth.</summary>
    public int Depth { get; init; }

    /// <summary>The share of its rows that are real (for a model, of its training rows).</summary>
    public double RealShare { get; init; }

    /// <summary>The quality summary, when known.</summary>
    public double? Quality { get; init; }

    /// <summary>How it was found synthetic: <c>manifest</c>, <c>watermark</c>, or null.</summary>
    public string? Evidence { get; init; }

    /// <summary>Its own parents.</summary>
    public IReadOnlyList<LineageNode> Parents { get; init; } = [];

    /// <summary>A real data file: depth 0, every row real.</summary>
    /// <param name="name">The file's name.</param>
    /// <param name="sha256">Its SHA-256.</param>
    /// <param name="rows">Its rows.</param>
    /// <returns>The node.</returns>
    public static LineageNode Real(string? name, string sha256, long rows) => new() { Name = name, Sha256 = sha256, Rows = rows, Depth = 0, RealShare = 1 };

    /// <summary>A synthetic data file described by its manifest (<see cref="Fixtures.FixtureManifest.Lineage"/>).</summary>
    /// <param name="name">The file's name.</param>
    /// <param name="sha256">The SHA-256 of its bytes as read now.</param>
    /// <param name="rows">Its rows.</param>
    /// <param name="lineage">Its manifest's lineage (null in version-1 manifests: depth 1, no real rows).</param>
    /// <param name="role">What it is to its child.</param>
    /// <returns>The node.</returns>
    public static LineageNode Synthesized(string? name, string sha256, long rows, DataLineage? lineage, string role = "fit") => new()
    {
        Name = name,
        Role = role,
        Sha256 = sha256,
        Rows = rows,
        Synthetic = true,
        Depth = lineage?.Depth ?? 1,
        RealShare = lineage?.RealShare ?? 0,
        Quality = lineage?.Quality,
        Evidence = "manifest",
        Parents = lineage?.Parents ?? [],
    };

    /// <summary>This node in another role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>A copy.</returns>
    public LineageNode As(string role) => new()
    {
        Kind = Kind, Role = role, Name = Name, Sha256 = Sha256, Rows = Rows, Synthetic = Synthetic, Depth = Depth, RealShare = RealShare, Quality = Quality, Evidence = Evidence, Parents = Parents,
    };

    /// <summary>One line about the node (for <c>synthkit lineage</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string what = Kind == ModelKind ? "model" : Synthetic ? "synthetic data" : "real data";
        string share = RealShare.ToString("0.###", CultureInfo.InvariantCulture);
        string quality = Quality is { } q ? $", quality {q.ToString("0.000", CultureInfo.InvariantCulture)}" : "";
        string evidence = Evidence is null ? "" : $" (by its {Evidence})";
        return $"{Name ?? "(unnamed)"} [{Role}]: {what}{evidence}, depth {Depth}, {Rows.ToString("N0", CultureInfo.InvariantCulture)} rows, real share {share}{quality}, sha256 {Sha256}";
    }

    internal void Write(Utf8JsonWriter json)
    {
        json.WriteString("kind", Kind);
        json.WriteString("role", Role);
        if (Name is null)
        {
            json.WriteNull("name");
        }
        else
        {
            json.WriteString("name", Name);
        }

        json.WriteString("sha256", Sha256);
        json.WriteNumber("rows", Rows);
        json.WriteBoolean("synthetic", Synthetic);
        json.WriteNumber("depth", Depth);
        json.WriteNumber("realShare", RealShare);
        if (Quality is { } q)
        {
            json.WriteNumber("quality", q);
        }

        if (Evidence is not null)
        {
            json.WriteString("evidence", Evidence);
        }

        LineageNode.WriteAll(json, Parents);
    }

    internal static void WriteAll(Utf8JsonWriter json, IReadOnlyList<LineageNode> nodes)
    {
        json.WriteStartArray("parents");
        foreach (var node in nodes)
        {
            json.WriteStartObject();
            node.Write(json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static IReadOnlyList<LineageNode> ReadAll(JsonElement element) =>
        element.TryGetProperty("parents", out var parents) && parents.ValueKind == JsonValueKind.Array
            ? parents.EnumerateArray().Select(Read).ToArray()
            : [];

    private static LineageNode Read(JsonElement e) => new()
    {
        Kind = e.GetProperty("kind").GetString() ?? DataKind,
        Role = e.GetProperty("role").GetString() ?? "fit",
        Name = e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
        Sha256 = e.GetProperty("sha256").GetString() ?? "",
        Rows = e.GetProperty("rows").GetInt64(),
        Synthetic = e.GetProperty("synthetic").GetBoolean(),
        Depth = e.GetProperty("depth").GetInt32(),
        RealShare = e.GetProperty("realShare").GetDouble(),
        Quality = e.TryGetProperty("quality", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetDouble() : null,
        Evidence = e.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.String ? ev.GetString() : null,
        Parents = ReadAll(e),
    };
}

/// <summary>The watermark a file carries: its scheme and the key's public id (never the key).</summary>
/// <param name="Scheme">The scheme (<c>synthkit-wm1</c>).</param>
/// <param name="KeyId">The key's id: the first 16 hex digits of a SHA-256 of the key.</param>
public sealed record WatermarkInfo(string Scheme, string KeyId);
