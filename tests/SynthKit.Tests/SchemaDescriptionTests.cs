using System;
using System.Linq;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class SchemaDescriptionTests
{
    [Fact]
    public void Columns_carry_names_types_kinds_privacy_marks_and_rules()
    {
        var schema = BenchPatientSynthesizer.Schema;

        Assert.Equal("BenchPatient", schema.Name);
        Assert.Equal(typeof(BenchPatient), schema.ClrType);
        Assert.Equal(12, schema.Columns.Count);

        var email = schema.FindColumn("Email")!;
        Assert.Equal((typeof(string), ColumnKind.PersonalData, PiiKind.Email), (email.ClrType, email.Kind, email.Pii));
        Assert.Equal("fake Email of FirstName LastName", email.Rule);

        var age = schema.FindColumn("Age")!;
        Assert.Equal((ColumnKind.Discrete, true, "Normal(mean: 45, sd: 18) | round | clamp(0, 100)"), (age.Kind, age.IsQuasiIdentifier, age.Rule));

        var sex = schema.FindColumn("Sex")!;
        Assert.Equal(ColumnKind.Categorical, sex.Kind);
        Assert.Equal(["F", "M", "X"], sex.Categories);

        Assert.Equal(ColumnKind.Identifier, schema.FindColumn("Id")!.Kind);
        Assert.Equal(ColumnKind.Continuous, schema.FindColumn("Income")!.Kind);
        Assert.True(schema.FindColumn("Income")!.IsSensitive);
        Assert.Equal(ColumnKind.Boolean, schema.FindColumn("Smoker")!.Kind);
        Assert.Equal(ColumnKind.DateTime, schema.FindColumn("AdmittedAt")!.Kind);
        Assert.Null(schema.FindColumn("Nope"));
    }

    [Fact]
    public void Provenance_comes_from_the_attribute()
    {
        var provenance = BenchPatientSynthesizer.Schema.Provenance!;

        Assert.Equal(("shared/bench/patient-schema.md", "tests", "SynthKit", "MIT"), (provenance.Source, provenance.Purpose, provenance.Owner, provenance.License));
        Assert.Null(AllTypesSynthesizer.Schema.Provenance);
    }

    [Fact]
    public void Nested_members_are_dotted_columns_and_nullability_propagates()
    {
        var schema = HouseholdSynthesizer.Schema;

        Assert.Equal(["Name", "Home.Street", "Home.City", "Home.PostalCode", "Home.Door", "Holiday.Street", "Holiday.City", "Holiday.PostalCode", "Holiday.Door", "Members"], schema.Columns.Select(c => c.Name));
        Assert.False(schema.FindColumn("Home.City")!.IsNullable);
        Assert.True(schema.FindColumn("Holiday.City")!.IsNullable);
        Assert.Equal(PiiKind.City, schema.FindColumn("Holiday.City")!.Pii);
        Assert.Equal(["Red", "Green", "Blue"], schema.FindColumn("Home.Door")!.Categories);
    }

    [Fact]
    public void Lists_are_described_as_collections_with_their_element_columns()
    {
        var schema = OrderSynthesizer.Schema;

        Assert.Equal(["Number", "CustomerEmail"], schema.Columns.Select(c => c.Name));
        Assert.Equal(["Lines", "Featured", "Extras", "Returns"], schema.Collections.Select(c => c.Name));
        var lines = schema.Collections[0];
        Assert.Equal((typeof(OrderLine), 0, 4), (lines.ElementType, lines.MinCount, lines.MaxCount));
        Assert.Equal(["Product", "Quantity", "Price"], lines.ElementColumns.Select(c => c.Name));
    }

    [Fact]
    public void Fingerprints_are_stable_hex_and_differ_between_schemas()
    {
        string[] fingerprints =
        [
            BenchPatientSynthesizer.Schema.Fingerprint, AllTypesSynthesizer.Schema.Fingerprint,
            VersionASynthesizer.Schema.Fingerprint, VersionBSynthesizer.Schema.Fingerprint,
        ];

        Assert.All(fingerprints, f => Assert.Matches("^[0-9a-f]{64}$", f));
        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
        // The spec carries the generated fingerprint through its JSON form, so tools reading a spec file see the same one.
        Assert.Equal(BenchPatientSynthesizer.Schema.Fingerprint, TableSpec.FromJson(BenchPatientSynthesizer.Spec.ToJson()).ComputeFingerprint());
    }

    [Fact]
    public void Ignored_and_computed_members_are_not_columns_and_keep_their_defaults()
    {
        var row = new AllTypesSynthesizer(1).Create(0);

        Assert.Null(AllTypesSynthesizer.Schema.FindColumn("Ignored"));
        Assert.Null(AllTypesSynthesizer.Schema.FindColumn("Computed"));
        Assert.NotNull(AllTypesSynthesizer.Schema.FindColumn("Field"));
        Assert.Equal("untouched", row.Ignored);
    }

    [Fact]
    public void The_non_generic_interface_exposes_the_same_schema_and_output()
    {
        ISynthesizer synthesizer = new BenchPatientSynthesizer(3);
        using var viaInterface = new System.IO.MemoryStream();
        using var direct = new System.IO.MemoryStream();

        synthesizer.WriteCsv(viaInterface, 0, 20);
        new BenchPatientSynthesizer(3).WriteCsv(direct, 20);

        Assert.Same(BenchPatientSynthesizer.Schema, synthesizer.Schema);
        Assert.Equal(typeof(BenchPatient), synthesizer.RowType);
        Assert.Equal(3, synthesizer.Seed);
        Assert.Equal(direct.ToArray(), viaInterface.ToArray());
    }
}

internal static class SynthesizerExtensions
{
    public static SchemaDescription Schema(this ISynthesizer synthesizer) => synthesizer.Schema;
}
