using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace SynthKit.Modeling;

/// <summary>Plugging a fitted model into the synthesizer of a schema: <c>new PatientSynthesizer(42).WithModel(model)</c>.</summary>
public static class SynthModelExtensions
{
    /// <summary>
    /// A synthesizer of the same schema and seed in which <paramref name="model"/> draws the schema's <c>[Learned]</c>
    /// members jointly (when no member is marked, every member the model learned), and every other member keeps its rule.
    /// The result works in the columnar world (batches, CSV, JSON Lines), as <see cref="SynthesizerExtensions.WithColumnModel"/>.
    /// </summary>
    /// <param name="synthesizer">A generated or spec-driven synthesizer.</param>
    /// <param name="model">The fitted model.</param>
    /// <returns>The synthesizer.</returns>
    /// <exception cref="SynthKitException">
    /// SK6003: a <c>[Learned]</c> member the model did not learn, a model column the schema lacks, or a member whose type
    /// cannot hold what the model learned; SK4007: a member that is personal data.
    /// </exception>
    public static SpecSynthesizer WithModel(this ISynthesizer synthesizer, SynthModel model)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(model);
        return new SpecSynthesizer(synthesizer.Spec, synthesizer.Seed, [SchemaModel.Bind(model, synthesizer.Spec)]);
    }
}

/// <summary>A model drawing some of its columns into a schema's batch: the rest are drawn (the draw is joint) and dropped.</summary>
internal sealed class SchemaModel : IDescribedColumnModel
{
    private readonly SynthModel _model;
    private readonly TableSpec _scratchSpec;
    private readonly (int Scratch, string Target, bool Numeric)[] _copies;
    private readonly ThreadLocal<ColumnBatch> _scratch;

    private SchemaModel(SynthModel model, IReadOnlyList<string> columns)
    {
        _model = model;
        Columns = columns;
        _scratchSpec = new TableSpec
        {
            Name = model.Data.Table.Length > 0 ? model.Data.Table : "model",
            Columns = model.Data.Marginals.Select(m => new ColumnSpec
            {
                Name = m.Column,
                Type = m.Knots is null ? StorageType.String : StorageType.Float64,
                Kind = m.Knots is null ? StatisticalKind.Categorical : StatisticalKind.Numerical,
                Nullable = true,
            }).ToArray(),
        };
        var index = model.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _copies = columns.Select(c => (index[c], c, model.Data.Marginals[index[c]].Knots is not null)).ToArray();
        _scratch = new ThreadLocal<ColumnBatch>(() => new ColumnBatch(_scratchSpec, 1) { RowCount = 1 });
    }

    public string Key => _model.Key;

    public IReadOnlyList<string> Columns { get; }

    public static SchemaModel Bind(SynthModel model, TableSpec spec)
    {
        var learned = spec.Columns.Where(c => c.Learned).Select(c => c.Name).ToList();
        var wanted = learned.Count > 0 ? learned : model.Columns.ToList();
        foreach (var name in wanted)
        {
            int at = spec.IndexOf(name);
            int m = model.Columns.ToList().IndexOf(name);
            if (m < 0)
            {
                throw new SynthKitException(ModelingErrorCodes.SchemaMismatch, $"member '{name}' of '{spec.Name}' is [Learned], but the model did not learn it (it learned: {string.Join(", ", model.Columns)}); refit on data with that column");
            }

            if (at < 0)
            {
                throw new SynthKitException(ModelingErrorCodes.SchemaMismatch, $"the model learned '{name}', which '{spec.Name}' does not have; mark the members to draw [Learned], or fit on the schema's columns");
            }

            var column = spec.Columns[at];
            bool numeric = model.Data.Marginals[m].Knots is not null;
            bool fits = numeric
                ? column.Type is not (StorageType.String or StorageType.Char or StorageType.Guid or StorageType.Time or StorageType.DateTimeOffset)
                : column.Type is StorageType.String or StorageType.Enum or StorageType.Boolean || column.Kind is StatisticalKind.Categorical;
            if (!fits)
            {
                throw new SynthKitException(ModelingErrorCodes.SchemaMismatch, $"member '{name}' of '{spec.Name}' is {column.Type}, which cannot hold the {(numeric ? "numbers" : "categories")} the model learned for it");
            }
        }

        return new SchemaModel(model, wanted);
    }

    public void Draw(ColumnModelContext context, ColumnBatch batch, int row)
    {
        var scratch = _scratch.Value!;
        _model.Draw(context, scratch, 0);
        foreach (var (source, target, numeric) in _copies)
        {
            var from = scratch[source];
            var to = batch[target];
            if (from.IsNull(0))
            {
                to.SetNull(row);
            }
            else if (numeric)
            {
                ColumnValues.SetNumber(to, row, ((Column<double>)from)[0]);
            }
            else
            {
                ColumnValues.SetLabel(to, row, ((CategoricalColumn)from)[0]!);
            }
        }
    }

    public ColumnModelInfo Describe()
    {
        var info = _model.Describe();
        return new ColumnModelInfo { Key = info.Key, Kind = info.Kind, Sha256 = info.Sha256, Columns = Columns, Details = info.Details, Rows = info.Rows, Lineage = info.Lineage };
    }
}
