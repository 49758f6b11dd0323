using System;
using System.Collections.Generic;

namespace SynthKit;

/// <summary>
/// The columns each column reads ([After]'s column, a condition's column, the names an e-mail derives from, the sex a
/// first name matches) and the order that draws every column after those: the spec-side twin of the generator's draw
/// order. Values never depend on the order, only on (seed, column, row), so any order that respects the reads gives the
/// same bytes.
/// </summary>
internal static class SpecOrder
{
    /// <summary>The indices of the columns <paramref name="column"/> reads.</summary>
    public static List<int> Sources(TableSpec spec, ColumnSpec column)
    {
        var sources = new List<int>(2);
        void Add(string? name)
        {
            int i = name is null ? -1 : spec.IndexOf(name);
            if (i >= 0 && !sources.Contains(i))
            {
                sources.Add(i);
            }
        }

        var r = column.Rule;
        if (r.Kind == RuleKind.After)
        {
            Add(r.Column);
        }

        if (r.Kind == RuleKind.Fake)
        {
            Add(r.FirstName);
            Add(r.LastName);
            Add(r.Sex);
        }

        Add(column.Modifiers?.When?.Column);
        return sources;
    }

    /// <summary>A cycle among the columns' reads, as "A → B → A", or null.</summary>
    public static string? Cycle(TableSpec spec)
    {
        int n = spec.Columns.Count;
        var sources = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            sources[i] = Sources(spec, spec.Columns[i]);
        }

        var state = new int[n]; // 0 unvisited, 1 on the path, 2 done
        var path = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (state[i] == 0 && Visit(i) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        string? Visit(int at)
        {
            state[at] = 1;
            path.Add(at);
            foreach (int s in sources[at])
            {
                if (state[s] == 1)
                {
                    var names = new List<string>();
                    for (int k = path.IndexOf(s); k < path.Count; k++)
                    {
                        names.Add(spec.Columns[path[k]].Name);
                    }

                    names.Add(spec.Columns[s].Name);
                    return string.Join(" → ", names);
                }

                if (state[s] == 0 && Visit(s) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[at] = 2;
            return null;
        }
    }

    /// <summary>Orders plans so that each comes after the plans of the columns it reads (stable otherwise).</summary>
    public static List<T> Sort<T>(TableSpec spec, List<T> plans, Func<T, int> indexOf)
    {
        var byColumn = new Dictionary<int, T>();
        foreach (var plan in plans)
        {
            byColumn[indexOf(plan)] = plan;
        }

        var placed = new HashSet<int>();
        var order = new List<T>(plans.Count);
        while (order.Count < plans.Count)
        {
            bool progress = false;
            foreach (var plan in plans)
            {
                int i = indexOf(plan);
                if (placed.Contains(i))
                {
                    continue;
                }

                bool ready = true;
                foreach (int s in Sources(spec, spec.Columns[i]))
                {
                    ready &= placed.Contains(s) || !byColumn.ContainsKey(s);
                }

                if (ready)
                {
                    placed.Add(i);
                    order.Add(plan);
                    progress = true;
                }
            }

            if (!progress)
            {
                throw new SynthKitException(ErrorCodes.InvalidSpec, "the columns depend on each other in a cycle: " + Cycle(spec));
            }
        }

        return order;
    }
}
