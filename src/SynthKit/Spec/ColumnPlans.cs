using System;
using System.Globalization;
using SynthKit.Generation;

namespace SynthKit;

/// <summary>One column's compiled rule: what <see cref="SpecSynthesizer"/> runs per cell.</summary>
internal abstract class ColumnPlan
{
    protected ColumnPlan(ColumnSpec spec, int index, string keyName)
    {
        Spec = spec;
        Index = index;
        KeyName = keyName;
        Key = SynthRandom.KeyOf(keyName);
        var m = spec.Modifiers;
        NullRate = m?.NullRate ?? 0;
        Unique = m?.Unique ?? false;
    }

    public ColumnSpec Spec { get; }

    public int Index { get; }

    public string KeyName { get; }

    public ulong Key { get; }

    public double NullRate { get; }

    public bool Unique { get; }

    /// <summary>The nested object the column belongs to, or -1 for the root.</summary>
    public int Object { get; set; } = -1;

    /// <summary>Whether the value reads other columns of the row (drawn after them).</summary>
    public bool IsDerived { get; set; }

    /// <summary>[OnlyWhen]: whether the row's condition holds (the value is null where it does not).</summary>
    public Func<ColumnBatch, int, bool>? When { get; set; }

    /// <summary>[References] on a root column: which parent each row names.</summary>
    public ParentPicker? Picker { get; set; }

    /// <summary>[After]: the column the value follows.</summary>
    public int AfterSource { get; set; } = -1;

    /// <summary>[Sequence] and [References]: the row's number.</summary>
    protected long SequenceNumber(SynthRandom random, long index)
    {
        var r = Spec.Rule;
        if (r.Kind == RuleKind.Sequence)
        {
            return (r.Start ?? 1) + (index * (r.Step ?? 1));
        }

        long parent = Picker is not null
            ? Picker.Pick(random, index)
            : ParentPicker.PickAny(random, r.Parents!.Value, (int)(r.PerParent ?? ChildCount.Uniform), r.S ?? 1);
        return (r.Start ?? 1) + (parent * (r.Step ?? 1));
    }

    public abstract void Draw(SynthRandom random, ulong scope, long index, ColumnBatch batch, int row);

    protected ulong Permute(long index, ulong domain, ulong scope) => RuleFunctions.Unique(index, domain, scope, Key, KeyName);
}

internal sealed class NumberPlan : ColumnPlan
{
    private static readonly double[] s_min = { 0, 0, 0, sbyte.MinValue, byte.MinValue, short.MinValue, ushort.MinValue, int.MinValue, uint.MinValue, -9.2233720368547748E18, 0, double.MinValue, double.MinValue, double.MinValue };
    private static readonly double[] s_max = { 0, 0, 0, sbyte.MaxValue, byte.MaxValue, short.MaxValue, ushort.MaxValue, int.MaxValue, uint.MaxValue, 9.2233720368547748E18, 1.8446744073709550E19, double.MaxValue, double.MaxValue, double.MaxValue };

    private readonly RuleSpec _rule;
    private readonly StorageType _type;
    private readonly bool _integral;
    private readonly int _round;
    private readonly double? _clampMin;
    private readonly double? _clampMax;
    private readonly WeightedTable? _zipf;
    private readonly Func<SynthRandom, double>? _fake;
    private readonly long _lo;
    private readonly long _hi;

