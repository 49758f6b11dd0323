using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SynthKit.Modeling;

/// <summary>
/// A constraint every sampled row satisfies, declared when fitting (<see cref="ModelOptions.Constraints"/>, <c>synthkit fit
/// --constraint</c>) in a small grammar over learned columns and numbers:
/// <list type="bullet">
/// <item><c>a &lt; b</c>, <c>a &lt;= b</c>, <c>a &gt; b</c>, <c>a &gt;= b</c>, <c>a == b</c>, <c>a != b</c>: between two columns or a column and a number;</item>
/// <item><c>0 &lt;= age &lt;= 120</c>: a range (a chain of comparisons);</item>
/// <item><c>education ~ education-num</c>: only combinations of the columns' values seen in the real data (each at least
/// <see cref="ModelOptions.MinimumCount"/> times), e.g. a category and its code.</item>
/// </list>
/// A null value satisfies every comparison. Column names may be written in backticks (<c>`hours-per-week` &gt; 0</c>).
/// </summary>
public sealed class ModelConstraint
{
    private static readonly string[] s_operators = ["<=", ">=", "==", "!=", "<", ">"];

    private ModelConstraint(string text, IReadOnlyList<(string Left, string Op, string Right)> comparisons, IReadOnlyList<string> combined)
    {
        Text = text;
        Comparisons = comparisons;
        Combined = combined;
    }

    /// <summary>The constraint as written.</summary>
    public string Text { get; }

    /// <summary>The columns it involves.</summary>
    public IReadOnlyList<string> Columns => Combined.Count > 0 ? Combined : Comparisons.SelectMany(c => new[] { c.Left, c.Right }).Where(s => !IsNumber(s)).Distinct(StringComparer.Ordinal).ToArray();

    internal IReadOnlyList<(string Left, string Op, string Right)> Comparisons { get; }

    internal IReadOnlyList<string> Combined { get; }

    /// <summary>Reads a constraint.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The constraint.</returns>
    /// <exception cref="SynthKitException">SK6004: not a constraint of the grammar.</exception>
    public static ModelConstraint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens(text);
        if (tokens.Count == 3 && tokens[1] == "~" && !IsNumber(tokens[0]) && !IsNumber(tokens[2]))
        {
            return new ModelConstraint(text.Trim(), [], [tokens[0], tokens[2]]);
        }

        if (tokens.Count < 3 || tokens.Count % 2 == 0)
        {
            throw Invalid(text, "write a comparison (a < b, a >= 0, 0 <= a <= 10) or a combination (a ~ b)");
        }

        var comparisons = new List<(string, string, string)>();
        for (int i = 1; i < tokens.Count; i += 2)
        {
            if (!s_operators.Contains(tokens[i]) || s_operators.Contains(tokens[i - 1]) || s_operators.Contains(tokens[i + 1]))
            {
                throw Invalid(text, $"'{tokens[i]}' is not one of {string.Join(" ", s_operators)} between two columns or numbers");
            }

            if (IsNumber(tokens[i - 1]) && IsNumber(tokens[i + 1]))
            {
                throw Invalid(text, $"'{tokens[i - 1]} {tokens[i]} {tokens[i + 1]}' compares two numbers");
            }

            comparisons.Add((tokens[i - 1], tokens[i], tokens[i + 1]));
        }

        return new ModelConstraint(text.Trim(), comparisons, []);
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '`')
            {
                int end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw Invalid(text, "a backtick is not closed");
                }

                tokens.Add(text[(i + 1)..end]);
                i = end + 1;
            }
            else if ("<>=!~".Contains(c, StringComparison.Ordinal))
            {
                int start = i;
                while (i < text.Length && "<>=!~".Contains(text[i], StringComparison.Ordinal))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !"<>=!~`".Contains(text[i], StringComparison.Ordinal))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    internal static bool IsNumber(string token) => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static SynthKitException Invalid(string text, string reason) => new(ModelingErrorCodes.InvalidConstraint, $"constraint '{text.Trim()}' cannot be read: {reason}");

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A real row that breaks a declared constraint (reported, never stored in the model).</summary>
/// <param name="Row">The row's index in the table (0 is the first data row).</param>
/// <param name="Constraint">The constraint.</param>
/// <param name="Detail">The values that break it.</param>
public sealed record ConstraintViolation(int Row, string Constraint, string Detail);

/// <summary>Constraints bound to a model's columns: checked on real rows, and on every sampled row.</summary>
internal sealed class BoundConstraints
{
    private readonly List<(string Text, Func<ColumnBatch, int, string?> Check)> _checks = [];

    private BoundConstraints(IReadOnlyList<ModelConstraintData> data) => Data = data;

