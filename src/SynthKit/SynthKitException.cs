using System;
using System.Globalization;

namespace SynthKit;

/// <summary>
/// An error with a SynthKit code (<c>SKnnnn</c>) and, where there is one, the file and position it concerns. Its
/// <see cref="Exception.Message"/> is the canonical <c>path(line,col): error SKnnnn: message</c> line that MSBuild,
/// IDEs and CI systems recognise.
/// </summary>
public class SynthKitException : Exception
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">The diagnostic code, such as <c>SK4002</c>.</param>
    /// <param name="detail">What went wrong and how to fix it.</param>
    /// <param name="filePath">The file concerned, if any.</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public SynthKitException(string code, string detail, string? filePath = null, int line = 0, int column = 0, Exception? innerException = null)
        : base(Format(code, detail, filePath, line, column), innerException)
    {
        Code = code;
        Detail = detail;
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    /// <summary>The diagnostic code, such as <c>SK4002</c>; <c>docs/diagnostics/{Code}.md</c> explains it.</summary>
    public string Code { get; }

    /// <summary>The message without code and position.</summary>
    public string Detail { get; }

    /// <summary>The file concerned, if any.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    private static string Format(string code, string detail, string? filePath, int line, int column)
    {
        if (filePath is null && line <= 0)
        {
            return $"error {code}: {detail}";
        }

        string position = line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"({line},{Math.Max(column, 1)})")
            : string.Empty;
        return $"{filePath ?? "<input>"}{position}: error {code}: {detail}";
    }
}

/// <summary>The codes of the errors the SynthKit runtime raises (see <c>docs/diagnostics</c>).</summary>
public static class ErrorCodes
{
    /// <summary>A schema with list members cannot be written as CSV or a DataFrame.</summary>
    public const string NestedListNotFlat = "SK4001";

    /// <summary>Malformed input: a CSV or JSON Lines value that does not parse, or a broken record.</summary>
    public const string MalformedInput = "SK4002";

    /// <summary>A <c>[Unique]</c> column was asked for more rows than its domain holds.</summary>
    public const string UniqueDomainExhausted = "SK4003";

    /// <summary>Input lacks a column (CSV header or DataFrame) that the schema needs.</summary>
    public const string MissingColumn = "SK4004";

    /// <summary>Input holds null for a member that cannot be null.</summary>
    public const string UnexpectedNull = "SK4005";

    /// <summary>A column spec (or SDV metadata) that is malformed or cannot be synthesized.</summary>
    public const string InvalidSpec = "SK4006";

    /// <summary>A personal-data column was routed to a column model, which would learn it.</summary>
    public const string PersonalDataModelled = "SK4007";

    /// <summary>SK4008: rows of a type were to be turned into columns, but no generated synthesizer for it is loaded.</summary>
    public const string NoSchemaColumns = "SK4008";
}
