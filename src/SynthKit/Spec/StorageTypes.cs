using System;
using System.Globalization;
using System.Text;

namespace SynthKit;

/// <summary>Maps storage types to CLR types and column kinds, and states rules as text.</summary>
internal static class StorageTypes
{
    /// <summary>
    /// Whether a column can hold nulls: it is nullable, has a null rate, or sits inside a nested object that can be null
    /// (whatever its own spec says). Sinks declare the rest required (Parquet <c>REQUIRED</c>, SQL <c>NOT NULL</c>).
    /// </summary>
    public static bool MayBeNull(TableSpec table, ColumnSpec c)
    {
        bool nullable = c.Nullable || c.Modifiers?.NullRate > 0;
        foreach (var o in table.Objects ?? [])
        {
            nullable |= o.NullRate > 0 && c.Name.StartsWith(o.Path + ".", StringComparison.Ordinal);
        }

        return nullable;
    }

    /// <summary>The storage type of values of a CLR type (text for <c>ReadOnlyMemory&lt;char&gt;</c> too), or null for a type columns do not hold.</summary>
    public static StorageType? Of(Type clr) =>
        clr == typeof(bool) ? StorageType.Boolean
        : clr == typeof(char) ? StorageType.Char
        : clr == typeof(sbyte) ? StorageType.Int8
        : clr == typeof(byte) ? StorageType.UInt8
        : clr == typeof(short) ? StorageType.Int16
        : clr == typeof(ushort) ? StorageType.UInt16
        : clr == typeof(int) ? StorageType.Int32
        : clr == typeof(uint) ? StorageType.UInt32
        : clr == typeof(long) ? StorageType.Int64
        : clr == typeof(ulong) ? StorageType.UInt64
        : clr == typeof(float) ? StorageType.Float32
        : clr == typeof(double) ? StorageType.Float64
        : clr == typeof(decimal) ? StorageType.Decimal
        : clr == typeof(DateOnly) ? StorageType.Date
        : clr == typeof(DateTime) ? StorageType.DateTime
        : clr == typeof(DateTimeOffset) ? StorageType.DateTimeOffset
        : clr == typeof(TimeOnly) ? StorageType.Time
        : clr == typeof(TimeSpan) ? StorageType.Duration
        : clr == typeof(Guid) ? StorageType.Guid
        : clr == typeof(string) || clr == typeof(ReadOnlyMemory<char>) ? StorageType.String
        : null;

    /// <summary>
    /// A column of values read from another engine's table (a Parquet file, a query) with no spec: its storage type, the
    /// statistical kind that type suggests (text categorical, GUIDs identifiers), nullable.
    /// </summary>
    public static ColumnSpec Guess(string name, StorageType type, bool nullable) => new()
    {
        Name = name,
        Type = type,
        Nullable = nullable,
        Kind = type switch
        {
            StorageType.Boolean => StatisticalKind.Boolean,
            StorageType.String or StorageType.Char => StatisticalKind.Categorical,
            StorageType.Guid => StatisticalKind.Identifier,
            StorageType.Date or StorageType.DateTime or StorageType.DateTimeOffset or StorageType.Time => StatisticalKind.Datetime,
            _ => StatisticalKind.Numerical,
        },
    };

    public static Type ClrTypeOf(StorageType type) => type switch
    {
        StorageType.Boolean => typeof(bool),
        StorageType.Char => typeof(char),
        StorageType.Int8 => typeof(sbyte),
        StorageType.UInt8 => typeof(byte),
        StorageType.Int16 => typeof(short),
        StorageType.UInt16 => typeof(ushort),
        StorageType.Int32 => typeof(int),
        StorageType.UInt32 => typeof(uint),
        StorageType.Int64 => typeof(long),
        StorageType.UInt64 => typeof(ulong),
        StorageType.Float32 => typeof(float),
        StorageType.Float64 => typeof(double),
        StorageType.Decimal => typeof(decimal),
        StorageType.Date => typeof(DateOnly),
        StorageType.DateTime => typeof(DateTime),
        StorageType.DateTimeOffset => typeof(DateTimeOffset),
        StorageType.Time => typeof(TimeOnly),
        StorageType.Duration => typeof(TimeSpan),
        StorageType.Guid => typeof(Guid),
        _ => typeof(string),
    };

