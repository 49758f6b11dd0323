using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthKit;

/// <summary>How a column's values are stored: the physical type, independent of what they mean.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<StorageType>))]
public enum StorageType
{
    /// <summary>True or false.</summary>
    Boolean = 1,

    /// <summary>One UTF-16 character.</summary>
    Char,

    /// <summary>8-bit signed integer.</summary>
    Int8,

    /// <summary>8-bit unsigned integer.</summary>
    UInt8,

    /// <summary>16-bit signed integer.</summary>
    Int16,

    /// <summary>16-bit unsigned integer.</summary>
    UInt16,

    /// <summary>32-bit signed integer.</summary>
    Int32,

    /// <summary>32-bit unsigned integer.</summary>
    UInt32,

    /// <summary>64-bit signed integer.</summary>
    Int64,

    /// <summary>64-bit unsigned integer.</summary>
    UInt64,

    /// <summary>32-bit floating point.</summary>
    Float32,

    /// <summary>64-bit floating point.</summary>
    Float64,

    /// <summary>128-bit decimal.</summary>
    Decimal,

    /// <summary>Text.</summary>
    String,

    /// <summary>A calendar date (<see cref="System.DateOnly"/>).</summary>
    Date,

    /// <summary>A timestamp without offset (<see cref="System.DateTime"/>).</summary>
    DateTime,

    /// <summary>A timestamp with an offset from UTC (<see cref="System.DateTimeOffset"/>).</summary>
    DateTimeOffset,

    /// <summary>A time of day (<see cref="System.TimeOnly"/>).</summary>
    Time,

    /// <summary>A duration (<see cref="System.TimeSpan"/>).</summary>
    Duration,

    /// <summary>A GUID.</summary>
    Guid,

    /// <summary>One of the named members of an enum; the column's <c>categories</c> list them in declaration order.</summary>
    Enum,
}

/// <summary>What a column's values mean statistically: how fitting and evaluation treat them.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<StatisticalKind>))]
public enum StatisticalKind
{
    /// <summary>Numbers whose order and distance matter: measurements, amounts, counts.</summary>
    Numerical = 1,

    /// <summary>One of a set of labels.</summary>
    Categorical,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>Dates, times and timestamps.</summary>
    Datetime,

    /// <summary>Keys that name a row rather than describe it.</summary>
    Identifier,

    /// <summary>Free text.</summary>
    Text,
}

/// <summary>The generation rules a column spec can state.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RuleKind>))]
public enum RuleKind
{
    /// <summary>The storage type's default (see <c>docs/schemas.md</c>).</summary>
    Default = 1,

    /// <summary>A fake value: <see cref="RuleSpec.Fake"/> names a <c>PiiKind</c> or <c>FakeKind</c>.</summary>
    Fake,

    /// <summary>Normal(<see cref="RuleSpec.Mean"/>, <see cref="RuleSpec.Sd"/>).</summary>
    Normal,

    /// <summary>LogNormal(<see cref="RuleSpec.Mu"/>, <see cref="RuleSpec.Sigma"/>).</summary>
    LogNormal,

    /// <summary>Uniform over [<see cref="RuleSpec.Min"/>, <see cref="RuleSpec.Max"/>] (inclusive for integers).</summary>
    Uniform,

    /// <summary>Exponential(<see cref="RuleSpec.Rate"/>).</summary>
    Exponential,

    /// <summary>Poisson(<see cref="RuleSpec.Lambda"/>).</summary>
    Poisson,

    /// <summary>Zipf(<see cref="RuleSpec.S"/>, <see cref="RuleSpec.N"/>) over 1 … N.</summary>
    Zipf,

    /// <summary>Gamma(<see cref="RuleSpec.Shape"/>, <see cref="RuleSpec.Rate"/>).</summary>
    Gamma,

    /// <summary>Beta(<see cref="RuleSpec.Alpha"/>, <see cref="RuleSpec.Beta"/>).</summary>
    Beta,

    /// <summary>Triangular(<see cref="RuleSpec.Min"/>, <see cref="RuleSpec.Mode"/>, <see cref="RuleSpec.Max"/>).</summary>
    Triangular,

    /// <summary>One of <see cref="RuleSpec.Values"/>, uniformly or by <see cref="RuleSpec.Weights"/>.</summary>
    Categorical,

    /// <summary>True with probability <see cref="RuleSpec.P"/>.</summary>
    Bernoulli,

    /// <summary>Dates or whole-second timestamps between <see cref="RuleSpec.From"/> and <see cref="RuleSpec.To"/>.</summary>
    DateRange,

    /// <summary>A <see cref="RuleSpec.Pattern"/>: <c>#</c> digit, <c>?</c> letter, <c>*</c> either, <c>\</c> escapes.</summary>
    Pattern,

    /// <summary>Row <c>i</c> gets <see cref="RuleSpec.Start"/> + i × <see cref="RuleSpec.Step"/> (strings: through <see cref="RuleSpec.Format"/>).</summary>
    Sequence,

    /// <summary>
    /// The value of <see cref="RuleSpec.Column"/> in the same row plus an offset uniform in [<see cref="RuleSpec.Min"/>,
    /// <see cref="RuleSpec.Max"/>]: seconds for timestamps, days for dates, units for numbers; null when that column is.
    /// </summary>
    After,

    /// <summary>
    /// A foreign key: the key of a row of <see cref="RuleSpec.Table"/> (its sequence <see cref="RuleSpec.Start"/>,
    /// <see cref="RuleSpec.Step"/>, <see cref="RuleSpec.Format"/>) among its first <see cref="RuleSpec.Parents"/> rows, with
    /// children per parent by <see cref="RuleSpec.PerParent"/>.
    /// </summary>
    Reference,

    /// <summary>
    /// A value computed from the rest of the row by the schema's C# method <see cref="RuleSpec.Method"/>
    /// (<c>[Derived]</c>). Only the generated synthesizer can call it; a spec-driven synthesizer needs a column model that
    /// draws the column (SK4006 otherwise).
    /// </summary>
    Derived,
}

/// <summary>A string enum converter that writes and reads camelCase names, so spec JSON reads naturally.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, System.Enum
{
    /// <summary>Creates the converter.</summary>
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