    public NumberPlan(ColumnSpec spec, int index, string keyName)
        : base(spec, index, keyName)
    {
        _rule = spec.Rule;
        _type = spec.Type;
        _integral = _type is >= StorageType.Int8 and <= StorageType.UInt64 or StorageType.Duration;
        _round = spec.Modifiers?.Round ?? -1;
        _clampMin = spec.Modifiers?.ClampMin;
        _clampMax = spec.Modifiers?.ClampMax;
        if (_clampMin is null || _clampMax is null)
        {
            _clampMin = _clampMax = null;
        }

        switch (_rule.Kind)
        {
            case RuleKind.Default when _integral:
                _hi = _type == StorageType.Duration ? RuleFunctions.SecondsPerDay - 1 : (long)Math.Min(RuleFunctions.DefaultIntegerMax, MaxOf(_type));
                break;
            case RuleKind.Default when _type == StorageType.Decimal && _round < 0:
                _round = RuleFunctions.DefaultDecimalDigits;
                break;
            case RuleKind.Uniform when _integral:
                _lo = (long)Math.Ceiling(Math.Max(_rule.Min!.Value, MinOf(_type)));
                _hi = (long)Math.Floor(Math.Min(_rule.Max!.Value, MaxOf(_type)));
                break;
            case RuleKind.After when _integral:
                _lo = (long)Math.Ceiling(_rule.Min!.Value);
                _hi = (long)Math.Floor(_rule.Max!.Value);
                break;
            case RuleKind.Zipf:
                _zipf = WeightedTable.Zipf(_rule.S!.Value, _rule.N!.Value);
                break;
            case RuleKind.Fake:
                _fake = FakeFunctions.Number(_rule.Fake!);
                break;
        }

        if (_round < 0 && _integral)
        {
            _round = 0;
        }
    }

    private static double MinOf(StorageType type) => (int)type < s_min.Length ? s_min[(int)type] : double.MinValue;

    private static double MaxOf(StorageType type) => (int)type < s_max.Length ? s_max[(int)type] : double.MaxValue;

