using System;
using System.Collections.Generic;
using System.Globalization;

namespace SynthKit;

/// <summary>Checks that a spec can be synthesized and read: names, rules that fit their types, parameters, sources.</summary>
internal static class SpecValidator
{
    /// <summary>The longest generated text (as the generator's bound): beyond it one value would exhaust memory.</summary>
    public const int MaxTextLength = 1_000_000;

    public static void Validate(TableSpec spec, string? path)
    {
        void Fail(string where, string message) =>
            throw new SynthKitException(ErrorCodes.InvalidSpec, $"{where}: {message}", path);

        if (spec.SpecVersion != TableSpec.CurrentVersion)
        {
            Fail("specVersion", $"version {spec.SpecVersion} is not supported; this SynthKit reads version {TableSpec.CurrentVersion}");
        }

        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            Fail("name", "the table needs a name");
        }

        if (spec.Columns is null || spec.Columns.Count == 0)
        {
            Fail("columns", "the table needs at least one column");
        }

        if (spec.Locale is not null && SynthLocale.Canonical(spec.Locale) is null)
        {
            Fail("locale", $"there is no locale '{spec.Locale}'; the locales are {string.Join(", ", SynthLocale.Names)}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < spec.Columns!.Count; i++)
        {
            var c = spec.Columns[i];
            string at = $"columns[{i}]";
            if (c is null || string.IsNullOrEmpty(c.Name))
            {
                Fail(at, "a column needs a name");
            }

            at += $" ('{c!.Name}')";
            if (!names.Add(c.Name))
            {
                Fail(at, "the name is used by another column");
            }

            if (!Enum.IsDefined(c.Type))
            {
                Fail(at + ".type", "unknown storage type");
            }

            if (!Enum.IsDefined(c.Kind))
            {
                Fail(at + ".kind", "unknown statistical kind");
            }

            var m = c.Modifiers;
            if (m is not null)
            {
                if (!(m.NullRate >= 0 && m.NullRate <= 1))
                {
                    Fail(at + ".modifiers.nullRate", "must be within [0, 1]");
                }

                if (m.NullRate > 0 && !c.Nullable)
                {
                    Fail(at + ".modifiers.nullRate", "a column with a null rate must be nullable");
                }

                if ((m.ClampMin is null) != (m.ClampMax is null) || m.ClampMin > m.ClampMax || double.IsNaN(m.ClampMin ?? 0) || double.IsNaN(m.ClampMax ?? 0))
                {
                    Fail(at + ".modifiers", "clampMin and clampMax go together, with clampMin ≤ clampMax");
                }

                if (m.MinLength is < 0 or > MaxTextLength || m.MaxLength < 0 || m.MinLength > m.MaxLength)
                {
                    Fail(at + ".modifiers", $"minLength and maxLength need 0 ≤ minLength ≤ maxLength, minLength ≤ {MaxTextLength:N0}");
                }

                if (m.Round is < 0 or > 15)
                {
                    Fail(at + ".modifiers.round", "digits must be within 0 … 15");
                }

                if (m.When is { } when)
                {
                    var source = when.Column is null ? null : spec.FindColumn(when.Column);
                    if (source is null || ReferenceEquals(source, c))
                    {
                        Fail(at + ".modifiers.when.column", $"'{when.Column}' is not another column of the table");
                    }

                    if (source!.Type is not (StorageType.String or StorageType.Enum or StorageType.Boolean or >= StorageType.Int8 and <= StorageType.UInt64))
                    {
                        Fail(at + ".modifiers.when.column", $"'{when.Column}' is {source.Type}; the deciding column must be a string, enum, boolean or integer");
                    }

                    if (when.Values is not { Count: > 0 } || !System.Linq.Enumerable.All(when.Values, v => v is not null && ConditionValue(source.Type, v)))
                    {
                        Fail(at + ".modifiers.when.values", $"needs at least one value, each a value of {source.Type}");
                    }

                    if (!c.Nullable)
                    {
                        Fail(at + ".modifiers.when", "a conditional column is null in the other rows, so it must be nullable");
                    }
                }
            }

            if (c.Type == StorageType.Enum && (c.Categories is null || c.Categories.Count == 0))
            {
                Fail(at + ".categories", "an enum column lists its members");
            }

            ValidateRule(spec, c, at + ".rule", Fail);
        }

        foreach (var o in spec.Objects ?? Array.Empty<ObjectSpec>())
        {
            if (o is null || string.IsNullOrEmpty(o.Path) || string.IsNullOrEmpty(o.Key) || !(o.NullRate >= 0 && o.NullRate <= 1))
            {
                Fail("objects", "each object needs a path, a key and a null rate within [0, 1]");
            }
        }

        if (spec.PrimaryKey is not null && spec.FindColumn(spec.PrimaryKey) is null)
        {
            Fail("primaryKey", $"'{spec.PrimaryKey}' is not a column");
        }

        if (SpecOrder.Cycle(spec) is { } cycle)
        {
            Fail("columns", $"the columns depend on each other in a cycle: {cycle}");
        }
    }

    private static bool ConditionValue(StorageType type, string v) => type switch
    {
        StorageType.Boolean => v is "true" or "false",
        >= StorageType.Int8 and <= StorageType.UInt64 => Parses(type, v),
        _ => true,
    };

    private static void ValidateRule(TableSpec spec, ColumnSpec c, string at, Action<string, string> fail)
    {
        var r = c.Rule ?? throw new SynthKitException(ErrorCodes.InvalidSpec, at + ": missing");
        bool numeric = c.Type is >= StorageType.Int8 and <= StorageType.Decimal or StorageType.Duration;
        bool date = c.Type is StorageType.Date or StorageType.DateTime or StorageType.DateTimeOffset;
        void Need(bool ok, string what)
        {
            if (!ok)
            {
                fail(at, what);
            }
        }

        static bool Finite(double? v) => v is { } x && double.IsFinite(x);
        static bool Positive(double? v) => v is { } x && x > 0 && double.IsFinite(x);
        switch (r.Kind)
        {
            case RuleKind.Default:
                break;
            case RuleKind.Normal:
                Need(numeric, "normal draws numbers");
                Need(Finite(r.Mean) && Positive(r.Sd), "normal needs a finite mean and a positive sd");
                break;
            case RuleKind.LogNormal:
                Need(numeric, "logNormal draws numbers");
                Need(Finite(r.Mu) && Positive(r.Sigma), "logNormal needs a finite mu and a positive sigma");
                break;
            case RuleKind.Uniform:
                Need(numeric, "uniform draws numbers");
                Need(Finite(r.Min) && Finite(r.Max) && r.Min <= r.Max, "uniform needs finite min ≤ max");
                break;
            case RuleKind.Exponential:
                Need(numeric, "exponential draws numbers");
                Need(Positive(r.Rate), "exponential needs a positive rate");
                break;
            case RuleKind.Poisson:
                Need(numeric, "poisson draws numbers");
                Need(Positive(r.Lambda), "poisson needs a positive lambda");
                break;
            case RuleKind.Zipf:
                Need(numeric, "zipf draws numbers");
                Need(Positive(r.S) && r.N is > 0, "zipf needs a positive s and n ≥ 1");
                break;
            case RuleKind.Gamma:
                Need(numeric, "gamma draws numbers");
                Need(Positive(r.Shape) && Positive(r.Rate), "gamma needs a positive shape and rate");
                break;
            case RuleKind.Beta:
                Need(numeric, "beta draws numbers");
                Need(Positive(r.Alpha) && Positive(r.Beta), "beta needs a positive alpha and beta");
                break;
            case RuleKind.Triangular:
                Need(numeric, "triangular draws numbers");
                Need(Finite(r.Min) && Finite(r.Mode) && Finite(r.Max) && r.Min <= r.Mode && r.Mode <= r.Max && r.Min < r.Max, "triangular needs min ≤ mode ≤ max, min < max");
                break;
            case RuleKind.Bernoulli:
                Need(c.Type == StorageType.Boolean, "bernoulli draws booleans");
                Need(r.P is >= 0 and <= 1, "bernoulli needs p within [0, 1]");
                break;
            case RuleKind.Categorical:
                Need(r.Values is { Count: > 0 }, "categorical needs values");
                Need(r.Weights is null || r.Weights.Count == 0 || (r.Weights.Count == r.Values!.Count && SumPositive(r.Weights)), "categorical needs one finite, non-negative weight per value, summing to a positive number");
                Need(c.Type is not (StorageType.Date or StorageType.DateTime or StorageType.DateTimeOffset or StorageType.Time or StorageType.Duration or StorageType.Guid), $"categorical values cannot be of type {c.Type}");
                foreach (var v in r.Values!)
                {
                    Need(v is not null || (c.Type == StorageType.String && c.Nullable), "null is a categorical value only of a nullable string column");
                    Need(v is null || Parses(c.Type, v), $"'{v}' is not a value of type {c.Type}");
                }

                break;
            case RuleKind.DateRange:
                Need(date, "dateRange draws dates and timestamps");
                Need(TryDate(r.From, out long from) && TryDate(r.To, out long to) && (c.Type == StorageType.Date ? from <= to : from < to), "dateRange needs ISO 8601 from and to, from before to");
                break;
            case RuleKind.Pattern:
                Need(c.Type == StorageType.String && !string.IsNullOrEmpty(r.Pattern), "pattern needs a string column and a pattern");
                Need(!r.Pattern!.EndsWith('\\') || r.Pattern.EndsWith("\\\\", StringComparison.Ordinal), "the pattern ends with a lone '\\'");
                break;
            case RuleKind.Fake:
                Need(r.Fake is not null && FakeFunctions.IsKnown(r.Fake), $"'{r.Fake}' is not a PiiKind or FakeKind");
                Need(FakeFunctions.Number(r.Fake!) is not null ? c.Type is StorageType.Float64 or StorageType.Float32 or StorageType.Decimal
                    : FakeFunctions.IsDate(r.Fake!) ? date : c.Type == StorageType.String || (c.Type == StorageType.Guid && r.Fake == "DeviceId"), $"fake {r.Fake} does not fit type {c.Type}");
                if (r.FirstName is not null || r.LastName is not null)
                {
                    Need(FakeFunctions.IsDerivable(r.Fake!), "only Email, Username and FullName derive from the row's names");
                    Need(r.FirstName is null || spec.FindColumn(r.FirstName) is { Type: StorageType.String, Rule.FirstName: null, Rule.LastName: null }, $"firstName '{r.FirstName}' is not a plain string column");
                    Need(r.LastName is null || spec.FindColumn(r.LastName) is { Type: StorageType.String, Rule.FirstName: null, Rule.LastName: null }, $"lastName '{r.LastName}' is not a plain string column");
                }

                break;
            case RuleKind.Sequence:
                Need(c.Type is >= StorageType.Int8 and <= StorageType.UInt64 or StorageType.String, "sequence numbers integer or string columns");
                Need(r.Step is not 0, "sequence needs a step other than zero");
                Need(r.Format is null || (c.Type == StorageType.String && FormatIsValid(r.Format)), $"format '{r.Format}' is not a composite format of one number on a string column");
                break;
            case RuleKind.After:
                {
                    var source = r.Column is null ? null : spec.FindColumn(r.Column);
                    Need(date || (numeric && c.Type != StorageType.Duration), "after offsets dates, timestamps and numbers");
                    Need(source is not null && !ReferenceEquals(source, c), $"column '{r.Column}' is not another column of the table");
                    bool integral = c.Type is >= StorageType.Int8 and <= StorageType.UInt64;
                    Need(date ? source!.Type == c.Type : integral ? source!.Type is >= StorageType.Int8 and <= StorageType.UInt64 : source!.Type is >= StorageType.Int8 and <= StorageType.Decimal,
                        $"a {c.Type} column cannot follow '{r.Column}' of type {source!.Type}");
                    Need(!source.Nullable || c.Nullable, $"'{r.Column}' is nullable, so this column must be too");
                    Need(Finite(r.Min) && Finite(r.Max) && r.Min <= r.Max && (!(integral || date) || Math.Ceiling(r.Min!.Value) <= Math.Floor(r.Max!.Value)), "after needs finite min ≤ max (whole seconds, days or integers where the column is)");
                    break;
                }

            case RuleKind.Derived:
                Need(!string.IsNullOrEmpty(r.Method), "derived needs the method that computes it");
                break;
            case RuleKind.Reference:
                Need(c.Type is >= StorageType.Int8 and <= StorageType.UInt64 or StorageType.String, "a reference is an integer or string column");
                Need(!string.IsNullOrEmpty(r.Table) && !string.IsNullOrEmpty(r.ParentKey), "reference needs the parent table and its key");
                Need(r.Parents is > 0 and <= int.MaxValue - 1, "reference needs a positive number of parents (below 2^31)");
                Need(r.Step is not 0, "reference needs a key step other than zero");
                Need(r.PerParent is null || Enum.IsDefined(r.PerParent.Value), "perParent is uniform, fixed, poisson or zipf");
                Need(Positive(r.Mean ?? 1) && (r.Mean ?? 1) <= 1_000_000 && (r.PerParent != ChildCount.Fixed || Math.Floor(r.Mean ?? 1) == (r.Mean ?? 1)), "reference needs a positive mean number of children (whole for fixed, at most 1,000,000)");
                Need(r.PerParent != ChildCount.Zipf || (Positive(r.S ?? 1) && r.Parents <= 10_000_000), "a zipf reference needs a positive s and at most 10,000,000 parents");
                Need(r.Format is null || (c.Type == StorageType.String && FormatIsValid(r.Format)), $"format '{r.Format}' is not a composite format of one number on a string column");
                break;
            default:
                fail(at + ".kind", "unknown rule");
                break;
        }

        if (r.Sex is not null)
        {
            Need(r.Kind == RuleKind.Fake && r.Fake is "FirstName" or "FullName", "only FirstName and FullName match a sex column");
            Need(spec.FindColumn(r.Sex) is { Type: StorageType.String or StorageType.Enum or StorageType.Char }, $"sex '{r.Sex}' is not a string, enum or char column");
        }
    }

    private static bool FormatIsValid(string format)
    {
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, format, 1L);
            return format.Contains("{0", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool SumPositive(IReadOnlyList<double> weights)
    {
        double sum = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w))
            {
                return false;
            }

            sum += w;
        }

        return sum > 0;
    }

    private static bool Parses(StorageType type, string v)
    {
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            StorageType.Boolean => bool.TryParse(v, out _),
            StorageType.Char => v.Length == 1,
            StorageType.Int8 => sbyte.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.UInt8 => byte.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.Int16 => short.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.UInt16 => ushort.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.Int32 => int.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.UInt32 => uint.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.Int64 => long.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.UInt64 => ulong.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.Float32 => float.TryParse(v, NumberStyles.Float, inv, out _),
            StorageType.Float64 => double.TryParse(v, NumberStyles.Float, inv, out _),
            StorageType.Decimal => decimal.TryParse(v, NumberStyles.Float, inv, out _),
            _ => true,
        };
    }

    internal static bool TryDate(string? text, out long seconds)
    {
        seconds = 0;
        if (text is null || !DateTime.TryParseExact(text, new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return false;
        }

        seconds = value.Ticks / TimeSpan.TicksPerSecond;
        return true;
    }
}
