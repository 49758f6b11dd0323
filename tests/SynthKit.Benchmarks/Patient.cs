using System;
using SynthKit;

namespace SynthKit.Benchmarks;

/// <summary>
/// The benchmark schema of shared/bench/patient-schema.md. One class for every contender: SynthKit reads the
/// attributes; Bogus, AutoFixture and the hand-written loop ignore them and apply the same rules in their own way.
/// </summary>
[SyntheticSchema]
public sealed class Patient
{
    public Guid Id { get; set; }

    [Pii(PiiKind.FirstName)]
    public string FirstName { get; set; } = "";

    [Pii(PiiKind.LastName)]
    public string LastName { get; set; } = "";

    [Pii(PiiKind.Email)]
    public string Email { get; set; } = "";

    [DateRange("1930-01-01", "2010-12-31")]
    public DateOnly BirthDate { get; set; }

    [Normal(45, 18), Clamp(0, 100)]
    public int Age { get; set; }

    [Categorical("F", "M", "X", Weights = new[] { 0.49, 0.49, 0.02 })]
    public string Sex { get; set; } = "";

    [Pattern("#####")]
    public string Zip { get; set; } = "";

    [Categorical(
        "Hypertension", "Type 2 diabetes", "Hyperlipidemia", "Asthma", "COPD", "Depression", "Anxiety",
        "Osteoarthritis", "Coronary artery disease", "Chronic kidney disease", "Heart failure", "Migraine",
        Weights = new[] { 0.18, 0.12, 0.11, 0.08, 0.06, 0.09, 0.08, 0.07, 0.06, 0.05, 0.04, 0.06 })]
    public string Diagnosis { get; set; } = "";

    [LogNormal(10.5, 0.6)]
    public double Income { get; set; }

    [Probability(0.2)]
    public bool Smoker { get; set; }

    [DateRange("2023-01-01", "2025-01-01")]
    public DateTime AdmittedAt { get; set; }

    internal static readonly string[] Diagnoses =
    [
        "Hypertension", "Type 2 diabetes", "Hyperlipidemia", "Asthma", "COPD", "Depression", "Anxiety",
        "Osteoarthritis", "Coronary artery disease", "Chronic kidney disease", "Heart failure", "Migraine",
    ];

    internal static readonly double[] DiagnosisWeights = [0.18, 0.12, 0.11, 0.08, 0.06, 0.09, 0.08, 0.07, 0.06, 0.05, 0.04, 0.06];
}