    public override void Draw(SynthRandom random, ulong scope, long index, ColumnBatch batch, int row)
    {
        long whole = 0;
        double real = 0;
        bool isWhole = true;
        var r = _rule;
        switch (r.Kind)
        {
            case RuleKind.Default when _integral:
                whole = Unique ? 1L + (long)Permute(index, (ulong)(long)Math.Min(MaxOf(_type), 4.611686018427388E18), scope) : random.Int64(0L, _hi);
                break;
            case RuleKind.Default:
                real = random.NextDouble() * RuleFunctions.DefaultRealMax;
                isWhole = false;
                break;
            case RuleKind.Uniform when _integral:
                whole = Unique ? _lo + (long)Permute(index, (ulong)(_hi - _lo) + 1UL, scope) : random.Int64(_lo, _hi);
                break;
            case RuleKind.Uniform:
                real = RuleFunctions.Uniform(random, r.Min!.Value, r.Max!.Value);
                isWhole = false;
                break;
            case RuleKind.Normal:
                real = RuleFunctions.Normal(random, r.Mean!.Value, r.Sd!.Value);
                isWhole = false;
                break;
            case RuleKind.LogNormal:
                real = RuleFunctions.LogNormal(random, r.Mu!.Value, r.Sigma!.Value);
                isWhole = false;
                break;
            case RuleKind.Exponential:
                real = RuleFunctions.Exponential(random, r.Rate!.Value);
                isWhole = false;
                break;
            case RuleKind.Gamma:
                real = RuleFunctions.Gamma(random, r.Shape!.Value, r.Rate!.Value);
                isWhole = false;
                break;
            case RuleKind.Beta:
                real = RuleFunctions.Beta(random, r.Alpha!.Value, r.Beta!.Value);
                isWhole = false;
                break;
            case RuleKind.Triangular:
                real = RuleFunctions.Triangular(random, r.Min!.Value, r.Mode!.Value, r.Max!.Value);
                isWhole = false;
                break;
            case RuleKind.Poisson:
                whole = RuleFunctions.Poisson(random, r.Lambda!.Value);
                break;
            case RuleKind.Zipf:
                whole = 1L + _zipf!.Sample(random);
                break;
            case RuleKind.Fake:
                real = _fake!(random);
                isWhole = false;
                break;
            case RuleKind.Sequence or RuleKind.Reference:
                whole = SequenceNumber(random, index);
                break;
            case RuleKind.After:
                {
                    var source = batch[AfterSource];
                    if (source.IsNull(row))
                    {
                        batch[Index].SetNull(row);
                        return;
                    }

                    if (_integral)
                    {
                        whole = SourceValues.Whole(source, row) + random.Int64(_lo, _hi);
                    }
                    else
                    {
                        real = SourceValues.Real(source, row) + RuleFunctions.Uniform(random, r.Min!.Value, r.Max!.Value);
                        isWhole = false;
                    }

                    break;
                }
        }

        if (isWhole && !_integral)
        {
            real = whole;
            isWhole = false;
        }

        var column = batch[Index];
        if (isWhole)
        {
            long n = RuleFunctions.FinishWhole(whole, _clampMin, _clampMax);
            if (_type is not (StorageType.Duration or StorageType.Int64 or StorageType.UInt64))
            {
                n = Math.Clamp(n, (long)MinOf(_type), (long)MaxOf(_type));
            }

            switch (_type)
            {
                case StorageType.Duration: ((Column<TimeSpan>)column).Set(row, RuleFunctions.Seconds(n)); break;
                case StorageType.Int8: ((Column<sbyte>)column).Set(row, (sbyte)n); break;
                case StorageType.UInt8: ((Column<byte>)column).Set(row, (byte)n); break;
                case StorageType.Int16: ((Column<short>)column).Set(row, (short)n); break;
                case StorageType.UInt16: ((Column<ushort>)column).Set(row, (ushort)n); break;
                case StorageType.Int32: ((Column<int>)column).Set(row, (int)n); break;
                case StorageType.UInt32: ((Column<uint>)column).Set(row, (uint)n); break;
                case StorageType.Int64: ((Column<long>)column).Set(row, n); break;
                default: ((Column<ulong>)column).Set(row, (ulong)n); break;
            }

            return;
        }

        double x = RuleFunctions.FinishReal(real, _round, _clampMin, _clampMax);
        switch (_type)
        {
            case StorageType.Duration: ((Column<TimeSpan>)column).Set(row, RuleFunctions.Seconds(x)); break;
            case StorageType.Float32: ((Column<float>)column).Set(row, (float)x); break;
            case StorageType.Float64: ((Column<double>)column).Set(row, x); break;
            case StorageType.Decimal: ((Column<decimal>)column).Set(row, (decimal)Math.Clamp(x, -7.9E28d, 7.9E28d)); break;
            case StorageType.Int8: ((Column<sbyte>)column).Set(row, (sbyte)Math.Clamp(x, MinOf(_type), MaxOf(_type))); break;
            case StorageType.UInt8: ((Column<byte>)column).Set(row, (byte)Math.Clamp(x, MinOf(_type), MaxOf(_type))); break;
            case StorageType.Int16: ((Column<short>)column).Set(row, (short)Math.Clamp(x, MinOf(_type), MaxOf(_type))); break;
            case StorageType.UInt16: ((Column<ushort>)column).Set(row, (ushort)Math.Clamp(x, MinOf(_type), MaxOf(_type))); break;
            case StorageType.Int32: ((Column<int>)column).Set(row, (int)Math.Clamp(x, MinOf(_type), MaxOf(_type))); break;
            case StorageType.UInt32: ((Column<uint>)column).Set(row, (uint)Math.Clamp(x, MinOf(_type), MaxOf(_type))); break;
            case StorageType.Int64: ((Column<long>)column).Set(row, (long)Math.Clamp(x, MinOf(_type), MaxOf(_type))); break;
            default: ((Column<ulong>)column).Set(row, (ulong)Math.Clamp(x, MinOf(_type), MaxOf(_type))); break;
        }
    }
}

internal sealed class StringPlan : ColumnPlan
{
    private readonly RuleSpec _rule;
    private readonly CompiledPattern? _pattern;
    private readonly Func<SynthRandom, string>? _fake;
    private readonly int _minLength;
    private readonly int _maxLength;
    private readonly bool _suffixUnique;
    private readonly bool _truncate;

    public StringPlan(ColumnSpec spec, int index, string keyName, int firstSource, int lastSource, int sexSource)
        : base(spec, index, keyName)
    {
        SexSource = sexSource;
        _rule = spec.Rule;
        _minLength = spec.Modifiers?.MinLength ?? -1;
        _maxLength = spec.Modifiers?.MaxLength ?? -1;
        FirstSource = firstSource;
        LastSource = lastSource;
        _suffixUnique = Unique;
        switch (_rule.Kind)
        {
            case RuleKind.Pattern:
                _pattern = new CompiledPattern(_rule.Pattern!);
                _suffixUnique = false;
                break;
            case RuleKind.Sequence or RuleKind.Reference:
                _suffixUnique = false;
                break;
            case RuleKind.Fake:
                _fake = FakeFunctions.Text(_rule.Fake!);
                break;
        }

        _truncate = _maxLength >= 0 && !(_rule.Kind == RuleKind.Default && _minLength > 0);
    }

