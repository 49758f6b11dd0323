using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace SynthKit.Cli;

/// <summary>The entry point of the <c>synthkit</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the command line on the console; Ctrl+C (SIGINT) and SIGTERM stop a long write promptly.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code (see <see cref="Cli"/>; 130 when interrupted).</returns>
    public static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        return Cli.Run(args, Console.Out, Console.Error, cancellation.Token);
    }
}
