using System;
using System.Collections.Generic;

namespace SynthKit.Tests.Schemas;

/// <summary>A positional record: values flow through the primary constructor; attributes sit on its parameters.</summary>
[SyntheticSchema]
public sealed record PersonRecord(
    [Pii(PiiKind.FirstName)] string First,
    [Pii(PiiKind.LastName)] string Last,
    [Pii(PiiKind.FullName)] string Full,
    [Pii(PiiKind.Username)] string Handle,
    [Uniform(18, 65)] int Age);

/// <summary>A struct with required and init-only members.</summary>
[SyntheticSchema]
public readonly struct Measurement
{
    [Normal(20, 2), Round(1)]
    public required double Celsius { get; init; }

    [Uniform(0, 100)]
    public required int Humidity { get; init; }

    [DateRange("2024-01-01T00:00:00", "2024-01-02T00:00:00")]
    public DateTime TakenAt { get; init; }
}

/// <summary>A nested (flattened in CSV) object.</summary>
public sealed class Address
{
    [Pii(PiiKind.StreetAddress)] public string Street { get; set; } = "";
    [Pii(PiiKind.City)] public string City { get; set; } = "";
    [Pii(PiiKind.PostalCode)] public string PostalCode { get; set; } = "";
    public Color Door { get; set; }
}

/// <summary>Nested objects, one of them nullable.</summary>
[SyntheticSchema]
public sealed class Household
{
    [Pii(PiiKind.LastName)] public string Name { get; set; } = "";
    public Address Home { get; set; } = new();
    [NullRate(0.5)] public Address? Holiday { get; set; }
    [Uniform(1, 6)] public int Members { get; set; }
}

/// <summary>An element of a list member.</summary>
public sealed record OrderLine(
    [Fake(FakeKind.ProductName)] string Product,
    [Uniform(1, 9)] int Quantity,
    [LogNormal(3, 0.5), Round(2)] decimal Price);

/// <summary>Lists of nested schema types: JSON Lines carries them, CSV refuses them.</summary>
[SyntheticSchema]
public sealed class Order
{
    [Unique, Pattern("ORD-#####")] public string Number { get; set; } = "";
    [Pii(PiiKind.Email)] public string CustomerEmail { get; set; } = "";
    [Count(0, 4)] public List<OrderLine> Lines { get; set; } = new();
    [Count(2, 2)] public OrderLine[] Featured { get; set; } = Array.Empty<OrderLine>();
    public IReadOnlyList<OrderLine> Extras { get; set; } = Array.Empty<OrderLine>();
    [NullRate(0.5)] public List<OrderLine>? Returns { get; set; }
}

/// <summary>An element of a list whose members carry privacy marks.</summary>
public sealed class TeamMember
{
    [Pii(PiiKind.FullName)] public string Name { get; set; } = "";
    [Sensitive, Uniform(30_000, 90_000)] public int Salary { get; set; }
}

/// <summary>Privacy marks inside list elements reach the manifest under their path.</summary>
[SyntheticSchema]
public sealed class Team
{
    [Fake(FakeKind.Company)] public string Name { get; set; } = "";
    [Count(1, 3)] public List<TeamMember> Members { get; set; } = new();
}

/// <summary>Two members to be learned jointly, beside rule-driven ones, for the column-model seam.</summary>
[SyntheticSchema]
public sealed class Paired
{
    [Pii(PiiKind.FirstName)] public string Name { get; set; } = "";
    [Learned, NotPii] public double X { get; set; }
    [Learned, NotPii] public double Y { get; set; }
    [Uniform(0, 10)] public int Visits { get; set; }
    [Pii(PiiKind.Email)] public string Contact { get; set; } = "";
}

/// <summary>A positional record struct: its attributes sit on primary-constructor parameters, and a parameterless constructor exists.</summary>
[SyntheticSchema]
public readonly record struct PriceTag([LogNormal(3, 1), Round(2)] decimal Amount, [Categorical("USD", "EUR")] string Currency);

/// <summary>One member of each parsed type, for the readers' strictness tests.</summary>
[SyntheticSchema]
public sealed class Reading
{
    public double Value { get; set; }
    public DateTime At { get; set; }
    public DateTimeOffset Stamp { get; set; }
    public TimeOnly Time { get; set; }
    public Color Color { get; set; }
}
