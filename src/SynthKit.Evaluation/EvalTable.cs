using System;
using System.Collections.Generic;
using System.Globalization;

namespace SynthKit.Evaluation;

/// <summary>How a column takes part in evaluation (SDMetrics' sdtypes, plus what is kept out of statistics).</summary>
internal enum EvalKind
{
    /// <summary>Numbers: KSComplement, CorrelationSimilarity, range-normalised distances.</summary>
    Numerical,

    /// <summary>Dates and times, as nanoseconds since the Unix epoch (as pandas converts them).</summary>
    Datetime,

    /// <summary>Categories (strings, enums): TVComplement, ContingencySimilarity, 0/1 distances.</summary>
    Categorical,

    /// <summary>True/false, scored like categories.</summary>
    Boolean,

    /// <summary>Identifiers, free text and personal data: no statistics; exact-copy checks only.</summary>
    Excluded,
}

/// <summary>One column of one table, encoded for metrics: numbers as doubles (NaN for null), categories as codes (−1 for null).</summary>
internal sealed class EvalColumn
{
    public EvalColumn(string name, EvalKind kind, double[]? values, int[]? codes, bool integral)
    {
        Name = name;
        Kind = kind;
        Values = values;
        Codes = codes;
        Integral = integral;
    }

    public string Name { get; }

    public EvalKind Kind { get; }

    /// <summary>Numbers (numerical, datetime, and numeric excluded columns); NaN marks a null.</summary>
    public double[]? Values { get; }

    /// <summary>Category codes, shared by every table of one evaluation (categorical, boolean, text); −1 marks a null.</summary>
    public int[]? Codes { get; }

    /// <summary>Whether the values are whole numbers by storage (SDMetrics rounds only floating columns).</summary>
    public bool Integral { get; }

    public bool IsContinuous => Kind is EvalKind.Numerical or EvalKind.Datetime;

    public bool IsDiscrete => Kind is EvalKind.Categorical or EvalKind.Boolean;

    public bool IsNull(int row) => Values is { } v ? double.IsNaN(v[row]) : Codes![row] < 0;
}

/// <summary>The category labels of one column across every table of an evaluation, so equal labels get equal codes.</summary>
internal sealed class CategoryIndex
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _labels = new();

    public IReadOnlyList<string> Labels => _labels;

    public int Code(string label)
    {
        if (!_codes.TryGetValue(label, out int code))
        {
            code = _labels.Count;
            _codes.Add(label, code);
            _labels.Add(label);
        }

        return code;
    }
}

/// <summary>A table encoded for metrics, its columns in spec order.</summary>
internal sealed class EvalTable
{
    private const double NanosecondsPerTick = 100;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    internal EvalTable(IReadOnlyList<EvalColumn> columns, int rows)
    {
        Columns = columns;
        RowCount = rows;
    }

    public IReadOnlyList<EvalColumn> Columns { get; }

    public int RowCount { get; }

    /// <summary>How a spec column is evaluated.</summary>
    public static EvalKind KindOf(ColumnSpec column)
    {
        if (column.IsPersonalData)
        {
            return EvalKind.Excluded;
        }

        return column.Kind switch
        {
            StatisticalKind.Numerical => EvalKind.Numerical,
            StatisticalKind.Datetime => EvalKind.Datetime,
            StatisticalKind.Categorical => EvalKind.Categorical,
            StatisticalKind.Boolean => EvalKind.Boolean,
            _ => EvalKind.Excluded,
        };
    }

    /// <summary>Encodes a batch under the evaluation's spec; <paramref name="categories"/> is shared between tables.</summary>
    public static EvalTable Encode(ColumnBatch batch, TableSpec spec, CategoryIndex[] categories)
    {
        var columns = new EvalColumn[spec.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            var columnSpec = spec.Columns[c];
            var column = batch[columnSpec.Name];
            columns[c] = EncodeColumn(column, columnSpec, KindOf(columnSpec), categories[c], batch.RowCount);
        }

        return new EvalTable(columns, batch.RowCount);
    }

