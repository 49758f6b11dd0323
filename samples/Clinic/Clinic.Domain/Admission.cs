using System;
using SynthKit;

namespace Clinic;

/// <summary>How urgently a patient was admitted.</summary>
public enum Triage
{
    Emergency,
    Urgent,
    Routine,
}

/// <summary>A hospital admission: a positional record whose parameters carry the generation rules.</summary>
[Provenance(
    Source = "Hand-written rules",
    Purpose = "Demo data and test fixtures for the Clinic sample",
    Owner = "SynthKit samples",
    License = "MIT")]
public sealed record Admission(
    [Unique, Pattern("ADM-######")] string Code,
    [Categorical("Cardiology", "Oncology", "Orthopedics", "Neurology", "Pediatrics", "General medicine")] string Ward,
    Triage Triage,
    [DateRange("2023-01-01", "2025-01-01")] DateTime AdmittedAt,
    [Poisson(4), Clamp(1, 60)] int LengthOfStayDays,
    [Pii(PiiKind.FullName)] string AttendingPhysician,
    [Fake(FakeKind.Sentence), NullRate(0.3)] string? DischargeNote);
