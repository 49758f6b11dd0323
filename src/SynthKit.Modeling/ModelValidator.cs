using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Modeling;

/// <summary>Checks that saved aggregates form a model that can be sampled, so a hand-edited file fails with SK6001, not later.</summary>
internal static class ModelValidator
{
    public static void Validate(ModelData data)
    {
        if (data.Marginals is null || data.Marginals.Count == 0)
        {
            Fail("it has no marginals");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in data.Marginals!)
        {
            if (m is null || !names.Add(m.Column))
            {
                Fail($"marginal '{m?.Column}' is missing or repeated");
            }

            bool numeric = m!.Kind == "numeric" && m.Knots is not null && m.Categories is null;
            bool categorical = m.Kind == "categorical" && m.Categories is { Count: > 0 } c && m.Shares is { } s && s.Count == c.Count;
            if (!numeric && !categorical)
            {
                Fail($"marginal '{m.Column}' is neither numeric (knots) nor categorical (categories with one share each)");
            }

            if (m.NullShare is < 0 or > 1 || double.IsNaN(m.NullShare) || (numeric && m.Knots!.Count == 0 && m.NullShare < 1))
            {
                Fail($"marginal '{m.Column}' has a null share outside [0, 1] or no knots for its values");
            }
        }

        if (data.Spec is { } element)
        {
            TableSpec spec;
            try
            {
                spec = TableSpec.FromJson(element.GetRawText());
            }
            catch (SynthKitException ex)
            {
                Fail("its column spec is not valid: " + ex.Detail);
                return;
            }

            foreach (var m in data.Marginals!)
            {
                if (spec.IndexOf(m.Column) < 0)
                {
                    Fail($"marginal '{m.Column}' is not a column of its spec '{spec.Name}'");
                }
            }
        }

        if (data.Constraints is { } constraints)
        {
            try
            {
                BoundConstraints.Bind(constraints, data.Marginals);
            }
            catch (SynthKitException ex)
            {
                Fail(ex.Detail);
            }
        }

        switch (data.Kind)
        {
            case "copula":
                if (data.Correlation is not { } r || r.Count != data.Marginals!.Count || r.Any(row => row is null || row.Count != r.Count))
                {
                    Fail("a copula needs a square correlation with one row per marginal");
                }

                break;
            case "bayes-net":
                ValidateNetwork(data);
                break;
            default:
                Fail($"unknown kind '{data.Kind}' (expected copula or bayes-net)");
                break;
        }
    }

    private static void ValidateNetwork(ModelData data)
    {
        var marginals = data.Marginals.ToDictionary(m => m.Column, StringComparer.Ordinal);
        if (data.Network is not { } network || network.Count != marginals.Count)
        {
            Fail("a Bayesian network needs one node per marginal");
            return;
        }

        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in network)
        {
            if (node is null || !marginals.TryGetValue(node.Column, out var m) || sizes.ContainsKey(node.Column))
            {
                Fail($"network node '{node?.Column}' has no marginal or is repeated");
                return;
            }

            if ((m.Knots is null) != (node.Cuts is null) || (node.Cuts is { } cuts && (cuts.Any(c => !(c > 0 && c < 1)) || cuts.Zip(cuts.Skip(1)).Any(p => p.First >= p.Second))))
            {
                Fail($"network node '{node.Column}' needs increasing cuts inside (0, 1) exactly when its column is numeric");
            }

            foreach (var parent in node.Parents ?? [])
            {
                if (!sizes.ContainsKey(parent))
                {
                    Fail($"network node '{node.Column}' has parent '{parent}', which does not come before it");
                }
            }

            int size = 1 + (m.Categories?.Count ?? (node.Cuts!.Count + 1));
            if (node.Tree is { } tree)
            {
                ValidateTree(node.Column, tree, size, sizes, 0);
            }

            foreach (var row in node.Counts ?? [])
            {
                if (row?.Given is null || row.Counts is null || row.Given.Count != node.Parents!.Count || row.Counts.Count != size
                    || row.Counts.Any(c => c < 0) || row.Given.Select((g, i) => g < 0 || g >= sizes[node.Parents[i]]).Any(bad => bad))
                {
                    Fail($"network node '{node.Column}' has a count row that does not match its parents' bins or its own {size} bins");
                }
            }

            sizes[node.Column] = size;
        }
    }

    private static void ValidateTree(string column, TreeNode tree, int size, Dictionary<string, int> sizes, int depth)
    {
        if (depth > 64)
        {
            Fail($"the tree of '{column}' is deeper than 64");
        }

        if (tree.Counts is { } counts)
        {
            if (counts.Count != size || counts.Any(c => c < 0) || counts.Sum() <= 0)
            {
                Fail($"a leaf of the tree of '{column}' does not hold a positive count for each of its {size} bins");
            }

            return;
        }

        if (tree.Column is not { } split || !sizes.TryGetValue(split, out int splitSize) || tree.Left is null || tree.Left.Any(b => b < 0 || b >= splitSize) || tree.IfLeft is null || tree.Otherwise is null)
        {
            Fail($"a split of the tree of '{column}' names a column that does not come before it, bins it does not have, or lacks a branch");
            return;
        }

        ValidateTree(column, tree.IfLeft, size, sizes, depth + 1);
        ValidateTree(column, tree.Otherwise, size, sizes, depth + 1);
    }

    private static void Fail(string reason) => throw new SynthKitException(ModelingErrorCodes.InvalidModel, "the model is not consistent: " + reason);
}