    private static EvalColumn EncodeColumn(Column column, ColumnSpec spec, EvalKind kind, CategoryIndex categories, int rows)
    {
        var nulls = column.Nulls;
        bool numeric = IsNumericStorage(column.Type);
        if (kind is EvalKind.Numerical or EvalKind.Datetime || (kind == EvalKind.Excluded && numeric && column.Type != StorageType.Boolean))
        {
            if (numeric)
            {
                var values = new double[rows];
                FillNumbers(column, values);
                for (int r = 0; r < rows; r++)
                {
                    if (nulls[r])
                    {
                        values[r] = double.NaN;
                    }
                }

                return new EvalColumn(spec.Name, kind, values, null, IsIntegral(column.Type));
            }
        }

        var codes = new int[rows];
        if (column is CategoricalColumn categorical)
        {
            var own = categorical.Categories;
            var map = new int[own.Count];
            for (int i = 0; i < map.Length; i++)
            {
                map[i] = categories.Code(own[i]);
            }

            var source = categorical.Codes;
            for (int r = 0; r < rows; r++)
            {
                codes[r] = nulls[r] ? -1 : map[source[r]];
            }
        }
        else if (column is Column<bool> flags)
        {
            int no = categories.Code("False"), yes = categories.Code("True");
            var source = flags.Values;
            for (int r = 0; r < rows; r++)
            {
                codes[r] = nulls[r] ? -1 : source[r] ? yes : no;
            }
        }
        else
        {
            for (int r = 0; r < rows; r++)
            {
                codes[r] = nulls[r] ? -1 : categories.Code(Label(column.GetValue(r)));
            }
        }

        var evaluated = kind is EvalKind.Numerical or EvalKind.Datetime ? EvalKind.Excluded : kind;
        return new EvalColumn(spec.Name, evaluated, null, codes, integral: false);
    }

    private static string Label(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsNumericStorage(StorageType type) => type switch
    {
        StorageType.String or StorageType.Char or StorageType.Enum or StorageType.Guid => false,
        _ => true,
    };

    private static bool IsIntegral(StorageType type) => type switch
    {
        StorageType.Float32 or StorageType.Float64 or StorageType.Decimal => false,
        _ => true,
    };

    private static void FillNumbers(Column column, double[] values)
    {
        switch (column)
        {
            case Column<bool> c: Convert(c.Values, values, v => v ? 1 : 0); break;
            case Column<sbyte> c: Convert(c.Values, values, v => v); break;
            case Column<byte> c: Convert(c.Values, values, v => v); break;
            case Column<short> c: Convert(c.Values, values, v => v); break;
            case Column<ushort> c: Convert(c.Values, values, v => v); break;
            case Column<int> c: Convert(c.Values, values, v => v); break;
            case Column<uint> c: Convert(c.Values, values, v => v); break;
            case Column<long> c: Convert(c.Values, values, v => v); break;
            case Column<ulong> c: Convert(c.Values, values, v => v); break;
            case Column<float> c: Convert(c.Values, values, v => v); break;
            case Column<double> c: Convert(c.Values, values, v => v); break;
            case Column<decimal> c: Convert(c.Values, values, v => (double)v); break;
            case Column<DateOnly> c: Convert(c.Values, values, v => (v.ToDateTime(TimeOnly.MinValue).Ticks - UnixEpochTicks) * NanosecondsPerTick); break;
            case Column<DateTime> c: Convert(c.Values, values, v => (v.Ticks - UnixEpochTicks) * NanosecondsPerTick); break;
            case Column<DateTimeOffset> c: Convert(c.Values, values, v => (v.UtcTicks - UnixEpochTicks) * NanosecondsPerTick); break;
            case Column<TimeOnly> c: Convert(c.Values, values, v => v.Ticks * NanosecondsPerTick); break;
            case Column<TimeSpan> c: Convert(c.Values, values, v => v.Ticks * NanosecondsPerTick); break;
            default: throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"column '{column.Name}' of type {column.Type} cannot be evaluated as a number");
        }
    }

    private static void Convert<T>(Span<T> source, double[] values, Func<T, double> convert)
    {
        for (int i = 0; i < source.Length; i++)
        {
            values[i] = convert(source[i]);
        }
    }
}
