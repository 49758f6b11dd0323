using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SynthKit.Evaluation;

/// <summary>
/// A bound on one figure of a report, as CI states it: <c>quality&gt;=0.9</c>, <c>privacy.membershipInference.auc&lt;=0.6</c>,
/// <c>privacy.exactMatches.share==0</c>. The metric is a path into the JSON report; a path that ends on an object with
/// a <c>score</c> means that score (<c>quality</c> is <c>quality.score</c>).
/// </summary>
public sealed class ReportGate
{
    private static readonly string[] Operators = [">=", "<=", "==", "!=", ">", "<"];

    private ReportGate(string text, string metric, string op, double bound)
    {
        Text = text;
        Metric = metric;
        Operator = op;
        Bound = bound;
    }

    /// <summary>The gate as written.</summary>
    public string Text { get; }

    /// <summary>The metric's path in the report.</summary>
    public string Metric { get; }

    /// <summary>One of <c>&gt;=</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&lt;</c>, <c>==</c>, <c>!=</c>.</summary>
    public string Operator { get; }

    /// <summary>The bound (invariant culture).</summary>
    public double Bound { get; }

    /// <summary>Reads a gate.</summary>
    /// <param name="text">The gate, e.g. <c>quality&gt;=0.9</c>.</param>
    /// <returns>The gate.</returns>
    /// <exception cref="SynthKitException">SK6102: the text is not <c>metric operator number</c>.</exception>
    public static ReportGate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var op in Operators)
        {
            int at = text.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            string metric = text[..at].Trim();
            string number = text[(at + op.Length)..].Trim();
            if (ReportPaths.Split(metric) is null || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double bound) || !double.IsFinite(bound))
            {
                break;
            }

            return new ReportGate(text, metric, op, bound);
        }

        throw new SynthKitException(EvaluationErrorCodes.InvalidGate, $"the gate '{text}' is not 'metric operator number' (operators >=, <=, >, <, ==, !=; e.g. \"quality>=0.9\")");
    }

    /// <summary>Checks the gate against a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The metric's value and whether the gate holds (it does not when the metric has no value).</returns>
    /// <exception cref="SynthKitException">SK6102: the report has no such metric.</exception>
    public GateResult Check(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Check(JsonNode.Parse(report.ToJsonBytes())!);
    }

    internal GateResult Check(JsonNode report)
    {
        double? value = ReportPaths.Find(report, Metric, out bool exists);
        if (!exists)
        {
            throw new SynthKitException(EvaluationErrorCodes.InvalidGate, $"the gate '{Text}' names '{Metric}', which the report does not have (see docs/evaluation.md for the metric names)");
        }

        bool holds = value is { } v && Operator switch
        {
            ">=" => v >= Bound,
            "<=" => v <= Bound,
            ">" => v > Bound,
            "<" => v < Bound,
            "==" => v == Bound,
            _ => v != Bound,
        };
        return new GateResult(this, value, holds);
    }
}

/// <summary>The outcome of one gate.</summary>
/// <param name="Gate">The gate.</param>
/// <param name="Value">The metric's value, or null when it could not be computed.</param>
/// <param name="Holds">Whether the bound holds.</param>
public sealed record GateResult(ReportGate Gate, double? Value, bool Holds)
{
    /// <summary>The SK6101 line for a gate that does not hold.</summary>
    /// <returns>The message.</returns>
    public string Describe() => Value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{Gate.Metric} = {v:0.######} does not satisfy {Gate.Operator} {Gate.Bound}")
        : $"{Gate.Metric} has no value (it could not be computed for these tables), so '{Gate.Text}' does not hold";
}