    public static ColumnKind ColumnKindOf(ColumnSpec c)
    {
        if (c.IsPersonalData)
        {
            return ColumnKind.PersonalData;
        }

        return c.Kind switch
        {
            StatisticalKind.Numerical => c.Type is >= StorageType.Int8 and <= StorageType.UInt64 ? ColumnKind.Discrete : ColumnKind.Continuous,
            StatisticalKind.Categorical => ColumnKind.Categorical,
            StatisticalKind.Boolean => ColumnKind.Boolean,
            StatisticalKind.Datetime => ColumnKind.DateTime,
            StatisticalKind.Identifier => ColumnKind.Identifier,
            _ => ColumnKind.Text,
        };
    }

    public static string Describe(ColumnSpec c)
    {
        static string F(double? v) => (v ?? 0).ToString("R", CultureInfo.InvariantCulture);
        var r = c.Rule;
        var text = new StringBuilder(r.Kind switch
        {
            RuleKind.Normal => $"Normal(mean: {F(r.Mean)}, sd: {F(r.Sd)})",
            RuleKind.LogNormal => $"LogNormal(mu: {F(r.Mu)}, sigma: {F(r.Sigma)})",
            RuleKind.Uniform => $"Uniform({F(r.Min)}, {F(r.Max)})",
            RuleKind.Exponential => $"Exponential(rate: {F(r.Rate)})",
            RuleKind.Poisson => $"Poisson(lambda: {F(r.Lambda)})",
            RuleKind.Zipf => $"Zipf(s: {F(r.S)}, n: {F(r.N)})",
            RuleKind.Gamma => $"Gamma(shape: {F(r.Shape)}, rate: {F(r.Rate)})",
            RuleKind.Beta => $"Beta(alpha: {F(r.Alpha)}, beta: {F(r.Beta)})",
            RuleKind.Triangular => $"Triangular({F(r.Min)}, {F(r.Mode)}, {F(r.Max)})",
            RuleKind.Bernoulli => $"Bernoulli(p: {F(r.P)})",
            RuleKind.Categorical => "Categorical(" + string.Join(", ", r.Values ?? Array.Empty<string?>()) + ")",
            RuleKind.DateRange => $"dates [{r.From}, {r.To}]",
            RuleKind.Pattern => $"Pattern(\"{r.Pattern}\")",
            RuleKind.Fake => "fake " + r.Fake + (r.Sex is null ? string.Empty : " matching " + r.Sex),
            RuleKind.Sequence => $"sequence {F(r.Start ?? 1)} + row × {F(r.Step ?? 1)}" + (r.Format is null ? string.Empty : $" as \"{r.Format}\""),
            RuleKind.Derived => $"derived by {r.Method}",
            RuleKind.After => $"{r.Column} + Uniform({F(r.Min)}, {F(r.Max)}) {(c.Type == StorageType.Date ? "days" : c.Type is StorageType.DateTime or StorageType.DateTimeOffset ? "seconds" : "units")}",
            RuleKind.Reference => $"reference {r.Table}.{r.ParentKey} of {F(r.Parents)} rows, {(r.PerParent ?? ChildCount.Uniform).ToString().ToLowerInvariant()} children, mean {F(r.Mean ?? 1)}",
            _ => "default",
        });
        var m = c.Modifiers;
        if (m?.Round is { } round)
        {
            text.Append(" | round(").Append(round.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        if (m?.ClampMin is not null)
        {
            text.Append(" | clamp(").Append(F(m.ClampMin)).Append(", ").Append(F(m.ClampMax)).Append(')');
        }

        if (m?.NullRate > 0)
        {
            text.Append(" | null ").Append(F(m.NullRate));
        }

        if (m?.Unique == true)
        {
            text.Append(" | unique");
        }

        if (m?.When is { } when)
        {
            text.Append(" | only when ").Append(when.Column).Append(" in {").Append(string.Join(", ", when.Values)).Append('}');
        }

        if (c.Learned)
        {
            text.Append(" | learned");
        }

        return text.ToString();
    }
}
