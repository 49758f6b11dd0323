using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using Spectre.Console;
using SynthKit.Fixtures;

namespace SynthKit.Cli;

/// <summary>
/// The <c>synthkit</c> command line. Every command writes plain lines (and a progress bar when attached to a terminal);
/// every error is one canonical <c>path(line,col): error SKnnnn: message</c> line on the error stream, which MSBuild,
/// IDEs and CI systems recognise.
/// </summary>
public static class Cli
{
    /// <summary>Exit code: success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: a fixture is missing, stale or tampered with.</summary>
    public const int FixtureProblem = 1;

    /// <summary>Exit code: the command line is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code: an input could not be used (unknown schema, unloadable assembly, unreadable or malformed file, I/O failure).</summary>
    public const int InputError = 3;

    /// <summary>Exit code: interrupted (SIGINT / Ctrl+C or SIGTERM); nothing was written and no temporary file is left.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, CancellationToken.None);

    /// <summary>Runs the command line; <paramref name="cancellationToken"/> interrupts long writes between blocks of rows.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Cancels a running command (the tool connects it to SIGINT and SIGTERM).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var console = new Reporter(output, error) { Cancellation = cancellationToken };
        var root = new RootCommand(
            "synthkit: generate and verify synthetic-data fixtures, list an assembly's schemas, fit models to real data and sample them, and evaluate synthetic data.\n" +
            "Exit codes: 0 success; 1 a fixture is missing, stale or tampered with; 2 the command line is wrong; " +
            "3 an input could not be used (unknown schema, unloadable assembly, unreadable or malformed file, I/O failure).")
        {
            GenerateCommand.Create(console),
            VerifyCommand.Create(console),
            SchemaCommand.Create(console),
            EvaluateCommand.Create(console),
            ModelCommands.Fit(console),
            ModelCommands.Sample(console),
            ModelCommands.Inspect(console),
            ModelCommands.PrivacyCurve(console),
            ModelCommands.ScaffoldCommand(console),
            FixturesCommand.Create(console),
            ProvenanceCommands.Lineage(console),
            ProvenanceCommands.WatermarkCommand(console),
            ProvenanceCommands.Mix(console),
            CollapseCommand.Create(console),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine("error: " + problem.Message);
            }

            error.WriteLine("Run 'synthkit --help' (or 'synthkit <command> --help') for usage.");
            return UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (SynthKitException ex)
        {
            console.Error(ex);
            return ExitCodeOf(ex);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"error {FixtureErrorCodes.IoFailure}: interrupted; nothing was written (the previous file, if any, is unchanged).");
            return Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(IoErrorLine(ex));
            return InputError;
        }
        catch (Exception ex) when (ex is System.Reflection.TargetInvocationException or TypeInitializationException && ex.InnerException is not null)
        {
            // The user's schema code threw (a constructor, a static initializer): say so in one coded line.
            var inner = ex.InnerException!;
            error.WriteLine(inner is SynthKitException coded ? coded.Message : $"error {FixtureErrorCodes.HostFailure}: the schema's own code threw {inner.GetType().Name}: {inner.Message}");
            return InputError;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"error {FixtureErrorCodes.InvalidItem}: {ex.Message}");
            return UsageError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything else comes from the user's code (a schema constructor that throws while rows are made): one
            // coded line, never a stack trace.
            error.WriteLine($"error {FixtureErrorCodes.HostFailure}: generating rows failed with {ex.GetType().Name}: {ex.Message}");
            return InputError;
        }
    }

    /// <summary>An input or output failure the commands did not code themselves: the path first where one is known.</summary>
    internal static string IoErrorLine(Exception ex) => ex switch
    {
        FileNotFoundException { FileName: { } file } => $"{file}: error {FixtureErrorCodes.IoFailure}: '{Path.GetFileName(file)}' does not exist.",
        _ => $"error {FixtureErrorCodes.IoFailure}: {ex.Message}",
    };

    /// <summary>The exit code for an error: 1 for fixture problems, 3 for everything else.</summary>
    internal static int ExitCodeOf(SynthKitException ex) =>
        ex.Code is FixtureErrorCodes.Missing or FixtureErrorCodes.Stale or FixtureErrorCodes.Tampered ? FixtureProblem : InputError;

    /// <summary>A usage error (exit 2) unless the option, when given, names an existing file (not a directory).</summary>
    internal static void MustBeAFile(Option<FileInfo?> option) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<FileInfo?>() is { } file && !file.Exists)
        {
            result.AddError(Directory.Exists(file.FullName)
                ? $"{option.Name} '{file.FullName}' is a directory; name a file."
                : $"{option.Name} '{file.FullName}' does not exist.");
        }
    });

    /// <summary>A usage error (exit 2) when the option is given a whole number below <paramref name="minimum"/>.</summary>
    internal static void AtLeast(Option<int> option, int minimum) => option.Validators.Add(result =>
    {
        if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) && n < minimum)
        {
            result.AddError(minimum == 0 ? $"{option.Name} must not be negative." : $"{option.Name} must be at least {minimum}.");
        }
    });

    /// <summary>The options every command that loads an assembly shares.</summary>
    internal static (Option<FileInfo> Assembly, Option<string[]> References) AssemblyOptions(bool required)
    {
        var assembly = new Option<FileInfo>("--assembly", "-a")
        {
            Description = "The built assembly (.dll) that declares the synthesizers, e.g. bin/Debug/net10.0/MyApp.Tests.dll.",
            Required = required,
        };
        var references = new Option<string[]>("--reference", "-r")
        {
            Description = "An assembly the user assembly depends on, where its .deps.json and directory do not say (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        };
        references.Validators.Add(result =>
        {
            foreach (var reference in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!File.Exists(reference))
                {
                    result.AddError($"--reference '{reference}' does not exist.");
                }
            }
        });
        return (assembly, references);
    }
}

