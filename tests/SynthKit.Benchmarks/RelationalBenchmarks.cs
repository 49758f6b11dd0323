using System;
using System.ComponentModel.DataAnnotations;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Bogus;

namespace SynthKit.Benchmarks;

public enum ShopStatus
{
    Submitted,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>The parent table of the parent–child benchmark.</summary>
[SyntheticSchema]
[Provenance(Source = "benchmarks", Purpose = "parent-child dataset")]
public sealed class ShopCustomer
{
    [Key] public int Id { get; set; }
    [Categorical("F", "M")] public string Sex { get; set; } = "";
    [Pii(PiiKind.FirstName)] public string FirstName { get; set; } = "";
    [Pii(PiiKind.LastName)] public string LastName { get; set; } = "";
    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
}

/// <summary>The child table: ten orders per customer on average (Poisson), dates in order, a conditional shipped date.</summary>
[SyntheticSchema]
[Provenance(Source = "benchmarks", Purpose = "parent-child dataset")]
public sealed class ShopOrder
{
    [Key] public int Id { get; set; }
    [References(typeof(ShopCustomer), Parents = 100_000, PerParent = ChildCount.Poisson, Mean = 10)] public int CustomerId { get; set; }
    [DateRange("2024-01-01", "2025-01-01")] public DateTime OrderDate { get; set; }
    public ShopStatus Status { get; set; }
    [After(nameof(OrderDate), Min = "1.00:00", Max = "30.00:00")]
    [OnlyWhen(nameof(Status), ShopStatus.Shipped, ShopStatus.Delivered)]
    public DateTime? ShippedDate { get; set; }
    [Range(0.01, 10000)] public decimal Total { get; set; }
}

/// <summary>One core, few iterations: an operation is a whole dataset of about 1.1 million rows.</summary>
public sealed class DatasetConfig : ManualConfig
{
    public DatasetConfig()
    {
        AddJob(Job.Default.WithId("OneCore").WithAffinity(1).WithGcServer(false).WithGcConcurrent(false)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}

/// <summary>
/// A parent–child dataset written as CSV to a null stream: 100,000 customers and their ~1,000,000 orders. SynthKit
/// from the attributes (foreign keys by <c>[References]</c>, shipped dates by <c>[After]</c>/<c>[OnlyWhen]</c>) against
/// Bogus with the same rules written by hand the way its users do (a list of the parents' ids to pick from, the child
/// count per parent from its own Poisson draw, dates added in a rule that sees the row).
/// </summary>
[Config(typeof(DatasetConfig))]
public class ParentChild
{
    private const int Customers = 100_000;
    private int _orders;

    [GlobalSetup]
    public void Setup() => _orders = checked((int)Fixtures.RelatedTables.ChildRows(new ShopOrderSynthesizer(1))!.Value);

    [Benchmark(Baseline = true)]
    public long SynthKit()
    {
        using var sink = new CountingStream();
        new ShopCustomerSynthesizer(1).WriteCsv(sink, Customers);
        new ShopOrderSynthesizer(1).WriteCsv(sink, _orders);
        return sink.Length;
    }

    [Benchmark]
    public long BogusFaker()
    {
        Randomizer.Seed = new Random(1);
        int id = 0;
        var customers = new Faker<ShopCustomer>()
            .RuleFor(c => c.Id, _ => ++id)
            .RuleFor(c => c.Sex, f => f.PickRandom("F", "M"))
            .RuleFor(c => c.FirstName, (f, c) => f.Name.FirstName(c.Sex == "F" ? global::Bogus.DataSets.Name.Gender.Female : global::Bogus.DataSets.Name.Gender.Male))
            .RuleFor(c => c.LastName, f => f.Name.LastName())
            .RuleFor(c => c.Email, (f, c) => f.Internet.Email(c.FirstName, c.LastName));
        using var sink = new CountingStream();
        using var writer = new StreamWriter(sink, leaveOpen: true);
        writer.WriteLine("Id,Sex,FirstName,LastName,Email");
        foreach (var c in customers.GenerateLazy(Customers))
        {
            writer.Write(c.Id);
            writer.Write(',');
            writer.Write(c.Sex);
            writer.Write(',');
            writer.Write(c.FirstName);
            writer.Write(',');
            writer.Write(c.LastName);
            writer.Write(',');
            writer.WriteLine(c.Email);
        }

        int orderId = 0;
        var counts = new Random(2);
        var orders = new Faker<ShopOrder>()
            .RuleFor(o => o.Id, _ => ++orderId)
            .RuleFor(o => o.OrderDate, f => f.Date.Between(new DateTime(2024, 1, 1), new DateTime(2025, 1, 1)))
            .RuleFor(o => o.Status, f => f.PickRandom<ShopStatus>())
            .RuleFor(o => o.ShippedDate, (f, o) => o.Status is ShopStatus.Shipped or ShopStatus.Delivered ? o.OrderDate.AddSeconds(f.Random.Long(86_400, 2_592_000)) : null)
            .RuleFor(o => o.Total, f => Math.Round(f.Random.Decimal(0.01m, 10000m), 2));
        writer.WriteLine("Id,CustomerId,OrderDate,Status,ShippedDate,Total");
        for (int customer = 1; customer <= Customers; customer++)
        {
            int children = MathNet.Numerics.Distributions.Poisson.Sample(counts, 10);
            foreach (var o in orders.GenerateLazy(children))
            {
                o.CustomerId = customer;
                writer.Write(o.Id);
                writer.Write(',');
                writer.Write(o.CustomerId);
                writer.Write(',');
                writer.Write(o.OrderDate.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(o.Status.ToString());
                writer.Write(',');
                writer.Write(o.ShippedDate?.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.WriteLine(o.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        writer.Flush();
        return sink.Length;
    }

    /// <summary>A stream that counts the bytes written to it and keeps none.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
