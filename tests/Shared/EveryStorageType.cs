namespace SynthKit.Tests.Shared;

/// <summary>A table spec with a column of (nearly) every storage type, for tests of code that reads columns by type.</summary>
internal static class EveryStorageType
{
    public static TableSpec Spec { get; } = new()
    {
        Name = "everything",
        Columns =
        [
            new ColumnSpec { Name = "i8", Type = StorageType.Int8, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "u8", Type = StorageType.UInt8, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "i16", Type = StorageType.Int16, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "u16", Type = StorageType.UInt16, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "i32", Type = StorageType.Int32, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "u32", Type = StorageType.UInt32, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "u64", Type = StorageType.UInt64, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "f32", Type = StorageType.Float32, Kind = StatisticalKind.Numerical, Nullable = true, Modifiers = new ColumnModifiers { NullRate = 0.25 } },
            new ColumnSpec { Name = "money", Type = StorageType.Decimal, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "day", Type = StorageType.Date, Kind = StatisticalKind.Datetime },
            new ColumnSpec { Name = "at", Type = StorageType.DateTime, Kind = StatisticalKind.Datetime },
            new ColumnSpec { Name = "stamp", Type = StorageType.DateTimeOffset, Kind = StatisticalKind.Datetime },
            new ColumnSpec { Name = "time", Type = StorageType.Time, Kind = StatisticalKind.Datetime },
            new ColumnSpec { Name = "span", Type = StorageType.Duration, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "grade", Type = StorageType.Char, Kind = StatisticalKind.Categorical },
            new ColumnSpec { Name = "level", Type = StorageType.Int32, Kind = StatisticalKind.Categorical },
            new ColumnSpec { Name = "colour", Type = StorageType.Enum, Kind = StatisticalKind.Categorical, Categories = ["Red", "Green", "Blue"], EnumType = "Colour" },
            new ColumnSpec { Name = "ok", Type = StorageType.Boolean, Kind = StatisticalKind.Boolean },
            new ColumnSpec { Name = "flagNumber", Type = StorageType.Boolean, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "key", Type = StorageType.Guid, Kind = StatisticalKind.Identifier },
            new ColumnSpec { Name = "serial", Type = StorageType.Int64, Kind = StatisticalKind.Identifier },
            new ColumnSpec { Name = "note", Type = StorageType.String, Kind = StatisticalKind.Text },
        ],
        PrimaryKey = "key",
    };
}
