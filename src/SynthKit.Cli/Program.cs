using System;

namespace SynthKit.Cli;

/// <summary>The entry point of the <c>synthkit</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the command line on the console.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code (see <see cref="Cli"/>).</returns>
    public static int Main(string[] args) => Cli.Run(args, Console.Out, Console.Error);
}
