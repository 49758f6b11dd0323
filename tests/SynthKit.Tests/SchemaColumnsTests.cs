using System;
using System.Linq;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Typed rows into columns: the generated <c>ToColumns</c>, and its registration for code that knows only the row type.</summary>
public sealed class SchemaColumnsTests
{
    [Fact]
    public void Rows_from_anywhere_become_the_same_columns_Fill_writes()
    {
        var synthesizer = new AllTypesSynthesizer(5);
        var rows = synthesizer.Generate(300).ToList();

        var fromRows = AllTypesSynthesizer.ToColumns(rows);
        var filled = synthesizer.ToBatch(0, 300);

        Assert.Equal(filled.RowCount, fromRows.RowCount);
        for (int c = 0; c < filled.Columns.Count; c++)
        {
            for (int r = 0; r < filled.RowCount; r++)
            {
                Assert.Equal(filled[c].GetValue(r), fromRows[c].GetValue(r));
            }
        }
    }

    [Fact]
    public void The_module_initializer_registers_every_flat_schema()
    {
        Assert.True(SchemaColumns<AllTypes>.IsRegistered);
        var rows = new AllTypesSynthesizer(6).Generate(20).ToArray();

        var batch = SchemaColumns<AllTypes>.ToColumns(rows.Select(r => r)); // a lazy sequence, enumerated once

        Assert.Equal(20, batch.RowCount);
        Assert.Equal(AllTypesSynthesizer.Spec.Columns.Select(c => c.Name), batch.Spec.Columns.Select(c => c.Name));
        Assert.Equal(0, AllTypesSynthesizer.ToColumns([]).RowCount);
    }

    [Fact]
    public void A_type_without_a_generated_synthesizer_is_SK4008()
    {
        var ex = Assert.Throws<SynthKitException>(() => SchemaColumns<Uri>.ToColumns([]));

        Assert.Equal(ErrorCodes.NoSchemaColumns, ex.Code);
        Assert.Contains("System.Uri", ex.Message, StringComparison.Ordinal);
        Assert.False(SchemaColumns<Uri>.IsRegistered);
        Assert.Throws<ArgumentNullException>(() => SchemaColumns<Uri>.Register(null!));
    }
}
