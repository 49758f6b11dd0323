using System;
using System.IO;
using System.Linq;
using SynthKit.Fixtures;

namespace Clinic.Tests;

/// <summary>The fixtures the build writes: current with their schemas, and readable back into the model.</summary>
public class FixtureTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    [Fact]
    public void The_committed_fixtures_match_their_schemas_and_manifests()
    {
        var patients = FixtureFiles.Verify(Fixture("patients.csv"), new PatientSynthesizer(seed: 42), new FixtureSpec(Fixture("patients.csv"), rows: 500, seed: 42));
        var admissions = FixtureFiles.Verify(Fixture("admissions.jsonl"), new AdmissionSynthesizer(seed: 42), new FixtureSpec(Fixture("admissions.jsonl"), rows: 200, seed: 42));

        Assert.Equal(FixtureStatus.Verified, patients.Status);
        Assert.Equal(FixtureStatus.Verified, admissions.Status);
    }

    [Fact]
    public void The_patients_fixture_reads_back_into_patients_with_the_manifest_s_privacy_marks()
    {
        using var stream = File.OpenRead(Fixture("patients.csv"));
        var rows = PatientSynthesizer.ReadCsv(stream, "patients.csv").ToList();
        var manifest = FixtureManifest.Parse(File.ReadAllBytes(Fixture("patients.csv") + FixtureManifest.Suffix));

        Assert.Equal(500, rows.Count);
        Assert.Equal(manifest.Rows, rows.Count);
        Assert.True(manifest.Synthetic);
        Assert.All(rows, p => Assert.InRange(p.SystolicBloodPressure, 80, 200));
        Assert.Contains(manifest.PersonalData, c => c.Column == nameof(Patient.Email) && c.Kind == "Email");
        Assert.Contains(nameof(Patient.Zip), manifest.QuasiIdentifiers);
    }
}
