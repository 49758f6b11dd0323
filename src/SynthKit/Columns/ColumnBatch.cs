using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit;

/// <summary>
/// A block of rows held as typed columns: one array per column plus a null mask, categorical text and enums
/// dictionary-encoded. Synthesizers fill it without boxing (<see cref="ISynthesizer.Fill"/>); readers load CSV files and
/// DataFrames into it (<see cref="ColumnReader"/>); adapters turn it into a <c>DataFrame</c> or an Arrow
/// <c>RecordBatch</c> (<see cref="ColumnInterop"/>).
/// </summary>
public sealed class ColumnBatch
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _byName;
    private readonly bool[][] _objectNulls;
    private int _count;

    /// <summary>Creates an empty batch with room for <paramref name="capacity"/> rows of <paramref name="spec"/>.</summary>
    /// <param name="spec">The table.</param>
    /// <param name="capacity">The rows it can hold before growing.</param>
    public ColumnBatch(TableSpec spec, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Spec = spec;
        _columns = new Column[spec.Columns.Count];
        _byName = new Dictionary<string, int>(spec.Columns.Count, StringComparer.Ordinal);
        for (int i = 0; i < _columns.Length; i++)
        {
            _columns[i] = Column.Create(spec.Columns[i], capacity);
            _byName[spec.Columns[i].Name] = i;
        }

        _objectNulls = new bool[spec.Objects?.Count ?? 0][];
        for (int i = 0; i < _objectNulls.Length; i++)
        {
            _objectNulls[i] = new bool[capacity];
        }

        Capacity = capacity;
    }

    /// <summary>The table the batch holds rows of.</summary>
    public TableSpec Spec { get; }

    /// <summary>The columns, in the spec's order.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>The rows it can hold before growing.</summary>
    public int Capacity { get; private set; }

    /// <summary>The index of the batch's first row in the sequence it was made from (0 for data read from a file).</summary>
    public long StartRow { get; set; }

    /// <summary>The number of rows held. Setting it grows every column as needed; new rows are default and not null.</summary>
    public int RowCount
    {
        get => _count;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            EnsureCapacity(value);
            for (int i = 0; i < _columns.Length; i++)
            {
                _columns[i].SetCount(value);
            }

            _count = value;
        }
    }

    /// <summary>The column at <paramref name="index"/>.</summary>
    /// <param name="index">The column index.</param>
    public Column this[int index] => _columns[index];

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public Column this[string name] => _byName.TryGetValue(name, out int i) ? _columns[i] : throw new KeyNotFoundException($"The batch has no column '{name}'.");

    /// <summary>The typed column named <paramref name="name"/>.</summary>
    /// <typeparam name="T">The value type (<c>int</c>, <c>double</c>, <c>DateOnly</c> …).</typeparam>
    /// <param name="name">The column name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="InvalidCastException">The column holds another type.</exception>
    public Column<T> Get<T>(string name)
        where T : struct => (Column<T>)this[name];

    /// <summary>Grows every column to hold at least <paramref name="capacity"/> rows.</summary>
    /// <param name="capacity">The rows.</param>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= Capacity)
        {
            return;
        }

        int grown = Math.Max(capacity, (int)Math.Min(Array.MaxLength, (long)Capacity * 2));
        foreach (var column in _columns)
        {
            column.Grow(grown);
        }

        for (int i = 0; i < _objectNulls.Length; i++)
        {
            Array.Resize(ref _objectNulls[i], grown);
        }

        Capacity = grown;
    }

    /// <summary>Whether the nested object (by its position in the spec's objects, innermost last) is null in the row.</summary>
    /// <param name="objectIndex">The object.</param>
    /// <param name="row">The row.</param>
    /// <returns>Whether it is null.</returns>
    internal bool IsObjectNull(int objectIndex, int row) => _objectNulls[objectIndex][row];

    internal void SetObjectNull(int objectIndex, int row, bool isNull) => _objectNulls[objectIndex][row] = isNull;

    /// <summary>Sets the row count after rows 0 … count - 1 were written cell by cell (every value and null flag set), without clearing null flags.</summary>
    internal void CommitRows(int count)
    {
        EnsureCapacity(count);
        foreach (var column in _columns)
        {
            column.SetCountWritten(count);
        }

        _count = count;
    }

    /// <summary>Empties the batch, keeping its arrays and category dictionaries.</summary>
    public void Clear() => RowCount = 0;

    /// <summary>A new batch of the same table holding the given rows of this one, in the given order (a row may repeat).</summary>
    /// <param name="rows">Row indexes into this batch.</param>
    /// <returns>The new batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A row index is outside the batch.</exception>
    public ColumnBatch Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (int row in rows)
        {
            if ((uint)row >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row {row} is outside the batch's {_count} rows.");
            }
        }

        var result = new ColumnBatch(Spec, Math.Max(1, rows.Count)) { StartRow = 0 };
        for (int c = 0; c < _columns.Length; c++)
        {
            _columns[c].CopyRowsTo(result._columns[c], rows);
        }

        for (int o = 0; o < _objectNulls.Length; o++)
        {
            for (int i = 0; i < rows.Count; i++)
            {
                result._objectNulls[o][i] = _objectNulls[o][rows[i]];
            }
        }

        result.CommitRows(rows.Count);
        return result;
    }

    /// <summary>One batch holding the rows of <paramref name="batches"/> one after another (all of the same table).</summary>
    /// <param name="batches">The batches, at least one.</param>
    /// <returns>The new batch.</returns>
    /// <exception cref="ArgumentException">No batch, or batches of different tables.</exception>
    public static ColumnBatch Concat(IReadOnlyList<ColumnBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0)
        {
            throw new ArgumentException("Give at least one batch.", nameof(batches));
        }

        var spec = batches[0].Spec;
        if (batches.Any(b => b.Spec.Columns.Count != spec.Columns.Count || !b.Spec.Columns.Select(c => (c.Name, c.Type)).SequenceEqual(spec.Columns.Select(c => (c.Name, c.Type)))))
        {
            throw new ArgumentException("The batches are of different tables.", nameof(batches));
        }

        int total = batches.Sum(b => b._count);
        var result = new ColumnBatch(spec, Math.Max(1, total)) { StartRow = 0 };
        int offset = 0;
        foreach (var batch in batches)
        {
            for (int c = 0; c < batch._columns.Length; c++)
            {
                batch._columns[c].CopyRowsTo(result._columns[c], offset, batch._count);
            }

            for (int o = 0; o < batch._objectNulls.Length; o++)
            {
                Array.Copy(batch._objectNulls[o], 0, result._objectNulls[o], offset, batch._count);
            }

            offset += batch._count;
        }

        result.CommitRows(total);
        return result;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Spec.Name}: {_count} rows × {_columns.Length} columns";
}

