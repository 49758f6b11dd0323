using System;
using System.IO;
using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Generation;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// The report's documented JSON schema (docs/evaluation-report.schema.json) holds for real reports — full ones and
/// ones whose optional parts are null — and stays in step with the types. Regenerate it after changing the report:
/// <c>SYNTHKIT_WRITE_REPORT_SCHEMA=1 dotnet test tests/SynthKit.Evaluation.Tests --filter ReportSchema</c>.
/// </summary>
public sealed class ReportSchemaTests
{
    private static string Generated()
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase },
            SchemaType = SchemaType.JsonSchema,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
        };
        var schema = JsonSchema.FromType<EvaluationReport>(settings);
        schema.Title = "SynthKit evaluation report";
        schema.Description = "The JSON report of SynthEvaluation.Evaluate and synthkit evaluate --json (docs/evaluation.md), reportVersion 1.";
        return schema.ToJson().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string Path_ => Path.Combine(SynthKit.Tests.Shared.Repository.Root(), "docs", "evaluation-report.schema.json");

    [Fact]
    public void The_documented_schema_is_the_one_the_types_give()
    {
        string generated = Generated();
        if (Environment.GetEnvironmentVariable("SYNTHKIT_WRITE_REPORT_SCHEMA") == "1")
        {
            File.WriteAllText(Path_, generated);
        }

        Assert.Equal(generated, File.ReadAllText(Path_).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async System.Threading.Tasks.Task Reports_validate_against_the_documented_schema(bool privacy, bool holdout)
    {
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(Path_));
        var options = new EvaluationOptions { Privacy = privacy, Protected = ["b", "n"], Target = "c", Known = privacy ? ["n"] : [], Sensitive = privacy ? ["c"] : [] };
        var report = SynthEvaluation.Evaluate(KnownProcess.Sample(500, 1), KnownProcess.Sample(500, 2), holdout ? KnownProcess.Sample(500, 3) : null, options);

        var errors = schema.Validate(report.ToJson());

        Assert.Empty(errors);
    }
}
