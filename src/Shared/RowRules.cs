using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SynthKit.CodeAnalysis;

/// <summary>One member of a type as the row rules see it: what it depends on and where to report.</summary>
internal sealed class RowEntry
{
    public RowEntry(string name, TypeShape shape, RuleModel rule, ModifiersModel modifiers, AttributeData? ruleAttribute, AttributeData? whenAttribute)
    {
        Name = name;
        Shape = shape;
        Rule = rule;
        Modifiers = modifiers;
        RuleAttribute = ruleAttribute;
        WhenAttribute = whenAttribute;
    }

    public string Name { get; }

    public TypeShape Shape { get; }

    public RuleModel Rule { get; }

    public ModifiersModel Modifiers { get; }

    public AttributeData? RuleAttribute { get; }

    public AttributeData? WhenAttribute { get; }

    /// <summary>Members this one reads without an attribute saying so (an e-mail reads the names); never reported.</summary>
    public List<string> ImplicitSources { get; } = new();

    /// <summary>Set by <see cref="RowRules.Resolve"/>: whether [After] stands (false: the member falls back to its default).</summary>
    public bool AfterValid { get; set; } = true;

    /// <summary>Set by <see cref="RowRules.Resolve"/>: whether [OnlyWhen] stands.</summary>
    public bool WhenValid { get; set; } = true;

    public string? AfterSource => Rule.Kind == RuleKind.After ? Rule.Text : null;
}

