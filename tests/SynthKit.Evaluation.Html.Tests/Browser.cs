using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package) for tests of pages a person opens. When it is missing and the
/// test runs as root with apt-get (a fresh CI machine), it is installed once; otherwise the test fails and says how to
/// install it.
/// </summary>
internal static class Browser
{
    private static readonly Lazy<string> s_path = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => s_path.Value;

    /// <summary>Loads a file, lets its scripts run, and returns the resulting DOM; saves a screenshot too.</summary>
    public static string DumpDom(string file, string screenshot)
    {
        string url = new Uri(file).AbsoluteUri;
        Run($"--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,6000 --screenshot={screenshot} {url}", out _);
        Run($"--headless --no-sandbox --disable-gpu --virtual-time-budget=30000 --dump-dom {url}", out string dom);
        return dom;
    }

    private static void Run(string arguments, out string output)
    {
        var start = new ProcessStartInfo(Path, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["HOME"] = System.IO.Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 2 minutes: " + arguments);
        }

        output = stdout.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {stderr.Result}");
        }
    }

    private static string Find()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        if (File.Exists("/usr/bin/apt-get") && Environment.UserName == "root")
        {
            Shell("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium");
            if (File.Exists("/usr/bin/chromium"))
            {
                return "/usr/bin/chromium";
            }
        }

        throw new InvalidOperationException("This test needs headless Chromium: install Debian's package (sudo apt-get install chromium); .ci/run does.");
    }

    private static void Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }
}
