using System;
using System.Collections.Generic;
using System.Linq;
using SynthKit.Generation;

namespace SynthKit.Fixtures;

/// <summary>
/// A dataset of related tables ([References] between schemas): which tables belong together and how many rows each
/// gets so that every foreign key names an existing parent row — a parent table gets the number of parents its children
/// declare (the largest, when several do), a child table its natural size (parents × mean children; for Poisson, the
/// sum of the drawn counts).
/// </summary>
public static class RelatedTables
{
    /// <summary>The tables <paramref name="roots"/> reference, directly or through others, with the roots themselves.</summary>
    /// <param name="all">Every table available (by spec name).</param>
    /// <param name="roots">The tables asked for; all tables that take part in a reference when empty.</param>
    /// <returns>The tables, parents before children.</returns>
    /// <exception cref="SynthKitException">SK4006: a reference names a table that is not available.</exception>
    public static IReadOnlyList<ISynthesizer> Close(IReadOnlyList<ISynthesizer> all, IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(roots);
        var byName = new Dictionary<string, ISynthesizer>(StringComparer.Ordinal);
        foreach (var table in all)
        {
            byName.TryAdd(table.Spec.Name, table);
        }

        var start = roots.Count > 0
            ? roots.Select(r => byName.TryGetValue(r, out var t) ? t : throw new SynthKitException(ErrorCodes.InvalidSpec, $"the dataset has no table '{r}'; tables: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}")).ToList()
            : all.Where(t => Parents(t.Spec).Any() || all.Any(c => Parents(c.Spec).Contains(t.Spec.Name))).ToList();
        var order = new List<ISynthesizer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in start)
        {
            Visit(table, new HashSet<string>(StringComparer.Ordinal));
        }

        return order;

        void Visit(ISynthesizer table, HashSet<string> path)
        {
            if (seen.Contains(table.Spec.Name) || !path.Add(table.Spec.Name))
            {
                return; // done, or a table that references itself through others (its parents come first where they can)
            }

            foreach (var parent in Parents(table.Spec))
            {
                if (!byName.TryGetValue(parent, out var p))
                {
                    throw new SynthKitException(ErrorCodes.InvalidSpec, $"table '{table.Spec.Name}' references '{parent}', which is not in the dataset");
                }

                Visit(p, path);
            }

            if (seen.Add(table.Spec.Name))
            {
                order.Add(table);
            }
        }
    }

    /// <summary>How many rows each table of a dataset gets.</summary>
    /// <param name="tables">The tables (as <see cref="Close"/> gives them).</param>
    /// <param name="defaultRows">The rows of a table that is neither parent nor child.</param>
    /// <returns>Rows per table name.</returns>
    /// <exception cref="SynthKitException">SK4006: a table would need more than <see cref="int.MaxValue"/> rows.</exception>
    public static IReadOnlyDictionary<string, int> Rows(IReadOnlyList<ISynthesizer> tables, int defaultRows)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            long parents = tables.SelectMany(c => c.Spec.Columns).Where(c => c.Rule.Kind == RuleKind.Reference && c.Rule.Table == table.Spec.Name).Select(c => c.Rule.Parents ?? 0).DefaultIfEmpty(-1).Max();
            long count = parents >= 0 ? parents : ChildRows(table) ?? defaultRows;
            if (count > int.MaxValue)
            {
                throw new SynthKitException(ErrorCodes.InvalidSpec, $"table '{table.Spec.Name}' would need {count:N0} rows; a dataset table holds at most {int.MaxValue:N0}");
            }

            rows[table.Spec.Name] = (int)count;
        }

        return rows;
    }

    /// <summary>A child table's natural size: that of its first root-level reference, or null when it has none.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The rows, or null.</returns>
    public static long? ChildRows(ISynthesizer table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var spec = table.Spec;
        foreach (var column in spec.Columns)
        {
            var r = column.Rule;
            bool nested = spec.Objects?.Any(o => column.Name.StartsWith(o.Path + ".", StringComparison.Ordinal)) == true;
            if (r.Kind == RuleKind.Reference && !nested)
            {
                return ParentPicker.FromRule(SynthRandom.ScopeOf(table.Seed), column.Key ?? spec.Name + "." + column.Name, r).ChildRows;
            }
        }

        return null;
    }

    private static IEnumerable<string> Parents(TableSpec spec) =>
        spec.Columns.Where(c => c.Rule.Kind == RuleKind.Reference && c.Rule.Table is not null).Select(c => c.Rule.Table!).Distinct(StringComparer.Ordinal);
}
