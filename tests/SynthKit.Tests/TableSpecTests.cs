using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>The column spec: JSON round trip against its documented schema, kinds apart from privacy roles, validation.</summary>
public class TableSpecTests
{
    private static readonly string Docs = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs"));

    [Fact]
    public async Task Every_generated_spec_validates_against_the_documented_json_schema_and_round_trips()
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(Docs, "spec.schema.json")));
        foreach (var spec in new[] { AllTypesSynthesizer.Spec, DistributionsSynthesizer.Spec, HouseholdSynthesizer.Spec, PersonalDataSynthesizer.Spec, UniquesSynthesizer.Spec, PairedSynthesizer.Spec, SdvMetadata.Load(Path.Combine(ColumnReaderTests.Datasets, "adult.meta.json")) })
        {
            string json = spec.ToJson();
            var errors = schema.Validate(json);
            Assert.True(errors.Count == 0, spec.Name + ": " + string.Join("; ", errors.Select(e => e.Path + " " + e.Kind)));
            Assert.Equal(json, TableSpec.FromJson(json).ToJson());
        }
    }

    [Fact]
    public async Task The_json_schema_rejects_what_the_reader_rejects()
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(Docs, "spec.schema.json")));
        string bad = "{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int33\",\"kind\":\"numerical\"}]}";
        Assert.NotEmpty(schema.Validate(bad));
        Assert.Equal(ErrorCodes.InvalidSpec, Assert.Throws<SynthKitException>(() => TableSpec.FromJson(bad)).Code);
    }

    [Fact]
    public void A_personal_date_of_birth_is_still_a_date()
    {
        var birth = PersonalDataSynthesizer.Spec.Columns.Single(c => c.Privacy?.Pii == PiiKind.DateOfBirth && c.Type == StorageType.Date);
        Assert.Equal(StatisticalKind.Datetime, birth.Kind);
        Assert.True(birth.IsPersonalData);
    }

    [Fact]
    public void The_spec_states_rules_as_data()
    {
        var spec = DistributionsSynthesizer.Spec;
        var normal = spec.FindColumn("ClampedNormal")!;
        Assert.Equal((RuleKind.Normal, 50.0, 10.0, 40.0, 60.0), (normal.Rule.Kind, normal.Rule.Mean!.Value, normal.Rule.Sd!.Value, normal.Modifiers!.ClampMin!.Value, normal.Modifiers.ClampMax!.Value));
        var weighted = spec.FindColumn("Weighted")!;
        Assert.Equal(new[] { "a", "b", "c", "d" }, weighted.Rule.Values);
        Assert.Equal(new[] { 0.1, 0.2, 0.3, 0.4 }, weighted.Rule.Weights);
        Assert.Equal(("2020-01-01", "2020-01-10"), (spec.FindColumn("Day")!.Rule.From, spec.FindColumn("Day")!.Rule.To));
        Assert.Equal(("Weekday", StorageType.Enum), (spec.FindColumn("AnyDay")!.EnumType!.Split('.').Last(), spec.FindColumn("AnyDay")!.Type));
        Assert.Equal(DistributionsSynthesizer.Schema.Fingerprint, spec.Fingerprint);
    }

    [Theory]
    [InlineData("{\"kind\":\"normal\",\"mean\":1}", "normal needs a finite mean and a positive sd")]
    [InlineData("{\"kind\":\"uniform\",\"min\":5,\"max\":1}", "uniform needs finite min ≤ max")]
    [InlineData("{\"kind\":\"categorical\",\"values\":[\"1\",\"x\"]}", "'x' is not a value of type Int32")]
    [InlineData("{\"kind\":\"categorical\",\"values\":[\"1\",\"2\"],\"weights\":[1]}", "one finite, non-negative weight per value")]
    [InlineData("{\"kind\":\"pattern\",\"pattern\":\"##\"}", "pattern needs a string column")]
    [InlineData("{\"kind\":\"fake\",\"fake\":\"Nope\"}", "'Nope' is not a PiiKind or FakeKind")]
    [InlineData("{\"kind\":\"dateRange\",\"from\":\"2020-01-01\",\"to\":\"2019-01-01\"}", "dateRange draws dates")]
    [InlineData("{\"kind\":\"bernoulli\",\"p\":0.5}", "bernoulli draws booleans")]
    [InlineData("{\"kind\":\"logNormal\",\"mu\":0,\"sigma\":-1}", "logNormal needs a finite mu and a positive sigma")]
    [InlineData("{\"kind\":\"exponential\",\"rate\":0}", "exponential needs a positive rate")]
    [InlineData("{\"kind\":\"poisson\"}", "poisson needs a positive lambda")]
    [InlineData("{\"kind\":\"zipf\",\"s\":1,\"n\":0}", "zipf needs a positive s and n ≥ 1")]
    [InlineData("{\"kind\":\"gamma\",\"shape\":1}", "gamma needs a positive shape and rate")]
    [InlineData("{\"kind\":\"beta\",\"alpha\":1,\"beta\":0}", "beta needs a positive alpha and beta")]
    [InlineData("{\"kind\":\"triangular\",\"min\":0,\"mode\":5,\"max\":2}", "triangular needs min ≤ mode ≤ max")]
    [InlineData("{\"kind\":\"categorical\"}", "categorical needs values")]
    [InlineData("{\"kind\":\"categorical\",\"values\":[null]}", "null is a categorical value only of a nullable string column")]
    [InlineData("{\"kind\":\"uniform\",\"min\":1}", "uniform needs finite min ≤ max")]
    public void Rules_that_cannot_work_are_sk4006_naming_the_column(string rule, string message)
    {
        var ex = Assert.Throws<SynthKitException>(() => TableSpec.FromJson("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\",\"rule\":" + rule + "}]}", "t.json"));
        Assert.Equal(ErrorCodes.InvalidSpec, ex.Code);
        Assert.Contains("columns[0] ('x').rule", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"specVersion\":2,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\"}]}", "version 2 is not supported")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[]}", "at least one column")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\"},{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\"}]}", "used by another column")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\",\"modifiers\":{\"nullRate\":0.5}}]}", "must be nullable")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"primaryKey\":\"y\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\"}]}", "'y' is not a column")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"colums\":[]}", "not valid JSON of the expected shape")]
    [InlineData("{\"specVersion\":1,\"name\":\" \",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\"}]}", "the table needs a name")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"\",\"type\":\"int32\",\"kind\":\"numerical\"}]}", "a column needs a name")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\",\"nullable\":true,\"modifiers\":{\"nullRate\":1.5}}]}", "must be within [0, 1]")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\",\"modifiers\":{\"clampMin\":1}}]}", "clampMin and clampMax go together")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\",\"modifiers\":{\"clampMin\":3,\"clampMax\":1}}]}", "clampMin ≤ clampMax")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"string\",\"kind\":\"text\",\"modifiers\":{\"minLength\":5,\"maxLength\":2}}]}", "minLength and maxLength need")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"float64\",\"kind\":\"numerical\",\"modifiers\":{\"round\":16}}]}", "digits must be within 0 … 15")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"enum\",\"kind\":\"categorical\"}]}", "an enum column lists its members")]
    [InlineData("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\"}],\"objects\":[{\"path\":\"\",\"key\":\"k\",\"nullRate\":0}]}", "each object needs a path")]
    public void Tables_that_cannot_work_are_sk4006(string json, string message)
    {
        var ex = Assert.Throws<SynthKitException>(() => TableSpec.FromJson(json, "t.json"));
        Assert.Equal((ErrorCodes.InvalidSpec, "t.json"), (ex.Code, ex.FilePath));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_located()
    {
        var ex = Assert.Throws<SynthKitException>(() => TableSpec.FromJson("{\n  \"specVersion\": 1,\n  \"name\": ,\n}", "t.json"));
        Assert.Equal((ErrorCodes.InvalidSpec, 3), (ex.Code, ex.Line));
    }

    [Fact]
    public void Sdv_metadata_maps_sdtypes_to_kinds_and_pii_to_privacy_roles_and_back()
    {
        const string metadata = """
            { "METADATA_SPEC_VERSION": "SINGLE_TABLE_V1", "primary_key": "id",
              "columns": {
                "id": { "sdtype": "id" },
                "email": { "sdtype": "email", "pii": true },
                "first": { "sdtype": "first_name" },
                "joined": { "sdtype": "datetime", "datetime_format": "%Y-%m-%d" },
                "score": { "sdtype": "numerical", "computer_representation": "Float" },
                "active": { "sdtype": "boolean" },
                "tier": { "sdtype": "categorical" } } }
            """;
        var spec = SdvMetadata.Read(System.Text.Encoding.UTF8.GetBytes(metadata), "users");

        Assert.Equal("id", spec.PrimaryKey);
        Assert.Equal(
            new[] { (StatisticalKind.Identifier, StorageType.String), (StatisticalKind.Text, StorageType.String), (StatisticalKind.Text, StorageType.String), (StatisticalKind.Datetime, StorageType.Date), (StatisticalKind.Numerical, StorageType.Float64), (StatisticalKind.Boolean, StorageType.Boolean), (StatisticalKind.Categorical, StorageType.String) },
            spec.Columns.Select(c => (c.Kind, c.Type)));
        Assert.Equal((PiiKind?)PiiKind.Email, spec.FindColumn("email")!.Privacy!.Pii);
        Assert.Equal((RuleKind.Fake, "FirstName"), (spec.FindColumn("first")!.Rule.Kind, spec.FindColumn("first")!.Rule.Fake));
        Assert.True(spec.FindColumn("id")!.Modifiers!.Unique);

        var again = SdvMetadata.Read(SdvMetadata.Write(spec), "users");
        Assert.Equal(spec.Columns.Select(c => (c.Name, c.Kind, c.Type, c.Privacy?.Pii)), again.Columns.Select(c => (c.Name, c.Kind, c.Type, c.Privacy?.Pii)));
    }

    [Theory]
    [InlineData("{\"tables\":{}}", "multi-table")]
    [InlineData("{\"METADATA_SPEC_VERSION\":\"V2\",\"columns\":{}}", "not supported")]
    [InlineData("{\"columns\":{\"a\":{\"sdtype\":\"numerical\",\"computer_representation\":\"Int128\"}}}", "computer_representation 'Int128'")]
    [InlineData("{\"columns\":{\"a\":{}}}", "has no sdtype")]
    [InlineData("[1]", "is a JSON object")]
    public void Bad_sdv_metadata_is_sk4006(string json, string message)
    {
        var ex = Assert.Throws<SynthKitException>(() => SdvMetadata.Read(System.Text.Encoding.UTF8.GetBytes(json), "t", "m.json"));
        Assert.Equal(ErrorCodes.InvalidSpec, ex.Code);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_without_a_clr_type_is_described_for_tools()
    {
        var spec = SdvMetadata.Load(Path.Combine(ColumnReaderTests.Datasets, "adult.meta.json"));
        var schema = SchemaDescription.FromSpec(spec);
        Assert.Null(schema.ClrType);
        Assert.Equal(15, schema.Columns.Count);
        Assert.Equal((typeof(long), ColumnKind.Discrete), (schema.FindColumn("age")!.ClrType, schema.FindColumn("age")!.Kind));
        Assert.Equal(spec.ComputeFingerprint(), schema.Fingerprint);
        Assert.Equal(64, schema.Fingerprint.Length);
    }
}
