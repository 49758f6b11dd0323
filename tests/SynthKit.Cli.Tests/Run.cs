using System;
using System.IO;
using System.Linq;

namespace SynthKit.Cli.Tests;

/// <summary>Runs the command line in-process, as the tool's Main does, capturing both streams.</summary>
internal static class Run
{
    /// <summary>This test assembly: it declares the schemas under test, so the CLI loads it as a user assembly.</summary>
    public static string SchemaAssembly { get; } = typeof(Schemas.Customer).Assembly.Location;

    public static (int ExitCode, string Output, string Error) Synthkit(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int code = Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>Model files as their statistics: the same rows read from another file give the same model but for its lineage, which names the file.</summary>
internal static class ModelText
{
    /// <summary>The model's JSON without its <c>lineage</c> (its last property), every other byte as written.</summary>
    public static string WithoutLineage(string path)
    {
        string json = File.ReadAllText(path);
        int start = json.IndexOf(",\n  \"lineage\": {", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{path} records no lineage");
        }

        int end = json.IndexOf("\n  }", start, StringComparison.Ordinal);
        return json[..start] + json[(end + 4)..];
    }

    /// <summary>The names of the inputs a model's lineage lists.</summary>
    public static string[] Inputs(string path) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["lineage"]!["parents"]!.AsArray().Select(p => (string)p!["name"]!).ToArray();
}

/// <summary>A temporary directory per test.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "synthkit-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
