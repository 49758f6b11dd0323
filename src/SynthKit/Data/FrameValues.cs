using System;
using System.Globalization;
using Microsoft.Data.Analysis;

namespace SynthKit.Data;

/// <summary>
/// Reads typed values out of a <see cref="DataFrame"/> for generated synthesizers' <c>FromDataFrame</c>: columns are
/// found by name, values converted from whatever column type holds them (a frame loaded from CSV holds strings,
/// singles or doubles where the schema has other types), and gaps reported with a code.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code
public static class FrameValues
{
    /// <summary>The column of the given name.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="name">The column name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="SynthKitException">SK4004: the frame has no such column.</exception>
    public static DataFrameColumn Require(DataFrame frame, string name)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int index = frame.Columns.IndexOf(name);
        if (index < 0)
        {
            throw new SynthKitException(ErrorCodes.MissingColumn, $"The DataFrame has no column '{name}'.");
        }

        return frame.Columns[index];
    }

    /// <summary>Whether a cell is null.</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row.</param>
    /// <returns>Whether it is null.</returns>
    public static bool IsNull(DataFrameColumn column, long row) => column[row] is null;

    /// <summary>A string cell (null stays null; other types are formatted with the invariant culture).</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row.</param>
    /// <returns>The value.</returns>
    public static string? String(DataFrameColumn column, long row) => column[row] switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>A non-null cell converted to <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The member type: a number, <see cref="bool"/>, <see cref="char"/>, <see cref="Guid"/> or a date or time type.</typeparam>
    /// <param name="column">The column.</param>
    /// <param name="row">The row.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SynthKitException">SK4005: the cell is null; SK4002: it cannot be converted.</exception>
    public static T Value<T>(DataFrameColumn column, long row)
        where T : struct, ISpanParsable<T>
    {
        object? value = column[row];
        switch (value)
        {
            case null:
                throw new SynthKitException(ErrorCodes.UnexpectedNull, $"Row {row} of column '{column.Name}' is null, but its member is a non-nullable {typeof(T).Name}.");
            case T typed:
                return typed;
            case string text when T.TryParse(text, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case DateTime dateTime when typeof(T) == typeof(DateOnly):
                return (T)(object)DateOnly.FromDateTime(dateTime);
            case DateTime dateTime when typeof(T) == typeof(DateTimeOffset):
                return (T)(object)new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc));
            case IConvertible convertible when typeof(IConvertible).IsAssignableFrom(typeof(T)):
                try
                {
                    return (T)convertible.ToType(typeof(T), CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
                {
                    throw Unconvertible(column, row, value, typeof(T).Name, ex);
                }

            default:
                throw Unconvertible(column, row, value, typeof(T).Name, null);
        }
    }

    /// <summary>A non-null enum cell, from its name or number.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="column">The column.</param>
    /// <param name="row">The row.</param>
    /// <returns>The value.</returns>
    public static TEnum Enum<TEnum>(DataFrameColumn column, long row)
        where TEnum : struct, Enum
    {
        object? value = column[row];
        return value switch
        {
            null => throw new SynthKitException(ErrorCodes.UnexpectedNull, $"Row {row} of column '{column.Name}' is null, but its member is a non-nullable {typeof(TEnum).Name}."),
            TEnum typed => typed,
            string text when System.Enum.TryParse(text, ignoreCase: false, out TEnum parsed) => parsed,
            _ => throw Unconvertible(column, row, value, typeof(TEnum).Name, null),
        };
    }

    private static SynthKitException Unconvertible(DataFrameColumn column, long row, object value, string typeName, Exception? inner) =>
        new(ErrorCodes.MalformedInput, $"Row {row} of column '{column.Name}' holds '{value}' ({value.GetType().Name}), which is not a valid {typeName}.", innerException: inner);
}