/// <summary>Writes output lines and canonical error lines.</summary>
internal sealed class Reporter
{
    public Reporter(TextWriter output, TextWriter error)
    {
        Output = output;
        ErrorWriter = error;
    }

    public TextWriter Output { get; }

    public TextWriter ErrorWriter { get; }

    /// <summary>Cancels long-running work (SIGINT, SIGTERM).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Whether output goes to an interactive terminal (and so may show a progress bar).</summary>
    public bool IsTerminal => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;

    public void Line(string text) => Output.WriteLine(text);

    public void Error(SynthKitException ex) => ErrorWriter.WriteLine(ex.Message);

    /// <summary>Runs work with a progress bar on a terminal, or plainly otherwise.</summary>
    public T WithProgress<T>(string label, long total, Func<IProgress<long>?, T> work)
    {
        if (!IsTerminal || total < 200_000)
        {
            return work(null);
        }

        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: total);
                result = work(new Progress<long>(rows => task.Value = rows));
                task.Value = total;
            });
        return result;
    }
}

/// <summary>Finds where an item is written in a project file, so errors about it point there.</summary>
internal static class ProjectLocator
{
    public static (string? File, int Line, int Column) Find(string? projectPath, string include)
    {
        if (projectPath is null || !File.Exists(projectPath))
        {
            return (projectPath, 0, 0);
        }

        var lines = File.ReadAllLines(projectPath);
        foreach (var candidate in new[] { $"Include=\"{include}\"", include.Replace('\\', '/'), include.Replace('/', '\\') })
        {
            for (int i = 0; i < lines.Length; i++)
            {
                int at = lines[i].IndexOf(candidate, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    int element = lines[i].LastIndexOf('<', at);
                    return (projectPath, i + 1, (element >= 0 ? element : at) + 1);
                }
            }
        }

        return (projectPath, 1, 1);
    }
}

/// <summary>Shared parsing of formats.</summary>
internal static class Formats
{
    public static FixtureFormat? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "csv" => FixtureFormat.Csv,
        "jsonl" or "ndjson" or "jsonlines" => FixtureFormat.JsonLines,
        "parquet" => FixtureFormat.Parquet,
        var other => throw new SynthKitException(FixtureErrorCodes.InvalidItem, $"'{other}' is not a fixture format; use csv, jsonl or parquet."),
    };

    public static IEnumerable<string> ReadList(string? file) =>
        file is null ? Enumerable.Empty<string>() : File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0);
}
