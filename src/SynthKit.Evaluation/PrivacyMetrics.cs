namespace SynthKit.Evaluation;

/// <summary>Privacy metrics, exact.</summary>
internal static class PrivacyMetrics
{
    public static PrivacyReport? Compute(EvalContext context, EvaluationOptions options) => null;
}

/// <summary>Privacy metrics of an evaluation.</summary>
public sealed class PrivacyReport
{
}
