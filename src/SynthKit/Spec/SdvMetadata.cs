using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace SynthKit;

/// <summary>
/// SDV single-table metadata (<c>METADATA_SPEC_VERSION: SINGLE_TABLE_V1</c>) in and out of a <see cref="TableSpec"/>, so a
/// data team's existing metadata file describes a table for SynthKit. <c>sdtype</c> numerical / categorical / boolean /
/// datetime / id map to statistical kinds; the PII sdtypes (<c>email</c>, <c>first_name</c>, <c>phone_number</c> …) to a
/// privacy role and a fake-value rule; <c>computer_representation</c> to the storage type; <c>primary_key</c> and
/// <c>datetime_format</c> carry over.
/// </summary>
public static class SdvMetadata
{
    private static readonly (string Sdtype, PiiKind Kind)[] s_pii =
    {
        ("email", PiiKind.Email), ("first_name", PiiKind.FirstName), ("last_name", PiiKind.LastName), ("name", PiiKind.FullName),
        ("phone_number", PiiKind.Phone), ("street_address", PiiKind.StreetAddress), ("address", PiiKind.StreetAddress),
        ("city", PiiKind.City), ("state", PiiKind.State), ("administrative_unit", PiiKind.State), ("state_abbr", PiiKind.State),
        ("postcode", PiiKind.PostalCode), ("zipcode", PiiKind.PostalCode), ("country", PiiKind.Country), ("country_code", PiiKind.Country),
        ("ssn", PiiKind.NationalId), ("passport_number", PiiKind.PassportNumber), ("license_plate", PiiKind.DriversLicense),
        ("credit_card_number", PiiKind.CreditCardNumber), ("iban", PiiKind.Iban), ("bban", PiiKind.AccountNumber),
        ("ipv4_address", PiiKind.IpAddress), ("ip_address", PiiKind.IpAddress), ("mac_address", PiiKind.MacAddress),
        ("user_name", PiiKind.Username), ("latitude", PiiKind.Latitude), ("longitude", PiiKind.Longitude),
        ("date_of_birth", PiiKind.DateOfBirth),
    };

    /// <summary>Reads an SDV metadata file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="tableName">The table name; the file's name without extensions when null.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SynthKitException">SK4006: not SDV single-table metadata, with the position.</exception>
    public static TableSpec Load(string path, string? tableName = null)
    {
        string name = tableName ?? Path.GetFileName(path).Split('.')[0];
        return Read(File.ReadAllBytes(path), name, path);
    }

    /// <summary>Reads SDV single-table metadata.</summary>
    /// <param name="utf8Json">The metadata JSON.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="path">The file name to report in errors, if any.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SynthKitException">SK4006: not SDV single-table metadata, with the position.</exception>
    public static TableSpec Read(ReadOnlySpan<byte> utf8Json, string tableName, string? path = null)
    {
        try
        {
            return ReadCore(utf8Json, tableName, path);
        }
        catch (InvalidOperationException e)
        {
            // JsonElement.GetString on text that is not UTF-8, or a property of the wrong kind.
            throw new SynthKitException(ErrorCodes.InvalidSpec, "the SDV metadata is not valid UTF-8 JSON of the expected shape: " + e.Message, path, innerException: e);
        }
    }

