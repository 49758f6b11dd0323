using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SynthKit.Fixtures;

namespace SynthKit.Tests;

/// <summary>Manifests of files some of whose columns a described column model drew: recorded, read back, and checked by Verify.</summary>
public sealed class ModelManifestTests : IDisposable
{
    private static readonly TableSpec Spec = new()
    {
        Name = "scores",
        Columns =
        [
            new ColumnSpec { Name = "id", Type = StorageType.Int64, Kind = StatisticalKind.Identifier },
            new ColumnSpec { Name = "score", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
        ],
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("synthkit-model-manifest-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Draws <c>score</c> as the row index times a factor, and describes itself with the factor as its "hash".</summary>
    private sealed class Scaled(double factor) : IDescribedColumnModel
    {
        public string Condition { get; init; } = "y";

        public string Key => "scaled";

        public IReadOnlyList<string> Columns => ["score"];

        public void Draw(ColumnModelContext context, ColumnBatch batch, int row) => batch.Get<double>("score")[row] = context.RowIndex * factor;

        public ColumnModelInfo Describe() => new()
        {
            Key = Key,
            Kind = "test",
            Sha256 = new string(factor == 1 ? 'a' : 'b', 64),
            Columns = Columns,
            Details = [new("factor", factor.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("condition.x", Condition)],
        };
    }

    [Fact]
    public void The_manifest_records_the_model_reads_it_back_and_verify_sees_a_changed_model()
    {
        string path = Path.Combine(_directory, "scores.csv");
        var spec = new FixtureSpec(path, 10, 1);
        var synthesizer = new SpecSynthesizer(Spec, 1, [new Scaled(1)]);

        FixtureFiles.Update(synthesizer, spec);
        var manifest = FixtureManifest.Parse(File.ReadAllBytes(FixtureManifest.PathFor(path)));

        var model = Assert.Single(manifest.Models);
        Assert.Equal(("scaled", "test", new string('a', 64)), (model.Key, model.Kind, model.Sha256));
        Assert.Equal(["score"], model.Columns);
        Assert.Equal([new("factor", "1"), new KeyValuePair<string, string>("condition.x", "y")], model.Details);
        Assert.Equal(FixtureStatus.Verified, FixtureFiles.Verify(path, synthesizer, spec).Status);

        var changed = Assert.Throws<SynthKitException>(() => FixtureFiles.Verify(path, new SpecSynthesizer(Spec, 1, [new Scaled(2)]), spec));
        Assert.Equal(FixtureErrorCodes.Stale, changed.Code);
        Assert.Contains("the model changed (test aaaaaaaaaaaa → test bbbbbbbbbbbb)", changed.Message, StringComparison.Ordinal);
        var resampled = Assert.Throws<SynthKitException>(() => FixtureFiles.Verify(path, new SpecSynthesizer(Spec, 1, [new Scaled(1) { Condition = "z" }]), spec));
        Assert.Contains("how the model is sampled", resampled.Message, StringComparison.Ordinal);
        var dropped = Assert.Throws<SynthKitException>(() => FixtureFiles.Verify(path, new SpecSynthesizer(Spec, 1), spec));
        Assert.Contains("the model changed (test aaaaaaaaaaaa → none)", dropped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_based_manifest_has_no_models_property()
    {
        string path = Path.Combine(_directory, "plain.csv");
        FixtureFiles.Update(new SpecSynthesizer(Spec, 1), new FixtureSpec(path, 3, 1));

        string json = File.ReadAllText(FixtureManifest.PathFor(path));
        Assert.DoesNotContain("\"models\"", json, StringComparison.Ordinal);
        Assert.Empty(FixtureManifest.Parse(System.Text.Encoding.UTF8.GetBytes(json)).Models);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_manifest_with_models_validates_against_the_documented_schema()
    {
        string path = Path.Combine(_directory, "s.csv");
        FixtureFiles.Update(new SpecSynthesizer(Spec, 1, [new Scaled(1)]), new FixtureSpec(path, 3, 1));
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(SynthKit.Tests.Shared.Repository.Root(), "docs", "manifest.schema.json")));
        string json = File.ReadAllText(FixtureManifest.PathFor(path));

        Assert.Empty(schema.Validate(json));
        Assert.NotEmpty(schema.Validate(json.Replace("\"kind\": \"test\"", "\"kind\": 3", StringComparison.Ordinal)));
    }
}
