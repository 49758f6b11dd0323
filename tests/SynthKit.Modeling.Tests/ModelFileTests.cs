using System;
using System.IO;
using System.Text.Json.Nodes;

namespace SynthKit.Modeling.Tests;

/// <summary>Model files: saved through a temporary file, loaded with their path in every error, and checked for consistency.</summary>
public sealed class ModelFileTests
{
    private static readonly Lazy<string> s_json = new(() => BayesianNetwork.Fit(KnownBatch()).ToJson());

    private static ColumnBatch KnownBatch()
    {
        var spec = new TableSpec
        {
            Name = "t",
            Columns =
            [
                new ColumnSpec { Name = "c", Type = StorageType.String, Kind = StatisticalKind.Categorical },
                new ColumnSpec { Name = "x", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
            ],
        };
        var batch = new ColumnBatch(spec, 200) { RowCount = 200 };
        for (int r = 0; r < 200; r++)
        {
            ((CategoricalColumn)batch["c"]).Set(r, r % 3 == 0 ? "a" : "b");
            batch.Get<double>("x")[r] = r % 3 == 0 ? r : -r;
        }

        return batch;
    }

    [Fact]
    public void Save_writes_through_a_temporary_file_and_Load_reads_it_back()
    {
        string dir = Directory.CreateTempSubdirectory("synthkit-model-").FullName;
        string path = Path.Combine(dir, "m.model.json");
        var model = SynthModel.FromJson(s_json.Value);

        model.Save(path);

        Assert.Equal(s_json.Value, File.ReadAllText(path));
        Assert.Equal("m.model.json", Path.GetFileName(Assert.Single(Directory.GetFiles(dir))));
        Assert.Equal(s_json.Value, SynthModel.Load(path).ToJson());
        File.WriteAllText(path, "{ \"modelVersion\": 1, \"kind\": \"copula\" }");
        var error = Assert.Throws<SynthKitException>(() => SynthModel.Load(path));
        Assert.Equal(ModelingErrorCodes.InvalidModel, error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind", "\"tree\"", "unknown kind 'tree'")]
    [InlineData("marginals", "[]", "no marginals")]
    [InlineData("marginals/0/kind", "\"numeric\"", "neither numeric")]
    [InlineData("marginals/0/nullShare", "1.5", "null share")]
    [InlineData("marginals/1/knots", "[]", "no knots")]
    [InlineData("network/0/column", "\"zzz\"", "has no marginal")]
    [InlineData("network/1/parents", "[\"nobody\"]", "does not come before it")]
    [InlineData("network/1/cuts", "[0.5, 0.2]", "increasing cuts")]
    [InlineData("network/1/counts/0/counts", "[1]", "count row")]
    [InlineData("network/1/counts/0/given", "[99]", "count row")]
    [InlineData("network", "[]", "one node per marginal")]
    [InlineData("constraints", "[{ \"text\": \"c <\" }]", "cannot be read")]
    [InlineData("constraints", "[{ \"text\": \"c ~ x\" }, { \"text\": \"x > 0\" }]", "holds no combinations")]
    public void An_inconsistent_model_is_SK6001_with_the_reason(string pointer, string value, string reason)
    {
        var root = JsonNode.Parse(s_json.Value)!;
        var parts = pointer.Split('/');
        JsonNode parent = root;
        foreach (var part in parts[..^1])
        {
            parent = int.TryParse(part, out int i) ? parent[i]! : parent[part]!;
        }

        parent[parts[^1]] = JsonNode.Parse(value);
        var error = Assert.Throws<SynthKitException>(() => SynthModel.FromJson(root.ToJsonString()));
        Assert.Equal(ModelingErrorCodes.InvalidModel, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copula_without_a_square_correlation_is_SK6001()
    {
        var copula = JsonNode.Parse(GaussianCopula.Fit(KnownBatch()).ToJson())!;
        copula["correlation"] = JsonNode.Parse("[[1]]");
        Assert.Contains("square correlation", Assert.Throws<SynthKitException>(() => SynthModel.FromJson(copula.ToJsonString())).Message, StringComparison.Ordinal);
        Assert.Equal(ModelingErrorCodes.InvalidModel, Assert.Throws<SynthKitException>(() => ModelData.FromJson("{\"modelVersion\": 1, \"kind\": \"copula\", \"marginals\": [{\"knots\": \"x\"}]}")).Code);
    }

    [Fact]
    public void The_network_model_orders_its_nodes_and_keeps_its_cuts_out_of_point_masses()
    {
        // 0 is a third of x's values: a point mass heavier than a bin, so it gets a bin of its own.
        var cuts = BayesianNetwork.NumericCuts([0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 6);
        Assert.Contains(0.25, cuts);
        Assert.DoesNotContain(cuts, c => c > 0 && c < 0.25);
        Assert.Empty(BayesianNetwork.NumericCuts([4], 6));
    }
}