    private static TableSpec ReadCore(ReadOnlySpan<byte> utf8Json, string tableName, string? path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SynthKitException(ErrorCodes.InvalidSpec, "the SDV metadata is not valid JSON: " + e.Message, path, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SynthKitException(ErrorCodes.InvalidSpec, "SDV metadata is a JSON object", path, 1, 1);
            }

            if (root.TryGetProperty("tables", out _))
            {
                throw new SynthKitException(ErrorCodes.InvalidSpec, "this is SDV multi-table metadata; give single-table metadata (SINGLE_TABLE_V1)", path);
            }

            if (root.TryGetProperty("METADATA_SPEC_VERSION", out var version) && version.GetString() is { } v && v != "SINGLE_TABLE_V1")
            {
                throw new SynthKitException(ErrorCodes.InvalidSpec, $"METADATA_SPEC_VERSION '{v}' is not supported; SynthKit reads SINGLE_TABLE_V1", path);
            }

            if (!root.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Object)
            {
                throw new SynthKitException(ErrorCodes.InvalidSpec, "SDV metadata needs a \"columns\" object", path);
            }

            string? primaryKey = root.TryGetProperty("primary_key", out var pk) && pk.ValueKind == JsonValueKind.String ? pk.GetString() : null;
            var specs = new List<ColumnSpec>();
            foreach (var column in columns.EnumerateObject())
            {
                specs.Add(ReadColumn(column, primaryKey, path));
            }

            var spec = new TableSpec { Name = tableName, Columns = specs, PrimaryKey = primaryKey };
            SpecValidator.Validate(spec, path);
            return spec;
        }
    }

    private static ColumnSpec ReadColumn(JsonProperty column, string? primaryKey, string? path)
    {
        var c = column.Value;
        string? sdtype = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("sdtype", out var s) ? s.GetString() : null;
        if (sdtype is null)
        {
            throw new SynthKitException(ErrorCodes.InvalidSpec, $"column '{column.Name}' has no sdtype", path);
        }

        string? representation = c.TryGetProperty("computer_representation", out var r) ? r.GetString() : null;
        string? format = c.TryGetProperty("datetime_format", out var f) ? f.GetString() : null;
        bool isKey = column.Name == primaryKey;
        switch (sdtype)
        {
            case "numerical":
                return new ColumnSpec { Name = column.Name, Type = Representation(representation, column.Name, path), Kind = StatisticalKind.Numerical, Nullable = true };
            case "categorical":
                return new ColumnSpec { Name = column.Name, Type = StorageType.String, Kind = StatisticalKind.Categorical, Nullable = true };
            case "boolean":
                return new ColumnSpec { Name = column.Name, Type = StorageType.Boolean, Kind = StatisticalKind.Boolean, Nullable = true };
            case "datetime":
                bool dateOnly = format is not null && !format.Contains("%H", StringComparison.Ordinal) && !format.Contains("%M", StringComparison.Ordinal);
                return new ColumnSpec { Name = column.Name, Type = dateOnly ? StorageType.Date : StorageType.DateTime, Kind = StatisticalKind.Datetime, Nullable = true, DatetimeFormat = format };
            case "id":
                return new ColumnSpec
                {
                    Name = column.Name,
                    Type = representation is null ? StorageType.String : Representation(representation, column.Name, path),
                    Kind = StatisticalKind.Identifier,
                    Nullable = !isKey,
                    Modifiers = isKey ? new ColumnModifiers { Unique = true } : null,
                };
            default:
                foreach (var (name, kind) in s_pii)
                {
                    if (name == sdtype)
                    {
                        var type = kind is PiiKind.Latitude or PiiKind.Longitude ? StorageType.Float64 : kind == PiiKind.DateOfBirth ? StorageType.Date : StorageType.String;
                        return new ColumnSpec
                        {
                            Name = column.Name,
                            Type = type,
                            Kind = type == StorageType.String ? (kind is PiiKind.City or PiiKind.State or PiiKind.Country ? StatisticalKind.Categorical : StatisticalKind.Text) : type == StorageType.Date ? StatisticalKind.Datetime : StatisticalKind.Numerical,
                            Nullable = true,
                            Privacy = new ColumnPrivacy { Pii = kind },
                            Rule = new RuleSpec { Kind = RuleKind.Fake, Fake = kind.ToString() },
                            DatetimeFormat = format,
                        };
                    }
                }

                // SDV treats an sdtype it does not know as personal data; so does SynthKit, with no rule to learn it.
                return new ColumnSpec { Name = column.Name, Type = StorageType.String, Kind = StatisticalKind.Text, Nullable = true, Privacy = new ColumnPrivacy { Pii = PiiKind.AccountNumber } };
        }
    }

    private static StorageType Representation(string? representation, string column, string? path) => representation switch
    {
        null or "Float" => StorageType.Float64,
        "Int8" => StorageType.Int8,
        "Int16" => StorageType.Int16,
        "Int32" => StorageType.Int32,
        "Int64" => StorageType.Int64,
        "UInt8" => StorageType.UInt8,
        "UInt16" => StorageType.UInt16,
        "UInt32" => StorageType.UInt32,
        "UInt64" => StorageType.UInt64,
        _ => throw new SynthKitException(ErrorCodes.InvalidSpec, $"column '{column}': computer_representation '{representation}' is not one of Float, Int8 … Int64, UInt8 … UInt64", path),
    };

    /// <summary>Writes a spec as SDV single-table metadata (rules do not carry over; SDV metadata has none).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>Indented UTF-8 JSON.</returns>
    public static byte[] Write(TableSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("METADATA_SPEC_VERSION", "SINGLE_TABLE_V1");
            if (spec.PrimaryKey is not null)
            {
                json.WriteString("primary_key", spec.PrimaryKey);
            }

            json.WriteStartObject("columns");
            foreach (var c in spec.Columns)
            {
                json.WriteStartObject(c.Name);
                if (c.Privacy?.Pii is { } pii)
                {
                    json.WriteString("sdtype", SdtypeOf(pii));
                    json.WriteBoolean("pii", true);
                }
                else
                {
                    json.WriteString("sdtype", c.Kind switch
                    {
                        StatisticalKind.Numerical => "numerical",
                        StatisticalKind.Boolean => "boolean",
                        StatisticalKind.Datetime => "datetime",
                        StatisticalKind.Identifier => "id",
                        _ => "categorical",
                    });
                    if (c.Kind == StatisticalKind.Numerical && RepresentationOf(c.Type) is { } rep)
                    {
                        json.WriteString("computer_representation", rep);
                    }

                    if (c.Kind == StatisticalKind.Datetime)
                    {
                        json.WriteString("datetime_format", c.DatetimeFormat ?? (c.Type == StorageType.Date ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%S"));
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string SdtypeOf(PiiKind kind)
    {
        foreach (var (name, k) in s_pii)
        {
            if (k == kind)
            {
                return name;
            }
        }

        return "id";
    }

    private static string? RepresentationOf(StorageType type) => type switch
    {
        StorageType.Int8 => "Int8",
        StorageType.Int16 => "Int16",
        StorageType.Int32 => "Int32",
        StorageType.Int64 => "Int64",
        StorageType.UInt8 => "UInt8",
        StorageType.UInt16 => "UInt16",
        StorageType.UInt32 => "UInt32",
        StorageType.UInt64 => "UInt64",
        StorageType.Float32 or StorageType.Float64 or StorageType.Decimal => "Float",
        _ => null,
    };
}
