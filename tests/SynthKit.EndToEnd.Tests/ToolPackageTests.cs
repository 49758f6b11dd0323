using System.Collections.Generic;
using System.IO;

namespace SynthKit.EndToEnd.Tests;

/// <summary>
/// The <c>synthkit</c> tool and the snapshot helpers as a user installs them: a fresh project references SynthKit and
/// SynthKit.Testing by version, and the tool comes from the feed through a local tool manifest.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ToolPackageTests
{
    private readonly PackageFeed _feed;

    public ToolPackageTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void The_installed_tool_lists_generates_and_verifies_and_agrees_byte_for_byte_with_the_snapshot_helper()
    {
        string workspace = _feed.NewWorkspace("tooled");
        string app = Path.Combine(workspace, "App");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthKit" Version="{PackageFeed.Version}" />
                <PackageReference Include="SynthKit.Testing" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System;
            using SynthKit;
            using SynthKit.Testing;

            Console.Write(new Shop.ReadingSynthesizer(7).SnapshotCsv(3));

            namespace Shop
            {
                [SyntheticSchema, Provenance(Source = "none: invented", Purpose = "tool test")]
                public class Reading
                {
                    [NotPii] public Guid Id { get; set; }
                    [Normal(21, 2), Round(1)] public double Celsius { get; set; }
                    [DateRange("2024-01-01", "2024-12-31")] public DateTime TakenAt { get; set; }
                }
            }
            """);

        var (code, snapshot) = DotNet.Run(app, "run", "-nodeReuse:false");
        Assert.True(code == 0, snapshot);
        Assert.StartsWith("Id,Celsius,TakenAt\n", snapshot);
        Assert.Equal(4, snapshot.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Length);

        // The CLI caches where each local tool lives under DOTNET_CLI_HOME (toolResolverCache), keyed by package and
        // version only: give this workspace its own, or a path from an earlier run's deleted workspace is reused.
        var cliHome = new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = Path.Combine(workspace, "cli-home") };
        (code, string tool) = DotNet.Run(workspace, cliHome, "new", "tool-manifest");
        Assert.True(code == 0, tool);
        (code, tool) = DotNet.Run(workspace, cliHome, "tool", "install", "SynthKit.Cli", "--version", PackageFeed.Version);
        Assert.True(code == 0, tool);
        string assembly = Path.Combine(app, "bin", "Debug", "net10.0", "App.dll");

        (code, string schemas) = DotNet.Run(workspace, cliHome, "synthkit", "schema", "--assembly", assembly);
        Assert.True(code == 0, schemas);
        Assert.Contains("Shop.Reading", schemas);
        Assert.Contains("Celsius", schemas);
        Assert.Contains("none: invented", schemas);

        string fixture = Path.Combine(workspace, "fixtures", "readings.csv");
        (code, string generated) = DotNet.Run(workspace, cliHome, "synthkit", "generate", "--assembly", assembly, "--schema", "Shop.Reading", "--rows", "3", "--seed", "7", "--out", fixture);
        Assert.True(code == 0, generated);
        Assert.Equal(snapshot, File.ReadAllText(fixture));
        Assert.True(File.Exists(fixture + ".synth.json"));

        (code, string verified) = DotNet.Run(workspace, cliHome, "synthkit", "verify", fixture, "--assembly", assembly);
        Assert.True(code == 0, verified);

        File.AppendAllText(fixture, "00000000-0000-0000-0000-000000000000,0,2024-01-01T00:00:00\n");
        (code, verified) = DotNet.Run(workspace, cliHome, "synthkit", "verify", fixture);
        Assert.Equal(1, code);
        Assert.Contains("error SK5003", verified);
    }
}
