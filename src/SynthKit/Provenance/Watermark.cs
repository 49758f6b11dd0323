using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SynthKit.IO;

namespace SynthKit.Provenance;

/// <summary>The SK62xx codes: the lineage guard, watermarks and mixing.</summary>
public static class ProvenanceErrorCodes
{
    /// <summary>SK6201: a fit's input is synthetic (by its manifest or a watermark) and the rule for fitting on synthetic data is not met.</summary>
    public const string SyntheticInput = "SK6201";

    /// <summary>SK6202: a watermark cannot be embedded or detected (no key, a malformed keyring, no column with room for a mark, unreadable input).</summary>
    public const string Watermark = "SK6202";

    /// <summary>SK6203: data cannot be mixed (columns that differ, a share outside 0 … 1, too few rows).</summary>
    public const string Mix = "SK6203";
}

/// <summary>A watermark key: a secret and its public id (the first 16 hex digits of a SHA-256 of the secret).</summary>
public sealed class WatermarkKey
{
    private readonly byte[] _secret;
    private readonly System.Threading.ThreadLocal<IncrementalHash> _hmac;

    /// <summary>A key from its secret.</summary>
    /// <param name="secret">The secret (at least 8 characters).</param>
    /// <param name="name">An optional name (from a keyring).</param>
    /// <exception cref="SynthKitException">SK6202: the secret is shorter than 8 characters.</exception>
    public WatermarkKey(string secret, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < 8)
        {
            throw new SynthKitException(ProvenanceErrorCodes.Watermark, "A watermark key needs at least 8 characters (a long random secret is best: anyone with the key can find and remove the mark).");
        }

        _secret = Encoding.UTF8.GetBytes(secret);
        _hmac = new System.Threading.ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _secret));
        Name = name;
        Id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("synthkit-wm1-key-id\0" + secret))).ToLowerInvariant()[..16];
    }

    /// <summary>The key's public id, recorded in manifests.</summary>
    public string Id { get; }

    /// <summary>The key's name in its keyring, if any.</summary>
    public string? Name { get; }

    /// <summary>
    /// A key from a command-line value: the secret itself, <c>@path</c> (the file's first line) or <c>env:NAME</c> (an
    /// environment variable), so secrets need not sit in shell history.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The key.</returns>
    /// <exception cref="SynthKitException">SK6202: the file or variable is missing or the secret too short.</exception>
    public static WatermarkKey Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith('@'))
        {
            string path = value[1..];
            if (!File.Exists(path))
            {
                throw new SynthKitException(ProvenanceErrorCodes.Watermark, $"The key file '{path}' does not exist.", path);
            }

            return new WatermarkKey((File.ReadLines(path).FirstOrDefault() ?? "").Trim());
        }

        if (value.StartsWith("env:", StringComparison.Ordinal))
        {
            return new WatermarkKey(Environment.GetEnvironmentVariable(value[4..])?.Trim() ?? throw new SynthKitException(ProvenanceErrorCodes.Watermark, $"The environment variable '{value[4..]}' is not set."));
        }

        return new WatermarkKey(value);
    }

    /// <summary>Reads a keyring: <c>{ "keys": [ { "name": "…", "secret": "…" } ] }</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its keys.</returns>
    /// <exception cref="SynthKitException">SK6202: the file is missing, not a keyring, or holds no key.</exception>
    public static IReadOnlyList<WatermarkKey> LoadKeyring(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SynthKitException(ProvenanceErrorCodes.Watermark, $"The keyring '{path}' does not exist.", path);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var keys = document.RootElement.GetProperty("keys").EnumerateArray()
                .Select(k => new WatermarkKey(k.GetProperty("secret").GetString() ?? "", k.TryGetProperty("name", out var n) ? n.GetString() : null))
                .ToArray();
            return keys.Length > 0 ? keys : throw new SynthKitException(ProvenanceErrorCodes.Watermark, "The keyring holds no key.", path, 1, 1);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SynthKitException(ProvenanceErrorCodes.Watermark, "The keyring is not { \"keys\": [ { \"name\": …, \"secret\": … } ] }: " + ex.Message.Split(" LineNumber:")[0], path, 1, 1, ex);
        }
    }

    /// <summary>Whether the value <paramref name="canonical"/> of <paramref name="column"/> is on this key's green list, and a second keyed bit (the direction to look first).</summary>
    internal (bool Green, bool Up) Bits(string column, string canonical)
    {
        // One HMAC per thread, its key schedule kept: a bit costs two SHA-256 blocks, not a key setup as well.
        var hmac = _hmac.Value!;
        Span<byte> hash = stackalloc byte[32];
        int length = Encoding.UTF8.GetMaxByteCount(column.Length + canonical.Length) + 1;
        byte[]? rented = null;
        Span<byte> message = length <= 512 ? stackalloc byte[length] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length));
        int n = Encoding.UTF8.GetBytes(column, message);
        message[n++] = 0x1f;
        n += Encoding.UTF8.GetBytes(canonical, message[n..]);
        hmac.AppendData(message[..n]);
        hmac.GetHashAndReset(hash);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        return ((hash[0] & 1) == 1, (hash[1] & 1) == 1);
    }
}

