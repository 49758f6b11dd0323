using System;
using SynthKit;

namespace Clinic;

/// <summary>A clinic patient. The attributes state what is personal data and how synthetic values are made.</summary>
[Provenance(
    Source = "Hand-written rules; marginals loosely follow public US outpatient statistics",
    Purpose = "Demo data and test fixtures for the Clinic sample",
    Owner = "SynthKit samples",
    License = "MIT")]
public sealed class Patient
{
    public Guid Id { get; init; }

    [Pii(PiiKind.FirstName)]
    public required string FirstName { get; init; }

    [Pii(PiiKind.LastName)]
    public required string LastName { get; init; }

    /// <summary>Derived from the same row's first and last name.</summary>
    [Pii(PiiKind.Email)]
    public required string Email { get; init; }

    [Pii(PiiKind.DateOfBirth), QuasiIdentifier]
    [DateRange("1930-01-01", "2010-12-31")]
    public DateOnly BirthDate { get; init; }

    [Sensitive(Category = "health")]
    [Normal(120, 15), Clamp(80, 200)]
    public int SystolicBloodPressure { get; init; }

    [QuasiIdentifier]
    [Categorical("F", "M", "X", Weights = new[] { 0.49, 0.49, 0.02 })]
    public required string Sex { get; init; }

    [QuasiIdentifier]
    [Pattern("#####")]
    public required string Zip { get; init; }

    [Sensitive(Category = "health")]
    [Categorical(
        "Hypertension", "Type 2 diabetes", "Hyperlipidemia", "Asthma", "COPD", "Depression",
        "Anxiety", "Osteoarthritis", "Coronary artery disease", "Chronic kidney disease", "Heart failure", "Migraine",
        Weights = new[] { 0.18, 0.12, 0.11, 0.08, 0.06, 0.09, 0.08, 0.07, 0.06, 0.05, 0.04, 0.06 })]
    public required string Diagnosis { get; init; }

    [Sensitive(Category = "financial")]
    [LogNormal(10.5, 0.6), Round(2)]
    public double Income { get; init; }

    [Sensitive(Category = "health")]
    [Probability(0.2)]
    public bool Smoker { get; init; }
}
