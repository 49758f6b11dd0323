using System;
using System.Linq;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class UniquenessTests
{
    [Fact]
    public void Unique_members_never_repeat_within_a_seed()
    {
        var rows = new UniquesSynthesizer(3).Generate(200).ToList();

        Assert.Equal(200, rows.Select(r => r.Small).Distinct().Count());
        Assert.Equal(200, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(200, rows.Select(r => r.Code).Distinct().Count());
        Assert.Equal(200, rows.Select(r => r.Email).Distinct().Count());
        Assert.Equal(200, rows.Select(r => r.Day).Distinct().Count());
        Assert.Equal(200, rows.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void A_unique_column_over_a_small_domain_is_a_permutation_of_it()
    {
        var values = new UniquesSynthesizer(3).Generate(200).Select(r => r.Small).ToList();

        Assert.Equal(Enumerable.Range(1, 200), values.Order());
        Assert.NotEqual(Enumerable.Range(1, 200), values); // shuffled, not counted
    }

    [Fact]
    public void Uniqueness_holds_across_slices_because_it_depends_on_the_row_index_only()
    {
        var synthesizer = new UniquesSynthesizer(5);
        var values = synthesizer.Generate(0, 100).Concat(synthesizer.Generate(150, 50)).Concat(synthesizer.Generate(100, 50))
            .Select(r => r.Small).ToList();

        Assert.Equal(200, values.Distinct().Count());
    }

    [Fact]
    public void Asking_for_more_rows_than_the_domain_holds_is_a_coded_error()
    {
        var synthesizer = new UniquesSynthesizer(3);

        var error = Assert.Throws<SynthKitException>(() => synthesizer.Create(200));

        Assert.Equal("SK4003", error.Code);
        Assert.Contains("Uniques.Small", error.Message);
    }

    [Fact]
    public void Unique_enum_members_walk_every_value_once()
    {
        var days = new UniqueDaysSynthesizer(1).Generate(5).Select(r => r.Day).ToList();

        Assert.Equal(Enum.GetValues<Weekday>().Order(), days.Order());
        Assert.Throws<SynthKitException>(() => new UniqueDaysSynthesizer(1).Generate(6).ToList());
    }

    [Fact]
    public void Unique_fakes_carry_the_row_number_and_stay_valid()
    {
        var emails = new UniquesSynthesizer(3).Generate(50).Select(r => r.Email).ToList();
        var validator = new System.ComponentModel.DataAnnotations.EmailAddressAttribute();

        Assert.All(emails, e => Assert.True(validator.IsValid(e), e));
        Assert.Contains("49@", emails[49]);
    }
}
