namespace SynthKit.Generators.Tests;

/// <summary>Representative schemas for snapshot and pipeline tests.</summary>
internal static class Sources
{
    public const string SimpleClass = """
        using System;
        using SynthKit;

        namespace Shop;

        [SyntheticSchema]
        [Provenance(Source = "rules", Purpose = "tests", Owner = "team", License = "MIT")]
        public class Customer
        {
            public Guid Id { get; set; }
            [Pii(PiiKind.FirstName)] public string FirstName { get; set; } = "";
            [Pii(PiiKind.LastName)] public string LastName { get; set; } = "";
            [Pii(PiiKind.Email), Unique] public string Email { get; set; } = "";
            [QuasiIdentifier, Normal(40, 12), Clamp(18, 90)] public int Age { get; set; }
            [Categorical("bronze", "silver", "gold", Weights = new[] { 0.7, 0.2, 0.1 })] public string Tier { get; set; } = "";
            [Sensitive, LogNormal(8, 1), Round(2)] public decimal Spend { get; set; }
            [Probability(0.3)] public bool Subscribed { get; set; }
            [DateRange("2020-01-01", "2025-01-01")] public DateTime JoinedAt { get; set; }
        }
        """;

    public const string RecordWithEnumsAndNullables = """
        using System;
        using SynthKit;

        namespace Fleet;

        public enum Fuel { Petrol, Diesel, Electric }

        [SyntheticSchema(Name = "Vehicle")]
        internal sealed record Car(
            [Unique, Pattern("??-###-??")] string Plate,
            Fuel Fuel,
            [NullRate(0.1), Poisson(2)] int? Owners,
            [Zipf(1.2, 50)] int PopularityRank,
            [NullRate(0.2)] DateOnly? LastInspection,
            [Uniform(0, 3600)] TimeSpan DailyUse)
        {
            public required double Mileage { get; init; }
        }
        """;

    public const string NestedAndLists = """
        using System.Collections.Generic;
        using SynthKit;

        namespace Library;

        public struct Shelf
        {
            [Uniform(1, 20)] public int Row { get; set; }
            [Pattern("?")] public string Section { get; set; }
        }

        public sealed class Book
        {
            [Fake(FakeKind.ProductName)] public string Title { get; set; } = "";
            public Shelf Location { get; set; }
        }

        [SyntheticSchema]
        public sealed class Branch
        {
            [Fake(FakeKind.City)] public string Name { get; set; } = "";
            [NullRate(0.5)] public Shelf? Featured { get; set; }
            [Count(0, 5)] public List<Book> Books { get; set; } = new();
            public Book[] Returns { get; set; } = System.Array.Empty<Book>();
        }
        """;

    /// <summary>A domain model compiled into its own assembly (referencing only the attributes).</summary>
    public const string DomainModel = """
        using System;
        using SynthKit;

        [assembly: Provenance(Source = "domain assembly", Purpose = "metadata tests")]

        namespace Domain;

        public sealed class Patient
        {
            public Guid Id { get; init; }
            [Pii(PiiKind.FirstName)] public required string FirstName { get; init; }
            [Pii(PiiKind.Email)] public required string Email { get; init; }
            [Normal(45, 18), Clamp(0, 100)] public int Age { get; init; }
            [System.ComponentModel.DataAnnotations.Range(1, 5)] public int Priority { get; init; }
        }
        """;

    public const string SynthesizerForDomainModel = """
        using SynthKit;

        namespace Tests;

        [Synthesizer(typeof(Domain.Patient))]
        public partial class PatientSynthesizer;
        """;
}
