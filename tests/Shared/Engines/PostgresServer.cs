using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace SynthKit.Tests.Shared;

/// <summary>
/// A real PostgreSQL server for the tests: Debian's <c>postgresql</c> package (installed here when missing and the tests
/// run as root, as <c>.ci/run</c> does), a fresh cluster in a temporary directory, listening on a free loopback port,
/// stopped and deleted on dispose. Nothing is mocked.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _dir;
    private readonly string _bin;
    private readonly bool _asPostgres;

    public PostgresServer()
    {
        _bin = FindBin();
        _asPostgres = Environment.UserName == "root"; // initdb and postgres refuse to run as root
        _dir = Directory.CreateTempSubdirectory("synthkit-pg-").FullName;
        if (_asPostgres)
        {
            Shell($"chown -R postgres '{_dir}'");
        }

        int port = FreePort();
        string data = Path.Combine(_dir, "data");
        Run("initdb", $"-D '{data}' -U postgres --auth=trust -E UTF8 --locale=C --no-sync");
        Run("pg_ctl", $"-D '{data}' -l '{Path.Combine(_dir, "log")}' -w -t 60 -o \"-p {port} -k '{_dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";
        Port = port;
    }

    /// <summary>An Npgsql connection string for the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's port.</summary>
    public int Port { get; }

    public void Dispose()
    {
        try
        {
            Run("pg_ctl", $"-D '{Path.Combine(_dir, "data")}' -m immediate -w stop");
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private void Run(string program, string arguments)
    {
        string command = $"'{Path.Combine(_bin, program)}' {arguments}";
        Shell(_asPostgres ? $"runuser -u postgres -- sh -c \"cd /tmp && {command.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : command);
    }

    private static string FindBin()
    {
        string? Find() => Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;

        if (Find() is { } found)
        {
            return found;
        }

        if (File.Exists("/usr/bin/apt-get") && Environment.UserName == "root")
        {
            Shell("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql");
            if (Find() is { } installed)
            {
                return installed;
            }
        }

        throw new InvalidOperationException("These tests need a PostgreSQL server: install Debian's package (sudo apt-get install postgresql); .ci/run does.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}: {error}{output.Result}");
        }
    }
}
