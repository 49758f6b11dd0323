using System.IO;
using System.Linq;

namespace SynthKit.Generators.Tests;

/// <summary>The runtime tests' schemas and the sample's, generated here from source: clean, compiling, one file each.</summary>
public class RealSchemaTests
{
    private static string[] Sources(string prefix) =>
        typeof(RealSchemaTests).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, System.StringComparison.Ordinal))
            .Select(n => new StreamReader(typeof(RealSchemaTests).Assembly.GetManifestResourceStream(n)!).ReadToEnd()).ToArray();

    [Theory]
    [InlineData("Schemas.", 17)]
    [InlineData("Clinic.", 2)]
    public void Every_schema_generates_cleanly_and_compiles(string prefix, int atLeast)
    {
        var sources = Sources(prefix).Select(s => "using System.Collections.Generic;\n" + s).ToArray();

        var result = GeneratorHarness.Run(sources);

        result.AssertClean();
        Assert.True(result.Sources.Count >= atLeast, string.Join(", ", result.Sources.Keys));
        Assert.All(result.Sources.Values, source => Assert.Contains("public static global::SynthKit.TableSpec Spec", source, System.StringComparison.Ordinal));
    }
}
