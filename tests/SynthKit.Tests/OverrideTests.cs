using System.Linq;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class OverrideTests
{
    [Fact]
    public void A_constant_override_replaces_the_member_in_every_row_and_leaves_the_original_alone()
    {
        var original = new BenchPatientSynthesizer(1);
        var smokers = original.WithSmoker(true);

        Assert.All(smokers.Generate(100), p => Assert.True(p.Smoker));
        Assert.Contains(original.Generate(100), p => !p.Smoker);
    }

    [Fact]
    public void A_factory_override_gets_the_cells_seeded_randomness_and_the_row_index()
    {
        var synthesizer = new BenchPatientSynthesizer(1).WithAge(r => 1000 + (int)r.Index).WithZip(r => r.Int32(10000, 99999).ToString());

        var rows = synthesizer.Generate(50).ToList();

        Assert.Equal(Enumerable.Range(1000, 50), rows.Select(r => r.Age));
        Assert.Equal(rows.Select(r => r.Zip), synthesizer.Generate(50).Select(r => r.Zip));
    }

    [Fact]
    public void Overrides_leave_other_members_untouched()
    {
        var plain = new BenchPatientSynthesizer(2).Generate(100).ToList();
        var changed = new BenchPatientSynthesizer(2).WithDiagnosis("Flu").Generate(100).ToList();

        Assert.Equal(plain.Select(p => (p.Id, p.Email, p.Income)), changed.Select(p => (p.Id, p.Email, p.Income)));
        Assert.All(changed, p => Assert.Equal("Flu", p.Diagnosis));
    }

    [Fact]
    public void The_email_follows_an_overridden_first_name()
    {
        var rows = new BenchPatientSynthesizer(3).WithFirstName("Zebedee").Generate(30).ToList();

        Assert.All(rows, p => Assert.StartsWith("Zebedee", p.Email));
    }

    [Fact]
    public void Emails_and_user_names_derive_from_the_same_rows_names()
    {
        var people = new PersonRecordSynthesizer(6).Generate(200).ToList();
        var patients = new BenchPatientSynthesizer(6).Generate(200).ToList();

        Assert.All(patients, p => Assert.StartsWith(p.FirstName.Replace("'", string.Empty), p.Email));
        Assert.All(people, p => Assert.Equal(p.First + " " + p.Last, p.Full));
        Assert.All(people, p => Assert.StartsWith(p.First.Replace("'", string.Empty), p.Handle));
    }
}
