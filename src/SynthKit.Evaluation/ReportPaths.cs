using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace SynthKit.Evaluation;

/// <summary>Finds a number in a report's JSON by a dotted path, as gates name metrics.</summary>
internal static class ReportPaths
{
    /// <summary>Splits <c>quality.columns["capital.gain"].score</c> into its names.</summary>
    public static List<string>? Split(string path)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                int end = path.IndexOf("\"]", i + 2, StringComparison.Ordinal);
                if (i + 1 >= path.Length || path[i + 1] != '"' || end < 0)
                {
                    return null;
                }

                parts.Add(path.Substring(i + 2, end - i - 2));
                i = end + 2;
                if (i < path.Length && path[i] == '.')
                {
                    i++;
                }

                continue;
            }

            int next = path.IndexOfAny(['.', '['], i);
            string part = next < 0 ? path[i..] : path[i..next];
            if (part.Length == 0)
            {
                return null;
            }

            parts.Add(part);
            i = next < 0 ? path.Length : path[next] == '.' ? next + 1 : next;
        }

        return parts.Count == 0 ? null : parts;
    }

    /// <summary>The number at the path, following an object's <c>score</c> when the path ends on an object.</summary>
    public static double? Find(JsonNode root, string path, out bool exists)
    {
        exists = false;
        var parts = Split(path);
        if (parts is null)
        {
            return null;
        }

        JsonNode? node = root;
        foreach (var part in parts)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out node))
            {
                return null;
            }

            if (node is null)
            {
                // A part of the report that was not computed (no holdout, no target): the metric exists, without a value.
                exists = true;
                return null;
            }
        }

        if (node is JsonObject scored && scored.TryGetPropertyValue("score", out var score))
        {
            node = score;
        }

        exists = true;
        return node is JsonValue value && value.TryGetValue(out double number) ? number : null;
    }
}
