using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using SynthKit.Databases;
using SynthKit.Tests.Shared;

namespace SynthKit.Benchmarks;

/// <summary>Patient rows to Parquet on one core and on every core (the goal: at least 4 M rows/s with both).</summary>
[MemoryDiagnoser]
public class ParquetPatients
{
    private readonly PatientSynthesizer _patients = new(42);

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark(OperationsPerInvoke = 1_000_000)]
    public void Patients()
    {
        using var sink = new MemoryStream(64 << 20);
        _patients.WriteParquet(sink, 0, 1_000_000, Threads);
    }
}

/// <summary>Loading Patient rows into a fresh SQLite file (the goal: at least 500 k rows/s).</summary>
public class SqliteLoad
{
    private readonly PatientSynthesizer _patients = new(42);
    private string _path = "";

    [IterationSetup]
    public void Fresh()
    {
        _path = Path.Combine(Path.GetTempPath(), $"synthkit-bench-{Guid.NewGuid():N}.db");
    }

    [IterationCleanup]
    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(OperationsPerInvoke = 200_000)]
    public DatabaseLoadResult Patients() => SqliteSink.Load(_patients, _path, 0, 200_000);
}

/// <summary>Binary COPY of Patient rows into a real PostgreSQL server on loopback (the goal: at least 300 k rows/s).</summary>
public class PostgresCopy
{
    private readonly PatientSynthesizer _patients = new(42);
    private PostgresServer? _server;

    [GlobalSetup]
    public void Start() => _server = new PostgresServer();

    [GlobalCleanup]
    public void Stop() => _server?.Dispose();

    [Benchmark(OperationsPerInvoke = 200_000)]
    public DatabaseLoadResult Patients() =>
        PostgresSink.Load(_patients, _server!.ConnectionString, 0, 200_000, new DatabaseLoadOptions { Table = "patients", IfExists = IfTableExists.Replace });
}
