using System;

namespace SynthKit.Tests.Schemas;

// Two versions of one schema (same Name): B adds a member, drops one and reorders the rest. Every member the two
// share must keep byte-identical values, which is what keeps fixtures and snapshots from churning.

[SyntheticSchema(Name = "Versioned")]
public sealed class VersionA
{
    [Pii(PiiKind.FirstName)] public string First { get; set; } = "";
    [Normal(100, 15)] public double Score { get; set; }
    [Pattern("??-###")] public string Code { get; set; } = "";
    public Guid Id { get; set; }
    [Probability(0.5)] public bool Flag { get; set; }
}

[SyntheticSchema(Name = "Versioned")]
public sealed class VersionB
{
    public Guid Id { get; set; }
    [Uniform(0, 10)] public int Added { get; set; }
    [Pattern("??-###")] public string Code { get; set; } = "";
    [Pii(PiiKind.FirstName)] public string First { get; set; } = "";
    [Normal(100, 15)] public double Score { get; set; }
}
