using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace SynthKit.Tests.Schemas;

public enum Genre
{
    Fiction,
    Science,
    History,
}

/// <summary>Lists and arrays of values: each attribute is the elements' rule, [Count] (or [MinLength]/[MaxLength]) the length.</summary>
[SyntheticSchema]
public sealed class Article
{
    [Pattern("ART-#####")] public string Id { get; init; } = "";
    [Categorical("news", "sport", "tech", "culture")] [Count(1, 3)] public List<string> Tags { get; init; } = new();
    [Uniform(1, 5)] [Count(5, 5)] public int[] Ratings { get; init; } = Array.Empty<int>();
    [Count(0, 4)] public List<Genre> Genres { get; init; } = new();
    [DateRange("2024-01-01", "2024-12-31")] [Count(2, 2)] public DateOnly[] Revisions { get; init; } = Array.Empty<DateOnly>();
    [Pii(PiiKind.Email)] [Count(1, 2)] public IReadOnlyList<string> Emails { get; init; } = Array.Empty<string>();
    [StringLength(12, MinimumLength = 4)] [MinLength(2)] [MaxLength(3)] public string[] Keywords { get; init; } = Array.Empty<string>();
    [Normal(50, 10)] [Round(1)] [NullRate(0.5)] public List<double>? Scores { get; init; }
    public List<bool> Flags { get; init; } = new();
    public List<Guid> Links { get; init; } = new();
    [Count(1, 2)] public List<Uri> Sources { get; init; } = new();
}

/// <summary>Uri members: an https URL of a fake domain, as text in CSV, JSON and the spec.</summary>
[SyntheticSchema]
public sealed class Bookmark
{
    [Sequence(Start = 1)] public int Id { get; init; }
    public Uri Link { get; init; } = null!;
    [Fake(FakeKind.Url)] [NullRate(0.5)] public Uri? Mirror { get; init; }
    [Fake(FakeKind.Word)] public string Title { get; init; } = "";
}