/// <summary>One column of a <see cref="ColumnBatch"/>: values of one storage type and a null mask.</summary>
public abstract class Column
{
    private bool[] _nulls;

    private protected Column(ColumnSpec spec, int capacity)
    {
        Spec = spec;
        _nulls = new bool[capacity];
    }

    /// <summary>The column's spec.</summary>
    public ColumnSpec Spec { get; }

    /// <summary>The column name.</summary>
    public string Name => Spec.Name;

    /// <summary>How values are stored.</summary>
    public StorageType Type => Spec.Type;

    /// <summary>The number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>The CLR type of one value.</summary>
    public abstract Type ValueType { get; }

    /// <summary>Whether the row's value is null.</summary>
    /// <param name="row">The row.</param>
    /// <returns>Whether it is null.</returns>
    public bool IsNull(int row) => _nulls[row];

    /// <summary>Sets or clears the row's null flag.</summary>
    /// <param name="row">The row.</param>
    /// <param name="isNull">Whether the value is null.</param>
    public void SetNull(int row, bool isNull = true) => _nulls[row] = isNull;

    /// <summary>The null mask of the rows held.</summary>
    public ReadOnlySpan<bool> Nulls => _nulls.AsSpan(0, Count);

    /// <summary>The number of null rows.</summary>
    public int NullCount
    {
        get
        {
            int n = 0;
            foreach (bool b in Nulls)
            {
                n += b ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The row's value, boxed (null for null rows). For adapters and tests; typed access does not box.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The value.</returns>
    public object? GetValue(int row) => _nulls[row] ? null : GetBoxed(row);

    private protected abstract object GetBoxed(int row);

    private protected abstract void GrowValues(int capacity);

    /// <summary>Copies the given rows into rows 0 … n − 1 of <paramref name="target"/> (a column of the same spec, large enough).</summary>
    internal void CopyRowsTo(Column target, IReadOnlyList<int> rows)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            if (_nulls[rows[i]])
            {
                target.SetNull(i);
            }
            else
            {
                CopyValue(rows[i], target, i);
                target.SetNull(i, false);
            }
        }
    }

    /// <summary>Copies rows 0 … count − 1 into rows offset … offset + count − 1 of <paramref name="target"/>.</summary>
    internal void CopyRowsTo(Column target, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (_nulls[i])
            {
                target.SetNull(offset + i);
            }
            else
            {
                CopyValue(i, target, offset + i);
                target.SetNull(offset + i, false);
            }
        }
    }

