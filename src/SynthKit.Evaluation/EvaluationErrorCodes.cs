namespace SynthKit.Evaluation;

/// <summary>The SK61xx codes evaluation reports (docs/diagnostics).</summary>
public static class EvaluationErrorCodes
{
    /// <summary>SK6100: the tables cannot be evaluated together (a column the spec names is missing, a table is empty, options contradict each other).</summary>
    public const string InvalidInput = "SK6100";

    /// <summary>SK6101: a gate does not hold (the metric's value is outside its bound).</summary>
    public const string GateFailed = "SK6101";

    /// <summary>SK6102: a gate cannot be read (syntax, or a metric the report does not have).</summary>
    public const string InvalidGate = "SK6102";
}
