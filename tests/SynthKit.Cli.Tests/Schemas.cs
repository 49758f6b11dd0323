using System;
using SynthKit;

namespace SynthKit.Cli.Tests.Schemas
{

    [SyntheticSchema]
    [Provenance(Source = "CLI tests", Purpose = "fixtures for the synthkit command line", Owner = "SynthKit")]
    public sealed class Customer
    {
        public Guid Id { get; set; }
        [Pii(PiiKind.FirstName)] public string FirstName { get; set; } = "";
        [Pii(PiiKind.Email)] public string Email { get; set; } = "";
        [QuasiIdentifier, Pattern("#####")] public string Zip { get; set; } = "";
        [Sensitive, LogNormal(10, 0.5)] public double Income { get; set; }
    }

    [SyntheticSchema]
    [Provenance(Source = "CLI tests", Purpose = "a schema without personal data", Owner = "SynthKit")]
    public sealed class Sensor
    {
        [Normal(20, 3)] public double Celsius { get; set; }
    }
}

namespace SynthKit.Cli.Tests.Shop
{
    /// <summary>Three related tables: stores, their sales, the lines of each sale.</summary>
    [SyntheticSchema]
    [Provenance(Source = "CLI tests", Purpose = "a dataset of related tables", Owner = "SynthKit")]
    public sealed class Store
    {
        [System.ComponentModel.DataAnnotations.Key] public int Id { get; set; }
        [Fake(FakeKind.City)] public string City { get; set; } = "";
    }

    [SyntheticSchema]
    [Provenance(Source = "CLI tests", Purpose = "a dataset of related tables", Owner = "SynthKit")]
    public sealed class Sale
    {
        [Sequence(Start = 1000)] public int Id { get; set; }
        [References(typeof(Store), Parents = 20, PerParent = ChildCount.Poisson, Mean = 4)] public int StoreId { get; set; }
        [DateRange("2024-01-01", "2024-12-31")] public DateOnly Day { get; set; }
    }

    [SyntheticSchema]
    [Provenance(Source = "CLI tests", Purpose = "a dataset of related tables", Owner = "SynthKit")]
    public sealed class SaleLine
    {
        [References(typeof(Sale), Parents = 60, PerParent = ChildCount.Fixed, Mean = 3)] public int SaleId { get; set; }
        [Uniform(1, 9)] public int Quantity { get; set; }
    }
}

namespace SynthKit.Cli.Tests.Legacy
{
    /// <summary>A second schema named Customer: the short name is then ambiguous.</summary>
    [SyntheticSchema]
    [Provenance(Source = "CLI tests", Purpose = "an ambiguous short name", Owner = "SynthKit")]
    public sealed class Customer
    {
        public int Number { get; set; }
    }
}

namespace SynthKit.Cli.Tests.Hostile
{
    /// <summary>A schema whose constructor throws, as user code can.</summary>
    [SynthKit.SyntheticSchema]
    public sealed class Grumpy
    {
        public Grumpy() => throw new System.InvalidOperationException("no rows today");

        public int X { get; set; }
    }
}