/// <summary>
/// Rules between the members of one row ([After], [OnlyWhen], names that feed an e-mail): checks that each names a
/// member it can use (SK3014), finds cycles (SK3015) and gives the order members are drawn in — dependencies first,
/// otherwise declaration order, so adding a member never moves another's value. Shared by the generator (silent; it
/// drops a broken rule) and the analyzers (which report).
/// </summary>
internal static class RowRules
{
    public static int[] Resolve(IReadOnlyList<RowEntry> members, RuleDiagnosticSink report)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < members.Count; i++)
        {
            index[members[i].Name] = i;
        }

        foreach (var m in members)
        {
            if (m.AfterSource is { } after)
            {
                string? problem = !index.TryGetValue(after, out int s) || s == index[m.Name]
                    ? $"'{after}' is not another generated member of this type"
                    : members[s].Rule.Kind == RuleKind.Derived ? Derived(after)
                    : AfterProblem(m, members[s]);
                if (problem is not null)
                {
                    report(DiagnosticDescriptors.InvalidMemberReference, m.RuleAttribute, ArgumentTarget.At(0), new[] { "After", m.Name, problem });
                    m.AfterValid = false;
                }
            }

            if (m.Modifiers.WhenSource is { } when)
            {
                string? problem = !index.TryGetValue(when, out int s) || s == index[m.Name]
                    ? $"'{when}' is not another generated member of this type"
                    : members[s].Rule.Kind == RuleKind.Derived ? Derived(when)
                    : WhenProblem(m, members[s]);
                if (problem is not null)
                {
                    report(DiagnosticDescriptors.InvalidMemberReference, m.WhenAttribute, ArgumentTarget.At(0), new[] { "OnlyWhen", m.Name, problem });
                    m.WhenValid = false;
                }
            }
        }

        static string Derived(string source) => $"'{source}' is [Derived], computed after every drawn member; a rule cannot read it";

        // Kahn's algorithm, always taking the first ready member in declaration order.
        var placed = new bool[members.Count];
        var order = new List<int>(members.Count);
        while (order.Count < members.Count)
        {
            int next = -1;
            for (int i = 0; i < members.Count && next < 0; i++)
            {
                if (!placed[i] && Sources(members[i], index).All(s => placed[s]))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                // Every member left waits on another: break the cycle at the first explicit rule on it.
                int stuck = Enumerable.Range(0, members.Count).First(i => !placed[i] && OnCycle(i, members, index, placed) is not null && HasExplicit(members[i]));
                string path = OnCycle(stuck, members, index, placed)!;
                var m = members[stuck];
                bool isAfter = m.AfterSource is not null && m.AfterValid;
                report(DiagnosticDescriptors.DependencyCycle, isAfter ? m.RuleAttribute : m.WhenAttribute, ArgumentTarget.Whole, new[] { isAfter ? "After" : "OnlyWhen", m.Name, path });
                if (isAfter)
                {
                    m.AfterValid = false;
                }
                else
                {
                    m.WhenValid = false;
                }

                continue;
            }

            placed[next] = true;
            order.Add(next);
        }

        return order.ToArray();
    }

    private static bool HasExplicit(RowEntry m) => (m.AfterSource is not null && m.AfterValid) || (m.Modifiers.WhenSource is not null && m.WhenValid);

    private static IEnumerable<int> Sources(RowEntry m, Dictionary<string, int> index)
    {
        if (m.AfterSource is { } a && m.AfterValid && index.TryGetValue(a, out int i))
        {
            yield return i;
        }

        if (m.Modifiers.WhenSource is { } w && m.WhenValid && index.TryGetValue(w, out int j))
        {
            yield return j;
        }

        foreach (var s in m.ImplicitSources)
        {
            if (index.TryGetValue(s, out int k))
            {
                yield return k;
            }
        }
    }

    /// <summary>The cycle through member <paramref name="start"/> among the unplaced members, as "A → B → A", or null.</summary>
    private static string? OnCycle(int start, IReadOnlyList<RowEntry> members, Dictionary<string, int> index, bool[] placed)
    {
        var path = new List<int> { start };
        var seen = new HashSet<int>();
        return Walk(start) ? string.Join(" → ", path.Select(p => members[p].Name)) : null;

        bool Walk(int at)
        {
            foreach (int s in Sources(members[at], index))
            {
                if (placed[s])
                {
                    continue;
                }

                if (s == start)
                {
                    path.Add(s);
                    return true;
                }

                if (seen.Add(s))
                {
                    path.Add(s);
                    if (Walk(s))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }

            return false;
        }
    }

    private static string? AfterProblem(RowEntry target, RowEntry source)
    {
        var t = target.Shape.Kind;
        var s = source.Shape.Kind;
        bool fits = t switch
        {
            ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly => s == t,
            >= ValueKind.SByte and <= ValueKind.UInt64 => s is >= ValueKind.SByte and <= ValueKind.UInt64,
            _ => s is >= ValueKind.SByte and <= ValueKind.Decimal,
        };
        if (!fits)
        {
            return $"'{source.Name}' is {Display(source.Shape)}; a {Display(target.Shape)} member follows a member of {(t is >= ValueKind.SByte and <= ValueKind.UInt64 ? "an integer type" : t is ValueKind.Single or ValueKind.Double or ValueKind.Decimal ? "a number type" : "the same type")}";
        }

        if (source.Shape.IsNullable && !target.Shape.IsNullable)
        {
            return $"'{source.Name}' can be null, and then so is this member; make it nullable ({Display(target.Shape)}?)";
        }

        return null;
    }

    private static string? WhenProblem(RowEntry target, RowEntry source)
    {
        var shape = source.Shape;
        var values = target.Modifiers.WhenValues;
        switch (shape.Kind)
        {
            case ValueKind.String:
                return null;
            case ValueKind.Enum:
                return values.FirstOrDefault(v => !shape.EnumNames.Contains(v)) is { } bad ? $"'{bad}' is not a member of {Display(shape)}" : null;
            case ValueKind.Boolean:
                return values.FirstOrDefault(v => v is not ("true" or "false")) is { } notBool ? $"'{notBool}' is not a boolean" : null;
            case >= ValueKind.SByte and <= ValueKind.UInt64:
                return values.FirstOrDefault(v => !double.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out double x) || x < Numbers.MinOf(shape.Kind) || x > Numbers.MaxOf(shape.Kind)) is { } notInt
                    ? $"'{notInt}' is not a value of {Display(shape)}"
                    : null;
            default:
                return $"'{source.Name}' is {Display(shape)}; the deciding member must be a string, enum, boolean or integer";
        }
    }

    private static string Display(TypeShape shape) => shape.TypeName.Replace("global::", string.Empty);
}
