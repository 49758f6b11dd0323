using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SynthKit.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI as a user would, capturing output; never reuses build nodes.</summary>
internal static class DotNet
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, environment: null, arguments);

    /// <summary>Runs dotnet with extra environment variables (a null value removes one).</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment, arguments, out var output);
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 10 minutes:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts dotnet without waiting, collecting its output into <paramref name="output"/>.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, string[] arguments, out StringBuilder output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // Tests run inside 'dotnet test'; keep its MSBuild settings from leaking into the child build.
        foreach (var name in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(name);
        }

        // The child build decides its fixture mode itself: a CI machine's CI=true must not leak into it.
        foreach (var name in new[] { "CI", "ContinuousIntegrationBuild", "SynthFixtureMode" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var collected = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (collected) { collected.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (collected) { collected.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = collected;
        return process;
    }

    public static string Check(string workingDirectory, params string[] arguments)
    {
        var (code, output) = Run(workingDirectory, arguments);
        Assert.True(code == 0, $"dotnet {string.Join(' ', arguments)} exited with {code}:\n{output}");
        return output;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SynthKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SynthKit.sln not found above " + AppContext.BaseDirectory);
    }
}