    private protected abstract void CopyValue(int row, Column target, int targetRow);

    internal void Grow(int capacity)
    {
        Array.Resize(ref _nulls, capacity);
        GrowValues(capacity);
    }

    internal void SetCount(int count)
    {
        if (count > Count)
        {
            _nulls.AsSpan(Count, count - Count).Clear();
        }
        else if (count == 0)
        {
            OnCleared();
        }

        Count = count;
    }

    internal void SetCountWritten(int count) => Count = count;

    /// <summary>Called when the column is emptied, so it can reuse its storage.</summary>
    private protected virtual void OnCleared()
    {
    }

    internal static Column Create(ColumnSpec spec, int capacity) => spec.Type switch
    {
        StorageType.Boolean => new Column<bool>(spec, capacity),
        StorageType.Char => new Column<char>(spec, capacity),
        StorageType.Int8 => new Column<sbyte>(spec, capacity),
        StorageType.UInt8 => new Column<byte>(spec, capacity),
        StorageType.Int16 => new Column<short>(spec, capacity),
        StorageType.UInt16 => new Column<ushort>(spec, capacity),
        StorageType.Int32 => new Column<int>(spec, capacity),
        StorageType.UInt32 => new Column<uint>(spec, capacity),
        StorageType.Int64 => new Column<long>(spec, capacity),
        StorageType.UInt64 => new Column<ulong>(spec, capacity),
        StorageType.Float32 => new Column<float>(spec, capacity),
        StorageType.Float64 => new Column<double>(spec, capacity),
        StorageType.Decimal => new Column<decimal>(spec, capacity),
        StorageType.Date => new Column<DateOnly>(spec, capacity),
        StorageType.DateTime => new Column<DateTime>(spec, capacity),
        StorageType.DateTimeOffset => new Column<DateTimeOffset>(spec, capacity),
        StorageType.Time => new Column<TimeOnly>(spec, capacity),
        StorageType.Duration => new Column<TimeSpan>(spec, capacity),
        StorageType.Guid => new Column<Guid>(spec, capacity),
        StorageType.Enum => new CategoricalColumn(spec, capacity),
        StorageType.String when spec.Kind == StatisticalKind.Categorical => new CategoricalColumn(spec, capacity),
        StorageType.String => new StringColumn(spec, capacity),
        _ => throw new SynthKitException(ErrorCodes.InvalidSpec, $"column '{spec.Name}' has an unknown storage type {(int)spec.Type}"),
    };
}