    public IReadOnlyList<ModelConstraintData> Data { get; }

    public bool IsEmpty => _checks.Count == 0;

    /// <summary>Binds constraints to the learned columns; a combination learns its allowed values from <paramref name="table"/>.</summary>
    public static BoundConstraints Fit(IEnumerable<string> texts, IReadOnlyList<Marginal> marginals, ColumnBatch table, int minimumCount)
    {
        var data = new List<ModelConstraintData>();
        foreach (var text in texts)
        {
            var constraint = ModelConstraint.Parse(text);
            Require(constraint, marginals);
            IReadOnlyList<IReadOnlyList<string>>? combinations = null;
            if (constraint.Combined.Count > 0)
            {
                var labels = constraint.Combined.Select(c => ColumnValues.Labels(table[c])).ToArray();
                combinations = Enumerable.Range(0, table.RowCount)
                    .Where(r => labels.All(l => l[r] is not null))
                    .GroupBy(r => string.Join('\u001f', labels.Select(l => l[r])), StringComparer.Ordinal)
                    .Where(g => g.Count() >= Math.Max(1, minimumCount))
                    .Select(g => (IReadOnlyList<string>)g.Key.Split('\u001f'))
                    .OrderBy(c => string.Join('\u001f', c), StringComparer.Ordinal)
                    .ToArray();
            }

            data.Add(new ModelConstraintData { Text = constraint.Text, Combinations = combinations });
        }

        return Bind(data, marginals);
    }

    public static BoundConstraints Bind(IReadOnlyList<ModelConstraintData> data, IReadOnlyList<Marginal>? marginals)
    {
        var bound = new BoundConstraints(data);
        foreach (var item in data)
        {
            var constraint = ModelConstraint.Parse(item.Text);
            if (marginals is not null)
            {
                Require(constraint, marginals);
            }

            if (constraint.Combined.Count > 0)
            {
                if (item.Combinations is null)
                {
                    throw new SynthKitException(ModelingErrorCodes.InvalidConstraint, $"combination constraint '{constraint.Text}' holds no combinations; fit again to learn them");
                }

                var allowed = new HashSet<string>(item.Combinations.Select(c => string.Join('\u001f', c)), StringComparer.Ordinal);
                var columns = constraint.Combined.ToArray();
                bound._checks.Add((item.Text, (batch, row) =>
                {
                    var values = columns.Select(c => ColumnValues.Label(batch[c], row)).ToArray();
                    return values.Any(v => v is null) || allowed.Contains(string.Join('\u001f', values)) ? null : $"{string.Join(", ", columns.Zip(values, (c, v) => $"{c} = {v}"))} is not a combination of the real data";
                }));
                continue;
            }

            foreach (var (left, op, right) in constraint.Comparisons)
            {
                bound._checks.Add((item.Text, (batch, row) =>
                {
                    double? a = Value(batch, row, left), b = Value(batch, row, right);
                    if (a is not { } x || b is not { } y)
                    {
                        return null;
                    }

                    bool holds = op switch { "<" => x < y, "<=" => x <= y, ">" => x > y, ">=" => x >= y, "==" => x == y, _ => x != y };
                    return holds ? null : $"{Describe(left, x)} {op} {Describe(right, y)} does not hold";
                }));
            }
        }

        return bound;
    }

    /// <summary>Why the row breaks a constraint, or null when it breaks none.</summary>
    public (string Constraint, string Detail)? Check(ColumnBatch batch, int row)
    {
        foreach (var (text, check) in _checks)
        {
            if (check(batch, row) is { } detail)
            {
                return (text, detail);
            }
        }

        return null;
    }

    private static void Require(ModelConstraint constraint, IReadOnlyList<Marginal> marginals)
    {
        foreach (var column in constraint.Columns)
        {
            var m = marginals.FirstOrDefault(x => x.Column == column)
                ?? throw new SynthKitException(ModelingErrorCodes.InvalidConstraint, $"constraint '{constraint.Text}' names '{column}', which is not a column the model learns (learned: {string.Join(", ", marginals.Select(x => x.Column))})");
            if (constraint.Combined.Count == 0 && m.Knots is null)
            {
                throw new SynthKitException(ModelingErrorCodes.InvalidConstraint, $"constraint '{constraint.Text}' compares '{column}', which is categorical; compare numbers, or use ~ for combinations");
            }
        }
    }

    private static double? Value(ColumnBatch batch, int row, string token) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double constant) ? constant : ColumnValues.Number(batch[token], row);

    private static string Describe(string token, double value) => ModelConstraint.IsNumber(token) ? token : $"{token} ({value.ToString("G10", CultureInfo.InvariantCulture)})";
}
