using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace SynthKit;

/// <summary>
/// Typed rows of a generated schema as columns, for code that knows only the row type (evaluating
/// <c>IEnumerable&lt;Patient&gt;</c>): each generated synthesizer registers its <c>ToColumns</c> here from a module
/// initializer, so no reflection is involved.
/// </summary>
/// <typeparam name="T">The row type of a <c>[SyntheticSchema]</c> or <c>[Synthesizer(typeof(T))]</c> schema.</typeparam>
public static class SchemaColumns<T>
{
    private static Func<IEnumerable<T>, ColumnBatch>? s_converter;

    /// <summary>Whether a generated synthesizer for <typeparamref name="T"/> has registered.</summary>
    public static bool IsRegistered => s_converter is not null;

    /// <summary>The rows as columns under the schema's spec.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>A batch holding every row.</returns>
    /// <exception cref="SynthKitException">SK4008: no generated synthesizer for <typeparamref name="T"/> is loaded.</exception>
    public static ColumnBatch ToColumns(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return (s_converter ?? throw new SynthKitException(
            ErrorCodes.NoSchemaColumns,
            $"no generated synthesizer for {typeof(T).FullName} is loaded: mark the type [SyntheticSchema] (or declare [Synthesizer(typeof({typeof(T).Name}))] on a partial class) and reference the SynthKit package, which carries the generator")).Invoke(rows);
    }

    /// <summary>Called by generated code; not for direct use.</summary>
    /// <param name="converter">The synthesizer's <c>ToColumns</c>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(Func<IEnumerable<T>, ColumnBatch> converter) => s_converter = converter ?? throw new ArgumentNullException(nameof(converter));
}
