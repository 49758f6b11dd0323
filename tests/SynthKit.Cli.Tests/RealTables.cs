using System;
using System.Linq;

namespace SynthKit.Cli.Tests;

/// <summary>Real rows in a database as someone else would have loaded them: a plain table, one INSERT per row.</summary>
internal static class RealTables
{
    /// <summary>Writes <paramref name="table"/> into a new SQLite table <paramref name="name"/> (untyped columns, nulls kept).</summary>
    public static void Sqlite(string db, string name, ColumnBatch table)
    {
        var spec = table.Spec;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE \"{name}\" (" + string.Join(", ", spec.Columns.Select(c => $"\"{c.Name}\"")) + ")";
        create.ExecuteNonQuery();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{name}\" VALUES (" + string.Join(", ", spec.Columns.Select((_, i) => "$p" + i)) + ")";
        var parameters = spec.Columns.Select((_, i) => insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = "$p" + i })).ToArray();
        for (int row = 0; row < table.RowCount; row++)
        {
            for (int c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = table[c].GetValue(row) ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