/// <summary>A column of values of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class Column<T> : Column
    where T : struct
{
    private T[] _values;

    internal Column(ColumnSpec spec, int capacity)
        : base(spec, capacity)
    {
        _values = new T[capacity];
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);

    /// <summary>The values of the rows held (null rows hold <c>default</c>).</summary>
    public Span<T> Values => _values.AsSpan(0, Count);

    /// <summary>The values as memory, for writers that keep it across an await (null rows hold <c>default</c>).</summary>
    internal ReadOnlyMemory<T> ValuesMemory => _values.AsMemory(0, Count);

    /// <summary>The row's value (<c>default</c> for a null row).</summary>
    /// <param name="row">The row.</param>
    public T this[int row]
    {
        get => _values[row];
        set => _values[row] = value;
    }

    /// <summary>The row's value, or null.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The value.</returns>
    public T? GetNullable(int row) => IsNull(row) ? null : _values[row];

    /// <summary>Sets the row's value and clears its null flag.</summary>
    /// <param name="row">The row.</param>
    /// <param name="value">The value.</param>
    public void Set(int row, T value)
    {
        _values[row] = value;
        SetNull(row, false);
    }

    private protected override object GetBoxed(int row) => _values[row];

    private protected override void GrowValues(int capacity) => Array.Resize(ref _values, capacity);

    private protected override void CopyValue(int row, Column target, int targetRow) => ((Column<T>)target)._values[targetRow] = _values[row];
}

/// <summary>
/// A column of free text, stored as UTF-8 in one growing buffer with an offset and length per row (the Arrow layout):
/// a million rows of text are two arrays, not a million strings for the garbage collector to trace. Reading a row as a
/// <see cref="string"/> decodes it; <see cref="GetUtf8"/> does not allocate.
/// </summary>
public sealed class StringColumn : Column
{
    private byte[] _data = new byte[256];
    private int _used;
    private int[] _start;
    private int[] _length;

    internal StringColumn(ColumnSpec spec, int capacity)
        : base(spec, capacity)
    {
        _start = new int[capacity];
        _length = new int[capacity];
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(string);

    /// <summary>The row's text (null for a null row), decoded from UTF-8.</summary>
    /// <param name="row">The row.</param>
    public string? this[int row] => IsNull(row) ? null : System.Text.Encoding.UTF8.GetString(_data, _start[row], _length[row]);

    /// <summary>The row's text as UTF-8 (empty for a null row), without allocating.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The bytes; valid until the column is next written.</returns>
    public ReadOnlySpan<byte> GetUtf8(int row) => _data.AsSpan(_start[row], _length[row]);

    /// <summary>The UTF-8 bytes held, for all rows (rows may share nothing and appear in any order).</summary>
    public int ByteCount => _used;

    /// <summary>Sets the row's text; null marks the row null.</summary>
    /// <param name="row">The row.</param>
    /// <param name="value">The text.</param>
    public void Set(int row, string? value)
    {
        if (value is null)
        {
            _length[row] = 0;
            SetNull(row);
            return;
        }

        SetUtf16(row, value);
    }

    /// <summary>Sets the row's text from UTF-16 characters.</summary>
    /// <param name="row">The row.</param>
    /// <param name="value">The characters.</param>
    public void SetUtf16(int row, ReadOnlySpan<char> value)
    {
        int most = value.Length * 3;
        if (_data.Length - _used < most)
        {
            Reserve(most);
        }

        int written;
        if (value.Length <= 32 && System.Text.Ascii.IsValid(value))
        {
            // Names, codes and words: narrowing ASCII is cheaper than the transcoder's set-up on strings this short.
            var target = _data.AsSpan(_used, value.Length);
            for (int i = 0; i < target.Length; i++)
            {
                target[i] = (byte)value[i];
            }

            written = value.Length;
        }
        else
        {
            System.Text.Unicode.Utf8.FromUtf16(value, _data.AsSpan(_used), out _, out written);
        }

        _start[row] = _used;
        _length[row] = written;
        _used += written;
        SetNull(row, false);
    }

    /// <summary>Sets the row's text from UTF-8 bytes (taken as they are).</summary>
    /// <param name="row">The row.</param>
    /// <param name="utf8">The bytes.</param>
    public void SetUtf8(int row, ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length);
        utf8.CopyTo(_data.AsSpan(_used));
        _start[row] = _used;
        _length[row] = utf8.Length;
        _used += utf8.Length;
        SetNull(row, false);
    }

