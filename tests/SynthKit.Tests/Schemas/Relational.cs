using System;
using System.ComponentModel.DataAnnotations;

namespace SynthKit.Tests.Schemas;

public enum OrderStatus
{
    Submitted,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>A parent table: a sequential key and a coherent person (first name matching sex, e-mail from the names).</summary>
[SyntheticSchema]
public sealed class Customer
{
    [Sequence(Start = 1)] public int Id { get; init; }
    [Categorical("F", "M")] public string Sex { get; init; } = "";
    [Pii(PiiKind.FirstName)] public string FirstName { get; init; } = "";
    [Pii(PiiKind.LastName)] public string LastName { get; init; } = "";
    [Pii(PiiKind.Email)] public string Email { get; init; } = "";
    [Pii(PiiKind.Phone)] public string Phone { get; init; } = "";
    [StringLength(24, MinimumLength = 3)] public string Note { get; init; } = "";
}

/// <summary>A child table: a foreign key with Poisson children per customer, dates in order, a conditional shipped date, money.</summary>
[SyntheticSchema]
public sealed class ShopOrder
{
    // Declared before the member it follows: order of declaration must not matter.
    [After(nameof(OrderDate), Min = "1.00:00", Max = "30.00:00")]
    [OnlyWhen(nameof(Status), OrderStatus.Shipped, OrderStatus.Delivered)]
    public DateTime? ShippedDate { get; init; }

    [Key] public int Id { get; init; }
    [Sequence(Start = 1, Format = "ORD-{0:D6}")] public string Number { get; init; } = "";
    [References(typeof(Customer), Parents = 1000, PerParent = ChildCount.Poisson, Mean = 3)] public int CustomerId { get; init; }
    [DateRange("2024-01-01", "2025-01-01")] public DateTime OrderDate { get; init; }
    public OrderStatus Status { get; init; }
    [Range(0.01, 10000)] public decimal Price { get; init; }
    [Uniform(1, 5)] public int Quantity { get; init; }
    [After(nameof(Quantity), Min = "0", Max = "10")] public int Reserved { get; init; }
    [After(nameof(Price), Min = "0.5", Max = "2")] public double PriceWithTax { get; init; }
}

/// <summary>Dates that follow nullable dates; a sex enum for names; formatted string keys referenced by a child.</summary>
[SyntheticSchema]
public sealed class Employee
{
    [Sequence(Start = 100, Step = 10, Format = "E{0}")] public string Code { get; init; } = "";
    public Gender Gender { get; init; }
    [Pii(PiiKind.FullName)] public string Name { get; init; } = "";
    [DateRange("2015-01-01", "2024-01-01")] public DateOnly HireDate { get; init; }
    [After(nameof(HireDate), Min = "30", Max = "3000")] [NullRate(0.6)] public DateOnly? TerminationDate { get; init; }
    [After(nameof(TerminationDate), Min = "1", Max = "90")] public DateOnly? ExitInterview { get; init; }
    [OnlyWhen(nameof(Manager), true)] public int? Reports { get; init; }
    public bool Manager { get; init; }
}

public enum Gender
{
    Female,
    Male,
    Other,
}

/// <summary>Children spread by a fixed count, uniformly and by a Zipf tail; a string key.</summary>
[SyntheticSchema]
public sealed class Assignment
{
    [References(typeof(Employee), Parents = 50, PerParent = ChildCount.Fixed, Mean = 4)] public string EmployeeCode { get; init; } = "";
    [References(typeof(Customer), Parents = 200, PerParent = ChildCount.Uniform, Mean = 5)] public long CustomerId { get; init; }
    [References(typeof(ShopOrder), Parents = 500, PerParent = ChildCount.Zipf, Exponent = 1.2)] public int OrderId { get; init; }
}

/// <summary>Members with no rule whose names say what they hold: they get the matching fakes (and still no privacy mark).</summary>
[SyntheticSchema]
public sealed class Contact
{
    public string FirstName { get; init; } = "";
    public string Surname { get; init; } = "";
    public string EmailAddress { get; init; } = "";
    public string WorkEmail { get; init; } = "";
    public DateOnly DateOfBirth { get; init; }
    public string PostalCode { get; init; } = "";
    public string HomePhone { get; init; } = "";
    public string City { get; init; } = "";
    public double Latitude { get; init; }
    public int Zip { get; init; }
    public string EmailSent { get; init; } = "";
}

/// <summary>Members computed by the schema's own methods, after every drawn member and each seeing the ones before.</summary>
[SyntheticSchema]
public sealed class Invoice
{
    [Uniform(1, 10)] public int Quantity { get; init; }
    [Range(1, 500)] public decimal UnitPrice { get; init; }
    [Derived(nameof(ComputeTotal))] public decimal Total { get; init; }
    [Derived(nameof(TaxOf))] public decimal Tax { get; init; } // derived after Total (declaration order), so it sees it
    [Derived(nameof(Describe))] [NullRate(0.3)] public string? Summary { get; init; }
    [Derived(nameof(Half))] public int? HalfQuantity { get; init; }

    public decimal ComputeTotal() => Quantity * UnitPrice;

    public static decimal TaxOf(Invoice invoice) => Math.Round(invoice.Total * 0.2m, 2);

    internal string Describe() => $"{Quantity} x {UnitPrice}";

    public int Half() => Quantity / 2;
}

/// <summary>A parent with a navigation list of its children: the child table's own rows that name it.</summary>
[SyntheticSchema]
public sealed class Author
{
    [Key] public int Id { get; init; }
    [Pii(PiiKind.FullName)] public string Name { get; init; } = "";
    [Children(typeof(Novel))] public System.Collections.Generic.List<Novel> Novels { get; init; } = new();
}

[SyntheticSchema]
public sealed class Novel
{
    [Sequence(Start = 1)] public int Id { get; init; }
    [References(typeof(Author), Parents = 50, PerParent = ChildCount.Poisson, Mean = 3)] public int AuthorId { get; init; }
    [Fake(FakeKind.ProductName)] public string Title { get; init; } = "";
    [Pii(PiiKind.City)] public string Setting { get; init; } = "";
}

[SyntheticSchema]
public sealed class Squad
{
    [Key] public int Id { get; init; }
    [Children(typeof(Player))] public Player[] Players { get; init; } = Array.Empty<Player>();
}

[SyntheticSchema]
public sealed class Player
{
    [References(typeof(Squad), Parents = 20, PerParent = ChildCount.Fixed, Mean = 5)] public int TeamId { get; init; }
    [Pii(PiiKind.FirstName)] public string Name { get; init; } = "";
}
