using System.Diagnostics;
using System.Linq;

namespace SynthKit.EndToEnd.Tests;

/// <summary>Package versions come from git, so two commits never pack the same version (a NuGet cache would serve the older).</summary>
public class VersionTests
{
    private static string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = DotNet.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    [Fact]
    public void The_package_version_is_the_git_height_before_the_first_tag()
    {
        string version = DotNet.Check(DotNet.RepositoryRoot, "msbuild", "src/SynthKit/SynthKit.csproj", "-t:MinVer", "-getProperty:PackageVersion", "-nodeReuse:false").Trim();

        Assert.NotEqual("0.1.0", version);
        if (Git("tag", "--list", "v*").Length == 0 && Git("rev-parse", "--is-shallow-repository") == "false")
        {
            int height = int.Parse(Git("rev-list", "--count", "HEAD"), System.Globalization.CultureInfo.InvariantCulture) - 1;
            Assert.Equal($"0.1.0-alpha.0.{height}", version);
        }
        else
        {
            Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", version.Split('+').First());
        }
    }
}
