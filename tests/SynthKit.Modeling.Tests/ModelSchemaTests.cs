using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Generation;
using SynthKit.Tests.Shared;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// The model file's documented JSON schema (docs/model.schema.json) holds for fitted networks and copulas and stays in
/// step with the types. Regenerate it after changing the model:
/// <c>SYNTHKIT_WRITE_MODEL_SCHEMA=1 dotnet test tests/SynthKit.Modeling.Tests --filter ModelSchema</c>.
/// </summary>
public sealed class ModelSchemaTests
{
    private static string SchemaPath => Path.Combine(Repository.Root(), "docs", "model.schema.json");

    private static string Generated()
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase },
            SchemaType = SchemaType.JsonSchema,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
        };
        var schema = JsonSchema.FromType<ModelData>(settings);
        schema.Title = "SynthKit model";
        schema.Description = "A fitted model of SynthModel.Save and synthkit fit (docs/modeling.md), modelVersion 1: aggregates only.";
        return schema.ToJson().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    [Fact]
    public void The_documented_schema_is_the_one_the_types_give()
    {
        string generated = Generated();
        if (Environment.GetEnvironmentVariable("SYNTHKIT_WRITE_MODEL_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        Assert.Equal(generated, File.ReadAllText(SchemaPath).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ModelKind.BayesianNetwork)]
    [InlineData(ModelKind.GaussianCopula)]
    public async System.Threading.Tasks.Task Fitted_models_validate_against_the_documented_schema(ModelKind kind)
    {
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));
        var model = SynthModel.Fit(AdultSplit.Train, new ModelOptions { Kind = kind });

        Assert.Empty(schema.Validate(model.ToJson()));
        Assert.NotEmpty(schema.Validate(model.ToJson().Replace("\"rows\": 16280", "\"rows\": \"many\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_differentially_private_model_validates_with_its_privacy_record()
    {
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));
        var spec = SdvMetadata.Load(Path.Combine(AdultSplit.Datasets, "adult-discretized.meta.json"));
        var table = ColumnReader.ReadCsv(Path.Combine(AdultSplit.Datasets, "adult-discretized.csv"), spec).Select(Enumerable.Range(0, 2_000).ToArray());
        var model = SynthModel.Fit(table, new ModelOptions { Privacy = new DifferentialPrivacy { Domains = ColumnDomain.Load(Path.Combine(AdultSplit.Datasets, "adult-discretized.domain.json")), Seed = 1 } });

        Assert.Empty(schema.Validate(model.ToJson()));
        Assert.NotEmpty(schema.Validate(model.ToJson().Replace("\"mechanism\": \"mst\"", "\"mechanism\": 7", StringComparison.Ordinal)));
    }
}