    public int FirstSource { get; }

    public int LastSource { get; }

    public int SexSource { get; }

    private bool FromNames => FirstSource >= 0 || LastSource >= 0;

    public override void Draw(SynthRandom random, ulong scope, long index, ColumnBatch batch, int row)
    {
        string value;
        if (_rule.Kind == RuleKind.Pattern)
        {
            value = Unique ? _pattern!.FromOrdinal(Permute(index, _pattern.DomainSize, scope)) : _pattern!.Next(random);
        }
        else if (_rule.Kind is RuleKind.Sequence or RuleKind.Reference)
        {
            value = RuleFunctions.SequenceText(_rule.Format, SequenceNumber(random, index));
        }
        else if (SexSource >= 0 && !FromNames)
        {
            string? sex = Text(batch, SexSource, row);
            value = _rule.Fake == "FullName" ? Fakes.FullName(random, sex) : Fakes.FirstName(random, sex);
        }
        else if (FromNames)
        {
            string? first = FirstSource >= 0 ? Text(batch, FirstSource, row) : Fakes.FirstName(random);
            string? last = LastSource >= 0 ? Text(batch, LastSource, row) : Fakes.LastName(random);
            value = _rule.Fake switch
            {
                "FullName" => Fakes.FullName(random, first, last),
                "Email" => Fakes.Email(random, first, last),
                "WorkEmail" => Fakes.WorkEmail(random, first, last),
                _ => Fakes.Username(random, first, last),
            };
        }
        else if (_fake is not null)
        {
            value = _fake(random);
        }
        else
        {
            value = _minLength > 0 ? Fakes.Text(random, _minLength, _maxLength >= 0 ? Math.Min(_maxLength, SpecValidator.MaxTextLength) : _minLength + 20) : Fakes.Word(random);
        }

        if (_truncate)
        {
            value = Fakes.Truncate(value, _maxLength);
        }

        if (_suffixUnique)
        {
            value = Fakes.MakeUnique(value, index);
        }

        SetText(batch[Index], row, value);
    }

    internal static string? Text(ColumnBatch batch, int column, int row) => batch[column] switch
    {
        StringColumn s => s[row],
        CategoricalColumn c => c[row],
        _ => batch[column].GetValue(row)?.ToString(),
    };

    internal static void SetText(Column column, int row, string? value)
    {
        if (column is StringColumn s)
        {
            s.Set(row, value);
        }
        else
        {
            ((CategoricalColumn)column).Set(row, value);
        }
    }
}

internal sealed class CategoricalPlan : ColumnPlan
{
    private readonly WeightedTable? _weights;
    private readonly int _count;
    private readonly Action<Column, int, int> _set;

    public CategoricalPlan(ColumnSpec spec, int index, string keyName, bool enumDefault)
        : base(spec, index, keyName)
    {
        var values = enumDefault ? spec.Categories! : spec.Rule.Values!;
        _count = values.Count;
        if (!enumDefault && spec.Rule.Weights is { Count: > 0 } w)
        {
            _weights = new WeightedTable(System.Linq.Enumerable.ToArray(w));
        }

        _set = ValueSetter.For(spec, values);
    }

    public override void Draw(SynthRandom random, ulong scope, long index, ColumnBatch batch, int row)
    {
        int pick = Unique ? (int)Permute(index, (ulong)_count, scope) : _weights is not null ? _weights.Sample(random) : random.Below(_count);
        _set(batch[Index], row, pick);
    }
}

