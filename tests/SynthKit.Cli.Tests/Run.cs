using System;
using System.IO;

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

/// <summary>A temporary directory per test.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "synthkit-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
