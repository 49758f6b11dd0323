using System;
using System.IO;

namespace SynthKit.EndToEnd.Tests;

/// <summary>
/// Packs SynthKit.Abstractions, SynthKit, SynthKit.Build, the SynthKit.Cli tool and SynthKit.Testing into a local folder feed once per test run, and gives each consumer project
/// a private package folder (falling back, read-only, to the machine's global one for third-party packages), so the
/// packages under test are never confused with a stale copy.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    /// <summary>
    /// A version no earlier run could have packed: a cached package of the same id and version (in the machine's
    /// global folder, used as a fallback here) would otherwise be restored instead of the build under test.
    /// </summary>
    public static readonly string Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + ".g" + Guid.NewGuid().ToString("N")[..8];

    public PackageFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "synthkit-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { "src/SynthKit.Abstractions/SynthKit.Abstractions.csproj", "src/SynthKit/SynthKit.csproj", "src/SynthKit.Build/SynthKit.Build.csproj", "src/SynthKit.Cli/SynthKit.Cli.csproj", "src/SynthKit.Testing/SynthKit.Testing.csproj" })
        {
            DotNet.Check(DotNet.RepositoryRoot, "pack", project, "-c", "Release", "-o", Feed, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:MinVerVersionOverride=" + Version);
        }
    }

    public string Root { get; }

    public string Feed { get; }

    /// <summary>A new empty directory for one consumer solution, with a nuget.config naming the feed.</summary>
    public string NewWorkspace(string name)
    {
        string workspace = Path.Combine(Root, name);
        Directory.CreateDirectory(workspace);
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="synthkit-local" value="{Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(workspace, "packages")}" />
              </config>
              <fallbackPackageFolders>
                <add key="machine" value="{globalPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return workspace;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The test classes that use the packages share one feed and run one after another (each runs builds).</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "packages";
}