/// <summary>Stores the i-th of a fixed list of values (given as text) into a typed column.</summary>
internal static class ValueSetter
{
    public static Action<Column, int, int> For(ColumnSpec spec, System.Collections.Generic.IReadOnlyList<string?> values)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (spec.Type)
        {
            case StorageType.String or StorageType.Enum:
                {
                    var text = System.Linq.Enumerable.ToArray(values);
                    return (c, row, i) => StringPlan.SetText(c, row, text[i]);
                }

            case StorageType.Boolean: return Typed(values, s => bool.Parse(s));
            case StorageType.Char: return Typed(values, s => s[0]);
            case StorageType.Int8: return Typed(values, s => sbyte.Parse(s, inv));
            case StorageType.UInt8: return Typed(values, s => byte.Parse(s, inv));
            case StorageType.Int16: return Typed(values, s => short.Parse(s, inv));
            case StorageType.UInt16: return Typed(values, s => ushort.Parse(s, inv));
            case StorageType.Int32: return Typed(values, s => int.Parse(s, inv));
            case StorageType.UInt32: return Typed(values, s => uint.Parse(s, inv));
            case StorageType.Int64: return Typed(values, s => long.Parse(s, inv));
            case StorageType.UInt64: return Typed(values, s => ulong.Parse(s, inv));
            case StorageType.Float32: return Typed(values, s => float.Parse(s, inv));
            case StorageType.Float64: return Typed(values, s => double.Parse(s, inv));
            case StorageType.Decimal: return Typed(values, s => decimal.Parse(s, NumberStyles.Float, inv));
            default:
                throw new SynthKitException(ErrorCodes.InvalidSpec, $"column '{spec.Name}': categorical values cannot be of type {spec.Type}");
        }
    }

    private static Action<Column, int, int> Typed<T>(System.Collections.Generic.IReadOnlyList<string?> values, Func<string, T> parse)
        where T : struct
    {
        var typed = new T[values.Count];
        for (int i = 0; i < typed.Length; i++)
        {
            typed[i] = parse(values[i] ?? throw new FormatException("null is not a value of this column"));
        }

        return (c, row, i) => ((Column<T>)c).Set(row, typed[i]);
    }
}

internal sealed class OtherPlan : ColumnPlan
{
    private void DrawAfter(SynthRandom random, Column source, Column column, int row)
    {
        if (source.IsNull(row))
        {
            column.SetNull(row);
            return;
        }

        long offset = random.Int64((long)Spec.Rule.Min!.Value, (long)Spec.Rule.Max!.Value);
        switch (Spec.Type)
        {
            case StorageType.Date:
                ((Column<DateOnly>)column).Set(row, RuleFunctions.AddDays(((Column<DateOnly>)source).Values[row], offset));
                break;
            case StorageType.DateTimeOffset:
                ((Column<DateTimeOffset>)column).Set(row, RuleFunctions.AddSeconds(((Column<DateTimeOffset>)source).Values[row], offset));
                break;
            default:
                ((Column<DateTime>)column).Set(row, RuleFunctions.AddSeconds(((Column<DateTime>)source).Values[row], offset));
                break;
        }
    }

    private readonly long _min;
    private readonly long _max;
    private readonly double _p = 0.5;

    public OtherPlan(ColumnSpec spec, int index, string keyName)
        : base(spec, index, keyName)
    {
        var r = spec.Rule;
        bool range = r.Kind == RuleKind.DateRange;
        switch (spec.Type)
        {
            case StorageType.Boolean:
                _p = r.Kind == RuleKind.Bernoulli ? r.P!.Value : 0.5;
                break;
            case StorageType.DateTime or StorageType.DateTimeOffset:
                _min = range ? RuleFunctions.ParseSeconds(r.From!) : RuleFunctions.DefaultDateTimeMinSeconds;
                _max = range ? RuleFunctions.ParseSeconds(r.To!) : RuleFunctions.DefaultDateTimeMaxSeconds;
                break;
            case StorageType.Date:
                _min = range ? RuleFunctions.ParseSeconds(r.From!) / RuleFunctions.SecondsPerDay : RuleFunctions.DefaultDateMinDay;
                _max = range ? RuleFunctions.ParseSeconds(r.To!) / RuleFunctions.SecondsPerDay : RuleFunctions.DefaultDateMaxDay;
                break;
        }
    }