/// <summary>What a watermark test found in one table for one key.</summary>
/// <param name="KeyId">The key's id.</param>
/// <param name="Columns">The columns tested (numbers and dates with many distinct values).</param>
/// <param name="Values">The distinct values tested (one per column and value).</param>
/// <param name="Green">How many of them are on the key's green list.</param>
/// <param name="Z">(green − values/2) / √(values/4).</param>
/// <param name="PValue">The exact binomial probability of at least this many green values in unmarked data (each is green with probability ½ whatever the data).</param>
/// <param name="Log10PValue">log₁₀ of the p-value (it can be far below what a double holds).</param>
/// <param name="Alpha">The significance level of the verdict.</param>
public sealed record WatermarkDetection(string KeyId, IReadOnlyList<string> Columns, int Values, int Green, double Z, double PValue, double Log10PValue, double Alpha)
{
    /// <summary>Whether the mark is found: the p-value is below <see cref="Alpha"/>.</summary>
    public bool Detected => Values > 0 && Log10PValue < Math.Log10(Alpha);

    /// <inheritdoc />
    public override string ToString()
    {
        string p = PValue > 0 ? PValue.ToString("G3", CultureInfo.InvariantCulture) : $"1e{Math.Floor(Log10PValue).ToString(CultureInfo.InvariantCulture)}";
        return $"key {KeyId}: {Green:N0} of {Values:N0} distinct values green in {Columns.Count} column(s) ({string.Join(", ", Columns)}), z = {Z.ToString("0.00", CultureInfo.InvariantCulture)}, p = {p} → {(Detected ? "watermarked" : "no watermark found")} at α = {Alpha.ToString("G3", CultureInfo.InvariantCulture)}";
    }
}

/// <summary>
/// The <c>synthkit-wm1</c> watermark: keyed green lists of values (after Agrawal–Kiernan's keyed marks and He et al.'s
/// green intervals). Every distinct value of a column is green or red by an HMAC-SHA256 of the key, the column name and
/// the value's canonical text. Embedding moves each value of a column with fine resolution (numbers and dates spanning
/// at least 2,000 steps, with at least 100 distinct values in the first 1,024 rows) to the nearest green value, one
/// resolution step at a time (integers ±1, decimals by their last digit, dates by a day, times by a second); equal
/// values stay equal, so point masses stay point masses. Detection needs only the key and the file: it counts the
/// distinct values of every such column that are green; in data made without the key each is green with probability ½
/// exactly, whatever the data, so the count is Binomial(values, ½) and the p-value is exact. Deleting or shuffling rows,
/// reordering columns or copying values within a column keeps the mark; adding noise to every number or rounding them
/// removes it. Categories, booleans, text and identifiers carry no mark (any mark there would shift their distribution).
/// </summary>
public static class Watermark
{
    /// <summary>The scheme's name, recorded in manifests.</summary>
    public const string Scheme = "synthkit-wm1";

    /// <summary>The significance level <c>synthkit watermark detect</c> and the lineage guard use unless told otherwise.</summary>
    public const double DefaultAlpha = 1e-6;

    private const int CalibrationRows = 1024;
    private const int MinimumSpan = 2000;
    private const int MinimumDistinct = 100;
    private const int MaxSteps = 32;

