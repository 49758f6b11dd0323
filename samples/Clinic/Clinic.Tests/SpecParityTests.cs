using System.IO;
using SynthKit;
using SynthKit.Fixtures;

namespace Clinic.Tests;

/// <summary>The sample's schemas from their column specs alone: the committed fixtures' exact bytes, with no C#.</summary>
public class SpecParityTests
{
    [Theory]
    [InlineData("patients.csv", 500)]
    [InlineData("admissions.jsonl", 200)]
    public void A_spec_synthesizer_reproduces_the_committed_fixture_byte_for_byte(string fixture, int rows)
    {
        TableSpec spec = fixture.StartsWith("patients", System.StringComparison.Ordinal) ? PatientSynthesizer.Spec : AdmissionSynthesizer.Spec;
        var fromSpec = new SpecSynthesizer(TableSpec.FromJson(spec.ToJson()), seed: 42);
        string path = Path.Combine(System.AppContext.BaseDirectory, "fixtures", fixture);

        byte[] rendered = FixtureFiles.Render(fromSpec, new FixtureSpec(path, rows, 42));

        Assert.Equal(File.ReadAllBytes(path), rendered);
    }
}
