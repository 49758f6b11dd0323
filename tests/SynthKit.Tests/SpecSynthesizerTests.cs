using System;
using System.IO;
using System.Linq;
using System.Text;

namespace SynthKit.Tests;

/// <summary>Specs written by hand, as a CSV user would: every rule on the types it fits, and what the validator refuses.</summary>
public class SpecSynthesizerTests
{
    private const string Columns = """
        {"name":"first","type":"string","kind":"text","privacy":{"pii":"firstName"},"rule":{"kind":"fake","fake":"FirstName"}},
        {"name":"mail","type":"string","kind":"text","privacy":{"pii":"email"},"rule":{"kind":"fake","fake":"Email","firstName":"first"}},
        {"name":"user","type":"string","kind":"text","rule":{"kind":"fake","fake":"Username","lastName":"first"}},
        {"name":"lat","type":"float64","kind":"numerical","rule":{"kind":"fake","fake":"Latitude"}},
        {"name":"born","type":"date","kind":"datetime","rule":{"kind":"fake","fake":"DateOfBirth"}},
        {"name":"bornAt","type":"dateTimeOffset","kind":"datetime","rule":{"kind":"fake","fake":"DateOfBirth"}},
        {"name":"day","type":"date","kind":"datetime","rule":{"kind":"dateRange","from":"2024-01-01","to":"2024-01-31"},"modifiers":{"unique":true}},
        {"name":"at","type":"dateTime","kind":"datetime","rule":{"kind":"dateRange","from":"2024-01-01T00:00","to":"2024-01-02"},"modifiers":{"unique":true}},
        {"name":"code","type":"string","kind":"identifier","rule":{"kind":"pattern","pattern":"??##"},"modifiers":{"unique":true}},
        {"name":"tiny","type":"int8","kind":"numerical","rule":{"kind":"normal","mean":0,"sd":100},"modifiers":{"clampMin":-50,"clampMax":50}},
        {"name":"small","type":"uInt16","kind":"numerical","rule":{"kind":"uniform","min":-10,"max":70000}},
        {"name":"wait","type":"duration","kind":"numerical","rule":{"kind":"exponential","rate":0.01}},
        {"name":"slot","type":"duration","kind":"numerical","rule":{"kind":"uniform","min":60,"max":120}},
        {"name":"price","type":"decimal","kind":"numerical"},
        {"name":"ratio","type":"float32","kind":"numerical","rule":{"kind":"beta","alpha":2,"beta":2},"modifiers":{"round":3}},
        {"name":"count","type":"uInt64","kind":"numerical","rule":{"kind":"poisson","lambda":4}},
        {"name":"rank","type":"int64","kind":"numerical","rule":{"kind":"zipf","s":1.2,"n":10}},
        {"name":"big","type":"uInt32","kind":"numerical","modifiers":{"unique":true}},
        {"name":"flag","type":"boolean","kind":"boolean","rule":{"kind":"categorical","values":["true","false"],"weights":[9,1]}},
        {"name":"grade","type":"char","kind":"categorical","rule":{"kind":"categorical","values":["A","B"]}},
        {"name":"size","type":"float64","kind":"categorical","rule":{"kind":"categorical","values":["0.5","1.5"]}},
        {"name":"maybe","type":"string","nullable":true,"kind":"categorical","rule":{"kind":"categorical","values":["x",null]}},
        {"name":"letter","type":"char","kind":"categorical"},
        {"name":"when","type":"time","kind":"datetime"},
        {"name":"id","type":"guid","kind":"identifier"},
        {"name":"color","type":"enum","kind":"categorical","categories":["Red","Green"],"modifiers":{"unique":false}},
        {"name":"word","type":"string","kind":"text","modifiers":{"minLength":3,"maxLength":6}},
        {"name":"short","type":"string","kind":"text","rule":{"kind":"fake","fake":"Sentence"},"modifiers":{"maxLength":5,"unique":true}}
        """;

    private static TableSpec Spec(string columns = Columns, string extra = "") => TableSpec.FromJson("{\"specVersion\":1,\"name\":\"hand\"" + extra + ",\"columns\":[" + columns + "]}", "hand.json");

