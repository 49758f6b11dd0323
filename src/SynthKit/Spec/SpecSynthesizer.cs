using System;
using System.Collections.Generic;
using System.IO;

namespace SynthKit;

/// <summary>
/// A synthesizer built from a <see cref="TableSpec"/> alone — no C#, no compiler. For the same seed it produces the same
/// CSV and JSON Lines bytes as the generated synthesizer of the equivalent class, and like it, each value depends only
/// on (seed, table, column, row). Column models (<see cref="IColumnModel"/>) can draw some columns jointly.
/// </summary>
public sealed class SpecSynthesizer : ISynthesizer
{
    private const int ChunkRows = 4096;

    private readonly ColumnPlan[] _rulePlans;
    private readonly ColumnPlan[] _derivedPlans;
    private readonly ulong[] _bases;
    private readonly ObjectPlan[] _objects;
    private readonly IColumnModel[] _models;
    private readonly ulong[] _modelBases;
    private readonly ulong _scope;
    private readonly SynthLocale _locale;
    private SchemaDescription? _schema;

    /// <summary>Creates a synthesizer of <paramref name="spec"/>'s rows.</summary>
    /// <param name="spec">The table.</param>
    /// <param name="seed">The seed; the same seed gives the same rows.</param>
    /// <param name="models">Column models that draw some columns instead of their rules.</param>
    /// <exception cref="SynthKitException">SK4006: the spec cannot be synthesized; SK4007: a model claims a personal-data column.</exception>
    public SpecSynthesizer(TableSpec spec, long seed = 0, IEnumerable<IColumnModel>? models = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        SpecValidator.Validate(spec, null);
        Spec = spec;
        Seed = seed;
        _locale = spec.ResolvedLocale;
        _scope = SynthRandom.ScopeOf(seed);
        _models = models is null ? Array.Empty<IColumnModel>() : new List<IColumnModel>(models).ToArray();
        var modelled = new HashSet<int>();
        foreach (var model in _models)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(models));
            foreach (var name in model.Columns)
            {
                int i = spec.IndexOf(name);
                if (i < 0)
                {
                    throw new SynthKitException(ErrorCodes.InvalidSpec, $"column model '{model.Key}' draws '{name}', which table '{spec.Name}' does not have");
                }

                if (spec.Columns[i].IsPersonalData)
                {
                    throw new SynthKitException(ErrorCodes.PersonalDataModelled, $"column model '{model.Key}' would draw '{name}', which is personal data ({spec.Columns[i].Privacy!.Pii}); personal data is always faked, never learned");
                }

                if (!modelled.Add(i))
                {
                    throw new SynthKitException(ErrorCodes.InvalidSpec, $"column '{name}' is drawn by more than one column model");
                }
            }
        }

        _modelBases = new ulong[_models.Length];
        for (int i = 0; i < _models.Length; i++)
        {
            _modelBases[i] = SynthRandom.ColumnBase(_scope, SynthRandom.KeyOf("model:" + _models[i].Key));
        }

        _objects = ObjectPlan.Compile(spec);
        var rules = new List<ColumnPlan>();
        var derived = new List<ColumnPlan>();
        for (int i = 0; i < spec.Columns.Count; i++)
        {
            if (modelled.Contains(i))
            {
                continue;
            }

            var plan = Compile(spec, i, _objects, _scope);
            (plan.IsDerived ? derived : rules).Add(plan);
        }

        _rulePlans = rules.ToArray();
        _derivedPlans = SpecOrder.Sort(spec, derived, p => p.Index).ToArray();
        _bases = new ulong[spec.Columns.Count];
        foreach (var plan in rules)
        {
            _bases[plan.Index] = SynthRandom.ColumnBase(_scope, plan.Key);
        }

        foreach (var plan in derived)
        {
            _bases[plan.Index] = SynthRandom.ColumnBase(_scope, plan.Key);
        }
    }

    /// <inheritdoc />
    public long Seed { get; }

    /// <inheritdoc />
    public TableSpec Spec { get; }

    /// <inheritdoc />
    public SchemaDescription Schema => _schema ??= SchemaDescription.FromSpec(Spec);

    /// <summary>Rows of a spec exist only as columns: there is no row type.</summary>
    public Type? RowType => null;

    /// <summary>The column models that draw some of the columns.</summary>
    public IReadOnlyList<IColumnModel> Models => _models;

    /// <summary>A copy of this synthesizer in which <paramref name="model"/> draws its columns too.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The new synthesizer.</returns>
    public SpecSynthesizer WithColumnModel(IColumnModel model)
    {
        var models = new List<IColumnModel>(_models) { model };
        return new SpecSynthesizer(Spec, Seed, models);
    }

    /// <inheritdoc />
    public void Fill(ColumnBatch batch, long start, int count)
    {
        ArgumentNullException.ThrowIfNull(batch);
        SynthesizerChecks.Range(start, count);
        SynthesizerChecks.SameTable(batch, Spec);
        batch.Clear();
        batch.RowCount = count;
        batch.StartRow = start;
        var random = SynthRandom.Rent();
        random.Locale = _locale;
        try
        {
            Span<ulong> scopes = _objects.Length <= 32 ? stackalloc ulong[_objects.Length] : new ulong[_objects.Length];
            Span<bool> nulls = _objects.Length <= 32 ? stackalloc bool[_objects.Length] : new bool[_objects.Length];
            for (int row = 0; row < count; row++)
            {
                long index = start + row;
                for (int o = 0; o < _objects.Length; o++)
                {
                    var obj = _objects[o];
                    ulong parentScope = obj.Parent < 0 ? _scope : scopes[obj.Parent];
                    long parentIndex = obj.Parent < 0 ? index : 0;
                    nulls[o] = obj.Parent >= 0 && nulls[obj.Parent];
                    if (!nulls[o] && obj.NullRate > 0)
                    {
                        random.Reset(parentScope, obj.Key, parentIndex);
                        nulls[o] = random.Chance(obj.NullRate);
                    }

                    scopes[o] = nulls[o] ? 0 : SynthRandom.Derive(parentScope, obj.Key, parentIndex);
                    batch.SetObjectNull(o, row, nulls[o]);
                }

                DrawAll(_rulePlans, random, index, scopes, nulls, batch, row);
                for (int m = 0; m < _models.Length; m++)
                {
                    random.Reset(_modelBases[m], index);
                    _models[m].Draw(new ColumnModelContext(random, _scope, index), batch, row);
                }

                DrawAll(_derivedPlans, random, index, scopes, nulls, batch, row);
            }
        }
        finally
        {
            SynthRandom.Return(random);
        }
    }

    private void DrawAll(ColumnPlan[] plans, SynthRandom random, long index, ReadOnlySpan<ulong> scopes, ReadOnlySpan<bool> nulls, ColumnBatch batch, int row)
    {
        foreach (var plan in plans)
        {
            ulong scope;
            long at;
            if (plan.Object < 0)
            {
                scope = _scope;
                at = index;
                random.Reset(_bases[plan.Index], index);
            }
            else if (nulls[plan.Object])
            {
                batch[plan.Index].SetNull(row);
                continue;
            }
            else
            {
                scope = scopes[plan.Object];
                at = 0;
                random.Reset(scope, plan.Key, 0);
            }

            if (plan.When is { } when && !when(batch, row))
            {
                batch[plan.Index].SetNull(row);
                continue;
            }

            if (plan.NullRate > 0 && random.Chance(plan.NullRate))
            {
                batch[plan.Index].SetNull(row);
                continue;
            }

            plan.Draw(random, scope, at, batch, row);
        }
    }

    /// <summary>Writes rows <c>0 … count - 1</c> as CSV.</summary>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="count">The number of rows.</param>
    public void WriteCsv(Stream destination, int count) => WriteCsv(destination, 0, count);

    /// <inheritdoc />
    public void WriteCsv(Stream destination, long start, int count)
    {
        ArgumentNullException.ThrowIfNull(destination);
        SynthesizerChecks.Range(start, count);
        using var writer = new IO.CsvWriter(destination);
        BatchWriter.WriteCsvHeader(writer, Spec);
        ForEachChunk(start, count, batch => BatchWriter.WriteCsvRows(writer, batch));
    }

    /// <summary>Writes rows <c>0 … count - 1</c> as JSON Lines.</summary>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="count">The number of rows.</param>
    public void WriteJsonLines(Stream destination, int count) => WriteJsonLines(destination, 0, count);

    /// <inheritdoc />
    public void WriteJsonLines(Stream destination, long start, int count)
    {
        ArgumentNullException.ThrowIfNull(destination);
        SynthesizerChecks.Range(start, count);
        using var writer = new IO.JsonLinesWriter(destination);
        var layout = new BatchWriter.JsonLayout(Spec);
        ForEachChunk(start, count, batch => BatchWriter.WriteJsonRows(writer, batch, layout));
    }

    /// <summary>Fills a new batch with rows <c>start … start + count - 1</c>.</summary>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <returns>The batch.</returns>
    public ColumnBatch ToBatch(long start, int count)
    {
        var batch = new ColumnBatch(Spec, count);
        Fill(batch, start, count);
        return batch;
    }

    private void ForEachChunk(long start, int count, Action<ColumnBatch> write)
    {
        var batch = new ColumnBatch(Spec, Math.Min(count, ChunkRows));
        for (int done = 0; done < count;)
        {
            int n = Math.Min(ChunkRows, count - done);
            Fill(batch, start + done, n);
            write(batch);
            done += n;
        }
    }

    private static ColumnPlan Compile(TableSpec spec, int i, ObjectPlan[] objects, ulong scope)
    {
        var c = spec.Columns[i];
        if (c.Rule.Kind == RuleKind.Derived)
        {
            throw new SynthKitException(ErrorCodes.InvalidSpec, $"column '{c.Name}' is derived by the C# method '{c.Rule.Method}' of {spec.ClrType ?? spec.Name}, which a spec-driven synthesizer cannot call: use the generated synthesizer, or give a column model that draws '{c.Name}'");
        }

        string keyName = c.Key ?? spec.Name + "." + c.Name;
        int owner = ObjectPlan.OwnerOf(objects, c.Name);
        ColumnPlan plan;
        if (c.Rule.Kind == RuleKind.Categorical)
        {
            plan = new CategoricalPlan(c, i, keyName, enumDefault: false);
        }
        else if (c.Type == StorageType.Enum)
        {
            plan = new CategoricalPlan(c, i, keyName, enumDefault: true);
        }
        else if (c.Type == StorageType.String)
        {
            int first = -1, last = -1;
            if (c.Rule.Kind == RuleKind.Fake && (c.Rule.FirstName is not null || c.Rule.LastName is not null))
            {
                first = c.Rule.FirstName is null ? -1 : spec.IndexOf(c.Rule.FirstName);
                last = c.Rule.LastName is null ? -1 : spec.IndexOf(c.Rule.LastName);
            }

            int sex = c.Rule.Kind == RuleKind.Fake && c.Rule.Sex is not null ? spec.IndexOf(c.Rule.Sex) : -1;
            plan = new StringPlan(c, i, keyName, first, last, sex);
        }
        else if (c.Type is >= StorageType.Int8 and <= StorageType.Decimal or StorageType.Duration)
        {
            plan = new NumberPlan(c, i, keyName);
        }
        else
        {
            plan = new OtherPlan(c, i, keyName);
        }

        plan.Object = owner;
        plan.IsDerived = SpecOrder.Sources(spec, c).Count > 0;
        plan.AfterSource = c.Rule.Kind == RuleKind.After ? spec.IndexOf(c.Rule.Column!) : -1;
        if (c.Modifiers?.When is { } when)
        {
            plan.When = SourceValues.Condition(spec, when);
        }

        if (c.Rule.Kind == RuleKind.Reference && owner < 0)
        {
            plan.Picker = Generation.ParentPicker.FromRule(scope, keyName, c.Rule);
        }

        return plan;
    }

    /// <summary>A nested object's compiled presence rule.</summary>
    internal sealed class ObjectPlan
    {
        public required string Prefix { get; init; }

        public required ulong Key { get; init; }

        public required double NullRate { get; init; }

        public required int Parent { get; init; }

        public static ObjectPlan[] Compile(TableSpec spec)
        {
            var objects = spec.Objects ?? Array.Empty<ObjectSpec>();
            var sorted = System.Linq.Enumerable.OrderBy(objects, o => o.Path.Split('.').Length);
            var plans = new List<ObjectPlan>();
            foreach (var o in sorted)
            {
                int parent = OwnerOf(plans.ToArray(), o.Path);
                plans.Add(new ObjectPlan { Prefix = o.Path + ".", Key = SynthRandom.KeyOf(o.Key), NullRate = o.NullRate, Parent = parent });
            }

            return plans.ToArray();
        }

        /// <summary>The innermost object whose prefix the name starts with, or -1.</summary>
        public static int OwnerOf(ObjectPlan[] objects, string name)
        {
            int best = -1;
            for (int i = 0; i < objects.Length; i++)
            {
                if (name.StartsWith(objects[i].Prefix, StringComparison.Ordinal) && (best < 0 || objects[i].Prefix.Length > objects[best].Prefix.Length))
                {
                    best = i;
                }
            }

            return best;
        }
    }
}

internal static class SynthesizerChecks
{
    public static void Range(long start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (start > long.MaxValue - count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "start + count overflows the row index.");
        }
    }

    public static void SameTable(ColumnBatch batch, TableSpec spec)
    {
        if (!ReferenceEquals(batch.Spec, spec) && (batch.Spec.Columns.Count != spec.Columns.Count || batch.Spec.Name != spec.Name))
        {
            throw new ArgumentException($"The batch holds rows of '{batch.Spec.Name}', not of '{spec.Name}'.", nameof(batch));
        }
    }
}
