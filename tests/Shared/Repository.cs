using System;
using System.IO;

namespace SynthKit.Tests.Shared;

/// <summary>The repository the tests run from (the directory holding SynthKit.sln).</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SynthKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SynthKit.sln not found above the test's directory.");
    }
}