    /// <summary>A synthesizer whose rows carry the mark of <paramref name="key"/>; its manifests record the scheme and key id.</summary>
    /// <param name="synthesizer">The synthesizer (rule-based, spec-driven or drawing from fitted models).</param>
    /// <param name="key">The key.</param>
    /// <returns>The marking synthesizer: same seed, schema and spec; row i still depends only on (seed, i).</returns>
    /// <exception cref="SynthKitException">SK6202: no column has room for a mark.</exception>
    public static ISynthesizer Embed(ISynthesizer synthesizer, WatermarkKey key)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(key);
        return new Marked(synthesizer, key);
    }

    /// <summary>The watermark a synthesizer embeds, or null.</summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <returns>The scheme and key id.</returns>
    public static WatermarkInfo? Of(ISynthesizer synthesizer) => Decorators.Find<Marked>(synthesizer) is { } m ? new WatermarkInfo(Scheme, m.Key.Id) : null;

    internal static ISynthesizer Unwrap(ISynthesizer synthesizer) => Decorators.Innermost(synthesizer);

    /// <summary>The columns a synthesizer's mark goes into.</summary>
    /// <param name="synthesizer">A marking synthesizer from <see cref="Embed"/>.</param>
    /// <returns>The column names, or empty for an unmarked synthesizer.</returns>
    public static IReadOnlyList<string> MarkedColumns(ISynthesizer synthesizer) => Decorators.Find<Marked>(synthesizer) is { } m ? m.Plans.Select(p => p.Column.Name).ToArray() : [];

    /// <summary>Tests a CSV or JSON Lines file (by extension) for the mark of <paramref name="key"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="key">The key.</param>
    /// <param name="alpha">The significance level of the verdict.</param>
    /// <returns>The statistic, p-value and verdict.</returns>
    /// <exception cref="SynthKitException">SK6202: the file is missing; SK4002: it is malformed.</exception>
    public static WatermarkDetection DetectFile(string path, WatermarkKey key, double alpha = DefaultAlpha) => Detect(ReadText(path), key, alpha);

    /// <summary>Tests tables of text cells (column name → cells; null for a missing value) for the mark of <paramref name="key"/>.</summary>
    /// <param name="columns">The columns as text, as a file holds them.</param>
    /// <param name="key">The key.</param>
    /// <param name="alpha">The significance level of the verdict.</param>
    /// <returns>The statistic, p-value and verdict.</returns>
    public static WatermarkDetection Detect(IReadOnlyDictionary<string, List<string?>> columns, WatermarkKey key, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(key);
        var tested = new List<string>();
        int values = 0, green = 0;
        foreach (var (name, cells) in columns.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            // Which columns are tested depends on the data only, never on the key's bits, so the test stays exact.
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            int present = 0, fine = 0;
            foreach (var cell in cells)
            {
                if (string.IsNullOrEmpty(cell))
                {
                    continue;
                }

                present++;
                if (Canonical(cell) is { } canonical)
                {
                    fine++;
                    distinct.Add(canonical);
                }
            }

            if (present == 0 || fine < 0.95 * present || distinct.Count < Math.Max(10, 0.2 * present))
            {
                continue;
            }

            tested.Add(name);
            values += distinct.Count;
            green += distinct.Count(v => key.Bits(name, v).Green);
        }

        double log10p = values == 0 ? 0 : Log10UpperTail(values, green);
        double z = values == 0 ? 0 : (green - (values / 2.0)) / Math.Sqrt(values / 4.0);
        return new WatermarkDetection(key.Id, tested, values, green, z, Math.Pow(10, log10p), log10p, alpha);
    }

    /// <summary>A file's columns as text: CSV (header row) or JSON Lines (one object per line, nested objects flattened with dots).</summary>
    /// <param name="path">The file.</param>
    /// <returns>Column name → cells.</returns>
    public static Dictionary<string, List<string?>> ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SynthKitException(ProvenanceErrorCodes.Watermark, $"'{path}' does not exist.", path);
        }

        var columns = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            int line = 0, records = 0;
            foreach (string text in File.ReadLines(path))
            {
                line++;
                if (text.Length == 0)
                {
                    continue;
                }

                try
                {
                    using var document = JsonDocument.Parse(text);
                    Flatten(document.RootElement, "", columns, records++);
                }
                catch (JsonException ex)
                {
                    throw new SynthKitException(ErrorCodes.MalformedInput, "Not a JSON object: " + ex.Message.Split(" LineNumber:")[0], path, line, 1, ex);
                }
            }

            foreach (var cells in columns.Values)
            {
                while (cells.Count < records)
                {
                    cells.Add(null); // a property the last records lack
                }
            }

            return columns;
        }

        using var stream = File.OpenRead(path);
        using var reader = new CsvReader(stream, path);
        reader.ReadHeader(Array.Empty<string>());
        var header = reader.Header;
        var lists = header.Select(h => columns[h] = new List<string?>()).ToArray();
        while (reader.ReadRecord())
        {
            for (int i = 0; i < lists.Length; i++)
            {
                lists[i].Add(reader.GetString(i));
            }
        }

        return columns;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, List<string?>> columns, int row)
    {
        foreach (var property in element.EnumerateObject())
        {
            string name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, name + ".", columns, row);
                continue;
            }

            if (!columns.TryGetValue(name, out var cells))
            {
                columns[name] = cells = new List<string?>();
            }

            while (cells.Count < row)
            {
                cells.Add(null);
            }

            cells.Add(property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            });
        }
    }

    /// <summary>
    /// The canonical text of a number or an ISO date or time, the same however a file spells it (<c>5</c>, <c>5.0</c>,
    /// <c>5E0</c>); null for any other text, which carries no mark.
    /// </summary>
    internal static string? Canonical(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real))
        {
            if (real == 0)
            {
                return "0";
            }

            double magnitude = Math.Abs(real);
            return magnitude is >= 1e-12 and < 1e15 && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
                ? exact.ToString("G29", CultureInfo.InvariantCulture)
                : real.ToString("R", CultureInfo.InvariantCulture);
        }

        if (text.Length >= 10 && (IsoFormat.TryParse(text, out DateOnly _) || IsoFormat.TryParse(text, out DateTimeOffset _) || IsoFormat.TryParse(text, out DateTime _)))
        {
            return text;
        }

        return null;
    }

    /// <summary>log₁₀ P(X ≥ green) for X ~ Binomial(values, ½), exactly (in log space).</summary>
    internal static double Log10UpperTail(int values, int green)
    {
        if (green <= 0)
        {
            return 0;
        }

        double ln2 = Math.Log(2), max = double.NegativeInfinity;
        var terms = new double[values - green + 1];
        for (int k = green; k <= values; k++)
        {
            double t = MathNet.Numerics.SpecialFunctions.BinomialLn(values, k) - (values * ln2);
            terms[k - green] = t;
            max = Math.Max(max, t);
        }

        double sum = terms.Sum(t => Math.Exp(t - max));
        return Math.Min(0, (max + Math.Log(sum)) / Math.Log(10));
    }

    /// <summary>How one column is marked: its resolution step, found in the first rows (never in the rows being made, so every slice agrees).</summary>
    internal sealed record ColumnPlan(int Index, Column Column, int Decimals, long Unit);

    private sealed class Marked : ISynthesizer, IDecorator
    {
        private readonly ColumnPlan[] _plans;

        public Marked(ISynthesizer inner, WatermarkKey key)
        {
            Inner = inner;
            Key = key;
            var sample = new ColumnBatch(inner.Spec, CalibrationRows);
            inner.Fill(sample, 0, CalibrationRows);
            _plans = Enumerable.Range(0, inner.Spec.Columns.Count).Select(i => Plan(i, inner.Spec.Columns[i], sample[i])).OfType<ColumnPlan>().ToArray();
            if (_plans.Length == 0)
            {
                throw new SynthKitException(ProvenanceErrorCodes.Watermark, $"No column of {inner.Spec.Name} has room for a watermark: it needs a number, date or time with at least {MinimumDistinct} distinct values spanning {MinimumSpan:N0} steps of its resolution in the first {CalibrationRows:N0} rows (categories, booleans, text and identifiers carry no mark).");
            }
        }

        public ISynthesizer Inner { get; }

        public WatermarkKey Key { get; }

        public IReadOnlyList<ColumnPlan> Plans => _plans;

        public long Seed => Inner.Seed;

        public SchemaDescription Schema => Inner.Schema;

        public TableSpec Spec => Inner.Spec;

        public Type? RowType => null;

        public void Fill(ColumnBatch batch, long start, int count)
        {
            Inner.Fill(batch, start, count);
            foreach (var plan in _plans)
            {
                Mark(batch[plan.Index], plan, batch.RowCount);
            }
        }

        public void WriteCsv(Stream destination, long start, int count)
        {
            ArgumentNullException.ThrowIfNull(destination);
            using var writer = new CsvWriter(destination);
            BatchWriter.WriteCsvHeader(writer, Spec);
            ForEachChunk(start, count, batch => BatchWriter.WriteCsvRows(writer, batch));
        }

        public void WriteJsonLines(Stream destination, long start, int count)
        {
            ArgumentNullException.ThrowIfNull(destination);
            using var writer = new JsonLinesWriter(destination);
            var layout = new BatchWriter.JsonLayout(Spec);
            ForEachChunk(start, count, batch => BatchWriter.WriteJsonRows(writer, batch, layout));
        }

        private void ForEachChunk(long start, int count, Action<ColumnBatch> write)
        {
            SynthesizerChecks.Range(start, count);
            var batch = new ColumnBatch(Spec, Math.Clamp(count, 1, 4096));
            for (int done = 0; done < count;)
            {
                int rows = Math.Min(4096, count - done);
                Fill(batch, start + done, rows);
                write(batch);
                done += rows;
            }
        }

        private static ColumnPlan? Plan(int index, ColumnSpec spec, Column sample)
        {
            if (spec.Kind is StatisticalKind.Identifier or StatisticalKind.Categorical or StatisticalKind.Boolean or StatisticalKind.Text || spec.Modifiers?.Unique == true)
            {
                return null;
            }

            var present = Enumerable.Range(0, sample.Count).Where(r => !sample.IsNull(r)).ToArray();
            (double Value, int Decimals)[] values = sample switch
            {
                Column<int> c => present.Select(r => ((double)c[r], 0)).ToArray(),
                Column<long> c => present.Select(r => ((double)c[r], 0)).ToArray(),
                Column<double> c => present.Select(r => (c[r], Decimals(c[r]))).ToArray(),
                Column<decimal> c => present.Select(r => ((double)c[r], Decimals(c[r]))).ToArray(),
                Column<DateOnly> c => present.Select(r => ((double)c[r].DayNumber, 0)).ToArray(),
                Column<DateTime> c => present.Select(r => (c[r].Ticks / (double)TimeSpan.TicksPerSecond, 0)).ToArray(),
                _ => [],
            };
            if (values.Length == 0 || values.Select(v => v.Value).Distinct().Count() < MinimumDistinct)
            {
                return null;
            }

            double span = values.Max(v => v.Value) - values.Min(v => v.Value);
            if (sample is Column<DateTime> dt)
            {
                // The coarsest unit every value is a whole number of: a day, a second, a millisecond or a tick.
                long unit = new[] { TimeSpan.TicksPerDay, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, 1L }.First(u => present.All(r => dt[r].Ticks % u == 0));
                return span * TimeSpan.TicksPerSecond / unit >= MinimumSpan ? new ColumnPlan(index, sample, 0, unit) : null;
            }

            int decimals = values.Max(v => v.Decimals);
            if (decimals > 12)
            {
                // Full-precision doubles: a step is one unit in the last place, far below any statistic's resolution.
                return sample is Column<double> ? new ColumnPlan(index, sample, -1, 0) : null;
            }

            return span / Math.Pow(10, -decimals) >= MinimumSpan ? new ColumnPlan(index, sample, decimals, 0) : null;
        }

        private static int Decimals(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            if (text.Contains('E', StringComparison.Ordinal))
            {
                return 99;
            }

            int dot = text.IndexOf('.');
            return dot < 0 ? 0 : text.Length - dot - 1;
        }

        private static int Decimals(decimal value)
        {
            string text = value.ToString("G29", CultureInfo.InvariantCulture);
            int dot = text.IndexOf('.');
            return dot < 0 ? 0 : text.Length - dot - 1;
        }

        private void Mark(Column column, ColumnPlan plan, int rows)
        {
            string name = plan.Column.Name;
            switch (column)
            {
                case Column<int> c:
                    for (int r = 0; r < rows; r++)
                    {
                        if (!c.IsNull(r))
                        {
                            c[r] = (int)Nudge(name, c[r], 1, long.Max(int.MinValue, c[r] - MaxSteps), long.Min(int.MaxValue, c[r] + (long)MaxSteps), v => v.ToString(CultureInfo.InvariantCulture));
                        }
                    }

                    break;
                case Column<long> c:
                    for (int r = 0; r < rows; r++)
                    {
                        if (!c.IsNull(r) && c[r] is > long.MinValue + MaxSteps and < long.MaxValue - MaxSteps)
                        {
                            c[r] = Nudge(name, c[r], 1, c[r] - MaxSteps, c[r] + MaxSteps, v => v.ToString(CultureInfo.InvariantCulture));
                        }
                    }

                    break;
                case Column<double> c when plan.Decimals < 0:
                    for (int r = 0; r < rows; r++)
                    {
                        if (!c.IsNull(r) && double.IsFinite(c[r]) && c[r] != 0)
                        {
                            c[r] = NudgeUlp(name, c[r]);
                        }
                    }

                    break;
                case Column<double> c:
                    for (int r = 0; r < rows; r++)
                    {
                        if (!c.IsNull(r) && double.IsFinite(c[r]) && Math.Abs(c[r]) < 1e15)
                        {
                            c[r] = NudgeDecimal(name, (decimal)Math.Round(c[r], plan.Decimals), plan.Decimals, d => Canonical(((double)d).ToString("R", CultureInfo.InvariantCulture))!, out var moved) ? (double)moved : c[r];
                        }
                    }

                    break;
                case Column<decimal> c:
                    for (int r = 0; r < rows; r++)
                    {
                        if (!c.IsNull(r) && NudgeDecimal(name, c[r], plan.Decimals, d => d.ToString("G29", CultureInfo.InvariantCulture), out var moved))
                        {
                            c[r] = moved;
                        }
                    }

                    break;
                case Column<DateOnly> c:
                    for (int r = 0; r < rows; r++)
                    {
                        if (!c.IsNull(r) && c[r].DayNumber is > MaxSteps and < 3_652_058 - MaxSteps)
                        {
                            c[r] = DateOnly.FromDayNumber((int)Nudge(name, c[r].DayNumber, 1, c[r].DayNumber - MaxSteps, c[r].DayNumber + MaxSteps, d => Iso(DateOnly.FromDayNumber((int)d))));
                        }
                    }

                    break;
                case Column<DateTime> c:
                    long unit = plan.Unit;
                    for (int r = 0; r < rows; r++)
                    {
                        if (!c.IsNull(r) && c[r].Ticks % unit == 0 && c[r].Ticks / unit is var u && u > MaxSteps && u < (DateTime.MaxValue.Ticks / unit) - MaxSteps)
                        {
                            var kind = c[r].Kind;
                            c[r] = new DateTime(Nudge(name, u, 1, u - MaxSteps, u + MaxSteps, t => Iso(new DateTime(t * unit, kind))) * unit, kind);
                        }
                    }

                    break;
            }
        }

        /// <summary>The nearest green value to <paramref name="value"/> in steps of one, looking first in a keyed direction; the value itself when none is within reach.</summary>
        private long Nudge(string column, long value, long step, long min, long max, Func<long, string> text)
        {
            var (green, up) = Key.Bits(column, text(value));
            if (green)
            {
                return value;
            }

            for (long k = 1; k <= MaxSteps; k++)
            {
                for (int side = 0; side < 2; side++)
                {
                    long candidate = (side == 0) == up ? value + (k * step) : value - (k * step);
                    if (candidate >= min && candidate <= max && Key.Bits(column, text(candidate)).Green)
                    {
                        return candidate;
                    }
                }
            }

            return value;
        }

        private double NudgeUlp(string column, double value)
        {
            static string Text(double v) => Canonical(v.ToString("R", CultureInfo.InvariantCulture))!;
            var (green, up) = Key.Bits(column, Text(value));
            if (green)
            {
                return value;
            }

            double below = value, above = value;
            for (int k = 1; k <= MaxSteps; k++)
            {
                above = Math.BitIncrement(above);
                below = Math.BitDecrement(below);
                for (int side = 0; side < 2; side++)
                {
                    double candidate = (side == 0) == up ? above : below;
                    if (double.IsFinite(candidate) && Key.Bits(column, Text(candidate)).Green)
                    {
                        return candidate;
                    }
                }
            }

            return value;
        }

        private bool NudgeDecimal(string column, decimal value, int decimals, Func<decimal, string> text, out decimal moved)
        {
            decimal step = decimals == 0 ? 1m : 1m / (decimal)Math.Pow(10, decimals);
            var (green, up) = Key.Bits(column, text(value));
            moved = value;
            if (green)
            {
                return true;
            }

            for (int k = 1; k <= MaxSteps; k++)
            {
                for (int side = 0; side < 2; side++)
                {
                    decimal candidate = (side == 0) == up ? value + (k * step) : value - (k * step);
                    if (Key.Bits(column, text(candidate)).Green)
                    {
                        moved = candidate;
                        return true;
                    }
                }
            }

            return false;
        }

        private static string Iso(DateOnly value)
        {
            Span<byte> buffer = stackalloc byte[64];
            return Encoding.UTF8.GetString(buffer[..IsoFormat.Write(value, buffer)]);
        }

        private static string Iso(DateTime value)
        {
            Span<byte> buffer = stackalloc byte[64];
            return Encoding.UTF8.GetString(buffer[..IsoFormat.Write(value, buffer)]);
        }
    }
}
