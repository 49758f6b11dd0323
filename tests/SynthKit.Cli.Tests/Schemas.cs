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