    public override void Draw(SynthRandom random, ulong scope, long index, ColumnBatch batch, int row)
    {
        var column = batch[Index];
        if (Spec.Rule.Kind == RuleKind.After)
        {
            DrawAfter(random, batch[AfterSource], column, row);
            return;
        }

        bool fake = Spec.Rule.Kind == RuleKind.Fake;
        switch (Spec.Type)
        {
            case StorageType.Boolean:
                ((Column<bool>)column).Set(row, random.Chance(_p));
                break;
            case StorageType.Char:
                ((Column<char>)column).Set(row, RuleFunctions.Letter(random));
                break;
            case StorageType.Guid:
                ((Column<Guid>)column).Set(row, random.NextGuid());
                break;
            case StorageType.Time:
                ((Column<TimeOnly>)column).Set(row, RuleFunctions.TimeOfDay(random));
                break;
            case StorageType.Date:
                ((Column<DateOnly>)column).Set(row, fake
                    ? Fakes.DateOfBirth(random)
                    : DateOnly.FromDayNumber((int)(Unique ? _min + (long)Permute(index, (ulong)(_max - _min + 1), scope) : random.Int64(_min, _max))));
                break;
            default:
                {
                    DateTime dt = fake
                        ? Fakes.DateOfBirth(random).ToDateTime(TimeOnly.MinValue)
                        : RuleFunctions.Timestamp(Unique ? _min + (long)Permute(index, (ulong)(_max - _min), scope) : random.Int64(_min, _max - 1));
                    if (Spec.Type == StorageType.DateTimeOffset)
                    {
                        ((Column<DateTimeOffset>)column).Set(row, new DateTimeOffset(dt, TimeSpan.Zero));
                    }
                    else
                    {
                        ((Column<DateTime>)column).Set(row, dt);
                    }

                    break;
                }
        }
    }
}

/// <summary>A row's number from a numeric column of any storage type ([After] on numbers).</summary>
internal static class SourceValues
{
    public static long Whole(Column column, int row) => column switch
    {
        Column<sbyte> c => c.Values[row],
        Column<byte> c => c.Values[row],
        Column<short> c => c.Values[row],
        Column<ushort> c => c.Values[row],
        Column<int> c => c.Values[row],
        Column<uint> c => c.Values[row],
        Column<long> c => c.Values[row],
        Column<ulong> c => unchecked((long)c.Values[row]),
        _ => (long)Real(column, row),
    };

    public static double Real(Column column, int row) => column switch
    {
        Column<float> c => c.Values[row],
        Column<double> c => c.Values[row],
        Column<decimal> c => (double)c.Values[row],
        Column<ulong> c => c.Values[row],
        _ => Whole(column, row),
    };

    /// <summary>Whether a row's value is one of a condition's values (compared as the column's own type).</summary>
    public static Func<ColumnBatch, int, bool> Condition(TableSpec spec, ColumnCondition when)
    {
        int source = spec.IndexOf(when.Column);
        var type = spec.Columns[source].Type;
        if (type is StorageType.String or StorageType.Enum)
        {
            var values = new System.Collections.Generic.HashSet<string>(when.Values, StringComparer.Ordinal);
            return (batch, row) => StringPlan.Text(batch, source, row) is { } text && values.Contains(text);
        }

        if (type == StorageType.Boolean)
        {
            bool yes = System.Linq.Enumerable.Contains(when.Values, "true"), no = System.Linq.Enumerable.Contains(when.Values, "false");
            return (batch, row) => !batch[source].IsNull(row) && (((Column<bool>)batch[source]).Values[row] ? yes : no);
        }

        if (type == StorageType.UInt64)
        {
            var values = new System.Collections.Generic.HashSet<ulong>(System.Linq.Enumerable.Select(when.Values, v => ulong.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
            return (batch, row) => !batch[source].IsNull(row) && values.Contains(((Column<ulong>)batch[source]).Values[row]);
        }

        var numbers = new System.Collections.Generic.HashSet<long>(System.Linq.Enumerable.Select(when.Values, v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        return (batch, row) => !batch[source].IsNull(row) && numbers.Contains(Whole(batch[source], row));
    }
}