    [Fact]
    public void Every_rule_draws_values_its_parameters_allow()
    {
        var batch = new SpecSynthesizer(Spec(), 3).ToBatch(0, 30);

        var first = (StringColumn)batch["first"];
        var mail = (StringColumn)batch["mail"];
        Assert.All(Enumerable.Range(0, 30), i => Assert.StartsWith(first[i]!.ToLowerInvariant()[..1], mail[i]!.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.All(batch.Get<double>("lat").Values.ToArray(), v => Assert.InRange(v, -90, 90));
        Assert.All(batch.Get<DateOnly>("born").Values.ToArray(), d => Assert.InRange(d.Year, 1935, 2006));
        Assert.All(batch.Get<DateTimeOffset>("bornAt").Values.ToArray(), d => Assert.Equal(TimeSpan.Zero, d.Offset));
        Assert.Equal(30, batch.Get<DateOnly>("day").Values.ToArray().Distinct().Count());
        Assert.Equal(30, batch.Get<DateTime>("at").Values.ToArray().Distinct().Count());
        Assert.Equal(30, Enumerable.Range(0, 30).Select(i => ((StringColumn)batch["code"])[i]).Distinct().Count());
        Assert.All(batch.Get<sbyte>("tiny").Values.ToArray(), v => Assert.InRange(v, (sbyte)-50, (sbyte)50));
        Assert.All(batch.Get<TimeSpan>("slot").Values.ToArray(), v => Assert.InRange(v.TotalSeconds, 60, 120));
        Assert.All(batch.Get<decimal>("price").Values.ToArray(), v => Assert.Equal(v, decimal.Round(v, 2)));
        Assert.All(batch.Get<float>("ratio").Values.ToArray(), v => Assert.InRange(v, 0f, 1f));
        Assert.All(batch.Get<long>("rank").Values.ToArray(), v => Assert.InRange(v, 1, 10));
        Assert.Equal(30, batch.Get<uint>("big").Values.ToArray().Distinct().Count());
        Assert.All(batch.Get<char>("grade").Values.ToArray(), v => Assert.Contains(v, "AB"));
        Assert.All(batch.Get<double>("size").Values.ToArray(), v => Assert.Contains(v, new[] { 0.5, 1.5 }));
        Assert.All(batch.Get<char>("letter").Values.ToArray(), v => Assert.InRange(v, 'a', 'z'));
        Assert.All(Enumerable.Range(0, 30), i => Assert.InRange(((StringColumn)batch["word"])[i]!.Length, 3, 6));
        Assert.All(Enumerable.Range(0, 30), i => Assert.Contains(((CategoricalColumn)batch["color"])[i], new[] { "Red", "Green" }));
        Assert.Equal(30, Enumerable.Range(0, 30).Select(i => ((StringColumn)batch["short"])[i]).Distinct().Count());
        var maybe = (CategoricalColumn)batch["maybe"];
        Assert.Contains(Enumerable.Range(0, 30), i => maybe.IsNull(i));
        Assert.Contains(Enumerable.Range(0, 30), i => maybe[i] == "x");
    }

    [Fact]
    public void A_hand_written_spec_writes_csv_and_json_lines_deterministically()
    {
        byte[] Csv(long seed)
        {
            using var s = new MemoryStream();
            new SpecSynthesizer(Spec(), seed).WriteCsv(s, 0, 25);
            return s.ToArray();
        }

        Assert.Equal(Csv(1), Csv(1));
        Assert.NotEqual(Csv(1), Csv(2));
        using var json = new MemoryStream();
        new SpecSynthesizer(Spec(), 1).WriteJsonLines(json, 0, 3);
        var lines = Encoding.UTF8.GetString(json.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal(28, System.Text.Json.JsonDocument.Parse(l).RootElement.EnumerateObject().Count()));
        Assert.Null(new SpecSynthesizer(Spec(), 1).RowType);
        Assert.Equal("hand", new SpecSynthesizer(Spec(), 1).Schema.Name);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var synth = new SpecSynthesizer(Spec(), 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => synth.ToBatch(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => synth.WriteCsv(Stream.Null, long.MaxValue, 2));
        Assert.Throws<ArgumentException>(() => synth.Fill(new ColumnBatch(TableSpec.FromJson("{\"specVersion\":1,\"name\":\"o\",\"columns\":[{\"name\":\"a\",\"type\":\"int32\",\"kind\":\"numerical\"}]}")), 0, 1));
        Assert.Throws<ArgumentNullException>(() => synth.WriteJsonLines(null!, 0, 1));
        Assert.Throws<SynthKitException>(() => new SpecSynthesizer(Spec("""{"name":"d","type":"date","kind":"datetime","rule":{"kind":"dateRange","from":"2024-01-01","to":"2024-01-02"},"modifiers":{"unique":true}}"""), 1).ToBatch(0, 3));
    }

    [Theory]
    [InlineData("""{"name":"x","type":"int32","kind":"numerical","modifiers":{"nullRate":1.5}}""", "within [0, 1]")]
    [InlineData("""{"name":"x","type":"int32","kind":"numerical","modifiers":{"clampMin":1}}""", "clampMin and clampMax go together")]
    [InlineData("""{"name":"x","type":"int32","kind":"numerical","modifiers":{"clampMin":5,"clampMax":1}}""", "clampMin ≤ clampMax")]
    [InlineData("""{"name":"x","type":"int32","kind":"numerical","modifiers":{"round":16}}""", "0 … 15")]
    [InlineData("""{"name":"x","type":"enum","kind":"categorical"}""", "lists its members")]
    [InlineData("""{"name":"","type":"int32","kind":"numerical"}""", "needs a name")]
    [InlineData("""{"name":"x","type":"float64","kind":"numerical","rule":{"kind":"logNormal","mu":1,"sigma":0}}""", "positive sigma")]
    [InlineData("""{"name":"x","type":"float64","kind":"numerical","rule":{"kind":"exponential","rate":-1}}""", "positive rate")]
    [InlineData("""{"name":"x","type":"float64","kind":"numerical","rule":{"kind":"poisson"}}""", "positive lambda")]
    [InlineData("""{"name":"x","type":"float64","kind":"numerical","rule":{"kind":"zipf","s":1,"n":0}}""", "n ≥ 1")]
    [InlineData("""{"name":"x","type":"float64","kind":"numerical","rule":{"kind":"gamma","shape":1}}""", "positive shape and rate")]
    [InlineData("""{"name":"x","type":"float64","kind":"numerical","rule":{"kind":"beta","alpha":1}}""", "positive alpha and beta")]
    [InlineData("""{"name":"x","type":"float64","kind":"numerical","rule":{"kind":"triangular","min":0,"mode":5,"max":3}}""", "min ≤ mode ≤ max")]
    [InlineData("""{"name":"x","type":"string","kind":"text","rule":{"kind":"normal","mean":1,"sd":1}}""", "normal draws numbers")]
    [InlineData("""{"name":"x","type":"boolean","kind":"boolean","rule":{"kind":"bernoulli","p":2}}""", "p within [0, 1]")]
    [InlineData("""{"name":"x","type":"string","kind":"text","rule":{"kind":"categorical","values":["a",null]}}""", "nullable string")]
    [InlineData("""{"name":"x","type":"guid","kind":"identifier","rule":{"kind":"categorical","values":["a"]}}""", "cannot be of type Guid")]
    [InlineData("""{"name":"x","type":"string","kind":"text","rule":{"kind":"pattern","pattern":"#\\"}}""", "lone")]
    [InlineData("""{"name":"x","type":"int32","kind":"numerical","rule":{"kind":"fake","fake":"Email"}}""", "does not fit type Int32")]
    [InlineData("""{"name":"x","type":"string","kind":"text","rule":{"kind":"fake","fake":"Phone","firstName":"x"}}""", "only Email, Username and FullName")]
    [InlineData("""{"name":"x","type":"string","kind":"text","rule":{"kind":"fake","fake":"Email","firstName":"nope"}}""", "is not a plain string column")]
    [InlineData("""{"name":"x","type":"dateTime","kind":"datetime","rule":{"kind":"dateRange","from":"2024-01-01","to":"2024-01-01"}}""", "from before to")]
    public void Specs_that_cannot_work_are_refused_with_the_place_and_the_reason(string column, string message)
    {
        var ex = Assert.Throws<SynthKitException>(() => Spec(column));
        Assert.Equal((ErrorCodes.InvalidSpec, "hand.json"), (ex.Code, ex.FilePath));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_need_a_path_a_key_and_a_valid_null_rate()
    {
        var ex = Assert.Throws<SynthKitException>(() => Spec("""{"name":"a.b","type":"int32","kind":"numerical"}""", ",\"objects\":[{\"path\":\"a\",\"key\":\"t.a\",\"nullRate\":3}]"));
        Assert.Contains("objects", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.InvalidSpec, Assert.Throws<SynthKitException>(() => Spec("{\"name\":\"x\",\"type\":\"int32\",\"kind\":\"numerical\"}", ",\"name2\":1")).Code);
    }

    [Fact]
    public void Every_pii_sdtype_maps_to_a_privacy_role_and_a_fake_that_generates()
    {
        string[] sdtypes = ["email", "first_name", "last_name", "name", "phone_number", "street_address", "address", "city", "state", "administrative_unit", "state_abbr", "postcode", "zipcode", "country", "country_code", "ssn", "passport_number", "license_plate", "credit_card_number", "iban", "bban", "ipv4_address", "ip_address", "mac_address", "user_name", "latitude", "longitude", "date_of_birth", "something_else"];
        string metadata = "{\"columns\":{" + string.Join(",", sdtypes.Select(t => $"\"{t}\":{{\"sdtype\":\"{t}\"}}")) + ",\"n8\":{\"sdtype\":\"numerical\",\"computer_representation\":\"Int8\"},\"u8\":{\"sdtype\":\"numerical\",\"computer_representation\":\"UInt8\"},\"n16\":{\"sdtype\":\"numerical\",\"computer_representation\":\"Int16\"},\"u16\":{\"sdtype\":\"numerical\",\"computer_representation\":\"UInt16\"},\"n32\":{\"sdtype\":\"numerical\",\"computer_representation\":\"Int32\"},\"u32\":{\"sdtype\":\"numerical\",\"computer_representation\":\"UInt32\"},\"u64\":{\"sdtype\":\"numerical\",\"computer_representation\":\"UInt64\"},\"key\":{\"sdtype\":\"id\",\"computer_representation\":\"Int64\"},\"when\":{\"sdtype\":\"datetime\"}}}";

        var spec = SdvMetadata.Read(Encoding.UTF8.GetBytes(metadata), "people");

        Assert.All(spec.Columns.Take(sdtypes.Length), c => Assert.True(c.IsPersonalData, c.Name));
        Assert.Equal(StorageType.Date, spec.FindColumn("date_of_birth")!.Type);
        Assert.Equal(StorageType.Float64, spec.FindColumn("latitude")!.Type);
        Assert.Equal((StorageType.Int8, StorageType.UInt64, StorageType.Int64, StorageType.DateTime), (spec.FindColumn("n8")!.Type, spec.FindColumn("u64")!.Type, spec.FindColumn("key")!.Type, spec.FindColumn("when")!.Type));
        var batch = new SpecSynthesizer(spec, 5).ToBatch(0, 20);
        Assert.Equal(20, batch.RowCount);
        Assert.True(batch["something_else"].NullCount == 0);
        string written = Encoding.UTF8.GetString(SdvMetadata.Write(spec));
        Assert.Contains("\"sdtype\": \"date_of_birth\"", written, StringComparison.Ordinal);
        Assert.Contains("\"computer_representation\": \"UInt16\"", written, StringComparison.Ordinal);
        Assert.Contains("\"datetime_format\": \"%Y-%m-%dT%H:%M:%S\"", written, StringComparison.Ordinal);
        Assert.Equal(spec.Columns.Select(c => c.Privacy?.Pii is not null), SdvMetadata.Read(SdvMetadata.Write(spec), "people").Columns.Select(c => c.Privacy?.Pii is not null));
    }
}