    private void Reserve(int bytes)
    {
        if (_data.Length - _used < bytes)
        {
            long wanted = Math.Max((long)_used + bytes, (long)_data.Length * 2);
            if (wanted > Array.MaxLength)
            {
                throw new SynthKitException(ErrorCodes.MalformedInput, $"column '{Name}' holds more than {Array.MaxLength:N0} bytes of text; read the input in smaller batches");
            }

            Array.Resize(ref _data, (int)wanted);
        }
    }

    private protected override void OnCleared() => _used = 0;

    private protected override object GetBoxed(int row) => this[row]!;

    private protected override void CopyValue(int row, Column target, int targetRow) => ((StringColumn)target).SetUtf8(targetRow, GetUtf8(row));

    private protected override void GrowValues(int capacity)
    {
        Array.Resize(ref _start, capacity);
        Array.Resize(ref _length, capacity);
    }
}

/// <summary>
/// A dictionary-encoded column: each row holds a code into <see cref="Categories"/>. Enum columns start with the
/// enum's members (code = declaration position); categorical text columns with the spec's categories, then grow.
/// </summary>
public sealed class CategoricalColumn : Column
{
    private const int ReferenceCacheLimit = 4096;
    private readonly List<string> _categories = new();
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    // Generated code and fakes hand the same string instances over and over (values from a static table): a lookup by
    // reference skips hashing the text. Bounded, so a column of distinct strings cannot grow it without limit.
    private readonly Dictionary<string, int> _byReference = new(ReferenceEqualityComparer.Instance);
    private int[] _values;

    internal CategoricalColumn(ColumnSpec spec, int capacity)
        : base(spec, capacity)
    {
        _values = new int[capacity];
        var known = spec.Categories ?? (IReadOnlyList<string>?)spec.Rule.Values?.NonNull() ?? Array.Empty<string>();
        foreach (var category in known)
        {
            Code(category);
        }
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(string);

    /// <summary>The distinct values, by code.</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>The codes of the rows held (null rows hold -1).</summary>
    public Span<int> Codes => _values.AsSpan(0, Count);

    /// <summary>The row's text (null for a null row).</summary>
    /// <param name="row">The row.</param>
    public string? this[int row] => IsNull(row) ? null : _categories[_values[row]];

    /// <summary>The code of <paramref name="category"/>, adding it to the dictionary if new.</summary>
    /// <param name="category">The value.</param>
    /// <returns>Its code.</returns>
    public int Code(string category)
    {
        if (_byReference.TryGetValue(category, out int code))
        {
            return code;
        }

        if (!_codes.TryGetValue(category, out code))
        {
            code = _categories.Count;
            _categories.Add(category);
            _codes.Add(category, code);
        }

        if (_byReference.Count < ReferenceCacheLimit)
        {
            _byReference[category] = code;
        }

        return code;
    }

    /// <summary>Sets the row's code and clears its null flag.</summary>
    /// <param name="row">The row.</param>
    /// <param name="code">A code into <see cref="Categories"/>.</param>
    public void SetCode(int row, int code)
    {
        _values[row] = code;
        SetNull(row, false);
    }

    /// <summary>Sets the row's value; null marks the row null.</summary>
    /// <param name="row">The row.</param>
    /// <param name="value">The value.</param>
    public void Set(int row, string? value)
    {
        if (value is null)
        {
            _values[row] = -1;
            SetNull(row);
        }
        else
        {
            SetCode(row, Code(value));
        }
    }

    private protected override object GetBoxed(int row) => _categories[_values[row]];

    private protected override void CopyValue(int row, Column target, int targetRow) => ((CategoricalColumn)target).Set(targetRow, _categories[_values[row]]);

    private protected override void GrowValues(int capacity) => Array.Resize(ref _values, capacity);
}

internal static class ListExtensions
{
    public static string[] NonNull(this IReadOnlyList<string?> values)
    {
        var list = new List<string>(values.Count);
        foreach (var v in values)
        {
            if (v is not null)
            {
                list.Add(v);
            }
        }

        return list.ToArray();
    }
}
