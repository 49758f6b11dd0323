namespace SynthKit.TestCases;

/// <summary>
/// Members whose generation rules are wrong, with the SK code and message arguments the analyzer reports for each
/// (<c>{|#0:…|}</c> marks where). The analyzer tests check the diagnostics; the generator tests run the same members
/// through the generator, which must stay silent, fall back and emit code that compiles. Linked into both projects.
/// </summary>
internal static class RuleErrorCases
{
    public static readonly object[][] All =
    {
        new object[] { "SK3002", "[{|#0:Uniform(10, 1)|}] public int X { get; set; }", "Uniform", "X", "min (10) is greater than max (1)" },
        new object[] { "SK3002", "[{|#0:Uniform(1.2, 1.8)|}] public int X { get; set; }", "Uniform", "X", "no integer lies between 1.2 and 1.8" },
        new object[] { "SK3002", "[{|#0:Clamp(5, 0)|}] public double X { get; set; }", "Clamp", "X", "min (5) is greater than max (0)" },
        new object[] { "SK3002", "[{|#0:Triangular(0, 11, 10)|}] public double X { get; set; }", "Triangular", "X", "need min ≤ mode ≤ max with min < max, but have 0, 11, 10" },
        new object[] { "SK3002", "[{|#0:DateRange(\"2020-01-02\", \"2020-01-01\")|}] public DateOnly X { get; set; }", "DateRange", "X", "min (2020-01-02) is after max (2020-01-01)" },
        new object[] { "SK3002", "[{|#0:Count(3, 1)|}] public List<D> X { get; set; } = new();", "Count", "X", "need 0 ≤ min ≤ max, but have 3 and 1" },
        new object[] { "SK3002", "[Round({|#0:16|})] public double X { get; set; }", "Round", "X", "digits must be between 0 and 15, not 16" },
        new object[] { "SK3003", "[Normal(0, {|#0:-1|})] public double X { get; set; }", "Normal", "X", "standard deviation", "-1" },
        new object[] { "SK3003", "[Poisson({|#0:0|})] public int X { get; set; }", "Poisson", "X", "lambda", "0" },
        new object[] { "SK3003", "[Exponential({|#0:-2|})] public double X { get; set; }", "Exponential", "X", "rate", "-2" },
        new object[] { "SK3003", "[Zipf(1.1, {|#0:0|})] public int X { get; set; }", "Zipf", "X", "count", "0" },
        new object[] { "SK3004", "[Categorical(\"a\", \"b\", {|#0:Weights = new[] { 1.0 }|})] public string X { get; set; } = \"\";", "X", "2 value(s) but 1 weight(s); give one weight per value" },
        new object[] { "SK3004", "[Categorical(\"a\", \"b\", {|#0:Weights = new[] { 0.0, 0.0 }|})] public string X { get; set; } = \"\";", "X", "weights must be finite, not negative, and sum to a positive number" },
        new object[] { "SK3004", "[Categorical(\"a\", {|#0:2|})] public string X { get; set; } = \"\";", "X", "'2' (int) is not a value of type string" },
        new object[] { "SK3004", "[Categorical(\"A\", {|#0:\"Z\"|})] public E X { get; set; }", "X", "'Z' is not a member of E" },
        new object[] { "SK3004", "[Categorical({|#0:1000|})] public byte X { get; set; }", "X", "1000 is not a value of type byte" },
        new object[] { "SK3004", "[Categorical(\"A\", {|#0:1|})] public E X { get; set; }", "X", "'1' is not a member of E" },
        new object[] { "SK3004", "[Categorical({|#0:1e30|})] public decimal X { get; set; }", "X", "1E+30 is outside the range of decimal" },
        new object[] { "SK3004", "[Categorical({|#0:\"ab\"|})] public char X { get; set; }", "X", "'ab' (string) is not a value of type char" },
        new object[] { "SK3005", "[Probability({|#0:1.5|})] public bool X { get; set; }", "Probability", "X", "the probability 1.5" },
        new object[] { "SK3005", "[NullRate({|#0:-0.1|})] public int? X { get; set; }", "NullRate", "X", "the rate -0.1" },
        new object[] { "SK3006", "[{|#0:Normal(0, 1)|}] public string X { get; set; } = \"\";", "Normal", "X", "string", "it draws numbers" },
        new object[] { "SK3006", "[{|#0:NullRate(0.2)|}] public int X { get; set; }", "NullRate", "X", "int", "the member cannot hold null; make its type nullable (T?)" },
        new object[] { "SK3006", "[{|#0:Pii(PiiKind.Email)|}] public int X { get; set; }", "Pii(PiiKind.Email)", "X", "int", "that kind makes strings; add a generation attribute such as [Pattern] or [Uniform] to say how to make this member" },
        new object[] { "SK3006", "[{|#0:Pattern(\"##\")|}] public int X { get; set; }", "Pattern", "X", "int", "patterns make strings" },
        new object[] { "SK3006", "[{|#0:Probability(0.5)|}] public int X { get; set; }", "Probability", "X", "int", "it draws booleans" },
        new object[] { "SK3006", "[{|#0:DateRange(\"2020-01-01\", \"2021-01-01\")|}] public int X { get; set; }", "DateRange", "X", "int", "it draws dates (DateTime, DateTimeOffset or DateOnly)" },
        new object[] { "SK3006", "[{|#0:Count(1, 2)|}] public int X { get; set; }", "Count", "X", "int", "it sets the element count of lists and arrays" },
        new object[] { "SK3006", "[{|#0:Clamp(0, 1)|}] public string X { get; set; } = \"\";", "Clamp", "X", "string", "it clamps numbers" },
        new object[] { "SK3006", "[{|#0:Round(2)|}] public string X { get; set; } = \"\";", "Round", "X", "string", "it rounds numbers" },
        new object[] { "SK3006", "[{|#0:Uniform(0, 1)|}] public string X { get; set; } = \"\";", "Uniform", "X", "string", "it draws numbers" },
        new object[] { "SK3006", "[{|#0:Triangular(0, 1, 2)|}] public string X { get; set; } = \"\";", "Triangular", "X", "string", "it draws numbers" },
        new object[] { "SK3006", "[{|#0:Fake(FakeKind.Company)|}] public int X { get; set; }", "Fake", "X", "int", "fake values are strings" },
        new object[] { "SK3006", "[{|#0:Pii(PiiKind.DateOfBirth)|}] public string X { get; set; } = \"\";", "Pii(PiiKind.DateOfBirth)", "X", "string", "that kind makes dates; add a generation attribute such as [Pattern] or [Uniform] to say how to make this member" },
        new object[] { "SK3006", "[{|#0:Pii(PiiKind.Latitude)|}] public string X { get; set; } = \"\";", "Pii(PiiKind.Latitude)", "X", "string", "that kind makes floating-point or decimal degrees; add a generation attribute such as [Pattern] or [Uniform] to say how to make this member" },
        new object[] { "SK3006", "[{|#0:Pii(PiiKind.DeviceId)|}] public int X { get; set; }", "Pii(PiiKind.DeviceId)", "X", "int", "that kind makes strings or GUIDs; add a generation attribute such as [Pattern] or [Uniform] to say how to make this member" },
        new object[] { "SK3006", "[{|#0:System.ComponentModel.DataAnnotations.Range(1, 5)|}] public string X { get; set; } = \"\";", "Range", "X", "string", "SynthKit draws [Range] as a uniform number" },
        new object[] { "SK3002", "[Zipf(1.1, {|#0:20000000|})] public int X { get; set; }", "Zipf", "X", "count must be at most 10,000,000 (the sampler keeps a table of that many ranks)" },
        new object[] { "SK3002", "[{|#0:System.ComponentModel.DataAnnotations.StringLength(3, MinimumLength = 5)|}] public string X { get; set; } = \"\";", "StringLength", "X", "need 0 ≤ minimum length ≤ maximum length, but have 5 and 3" },
        new object[] { "SK3011", "[Fake({|#0:(FakeKind)999|})] public string X { get; set; } = \"\";", "Fake", "X", "999 is not a FakeKind" },
        new object[] { "SK3011", "[Pii({|#0:(PiiKind)999|})] public string X { get; set; } = \"\";", "Pii", "X", "999 is not a PiiKind" },
        new object[] { "SK3011", "[{|#0:System.ComponentModel.DataAnnotations.Range(typeof(decimal), \"1,5\", \"10\")|}] public decimal X { get; set; }", "Range", "X", "the bounds are not invariant-culture numbers" },
        new object[] { "SK3007", "[Normal(0, 1), {|#0:Uniform(0, 1)|}] public double X { get; set; }", "X", "Normal", "Uniform" },
        new object[] { "SK3007", "[System.ComponentModel.DataAnnotations.Required, {|#0:NullRate(0.5)|}] public string? X { get; set; }", "X", "Required", "NullRate" },
        new object[] { "SK3008", "[{|#0:Unique|}] public bool X { get; set; }", "X", "a boolean has only two values" },
        new object[] { "SK3008", "[{|#0:Unique|}, Normal(0, 1)] public double X { get; set; }", "X", "[Normal] draws values that can repeat; unique members take integers, dates, enums, categorical values, patterns, fakes or GUIDs" },
        new object[] { "SK3011", "[Pattern({|#0:\"\"|})] public string X { get; set; } = \"\";", "Pattern", "X", "the pattern is empty" },
        new object[] { "SK3011", "[Pattern({|#0:\"ab\\\\\"|})] public string X { get; set; } = \"\";", "Pattern", "X", "the pattern ends in a lone '\\'; write '\\\\' for a literal backslash" },
        new object[] { "SK3011", "[DateRange({|#0:\"2020-13-01\"|}, \"2021-01-01\")] public DateTime X { get; set; }", "DateRange", "X", "'2020-13-01' is not an ISO 8601 date (yyyy-MM-dd) or timestamp (yyyy-MM-ddTHH:mm:ss)" },
    };

    /// <summary>The member without its diagnostic markup.</summary>
    public static string Plain(string member) => member.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
}
