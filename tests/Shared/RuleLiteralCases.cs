namespace SynthKit.TestCases;

/// <summary>
/// Members whose rules are valid for every member type a categorical rule accepts, and the DataAnnotations format
/// attributes: the analyzer tests check they raise nothing, the generator tests compile them and draw rows. Linked into
/// both projects.
/// </summary>
internal static class RuleLiteralCases
{
    /// <summary>The enum the members use.</summary>
    public const string Enum = "public enum Tier : byte { Bronze = 1, Silver = 2 }";

    /// <summary>The members, for the body of a <c>[SyntheticSchema]</c> class.</summary>
    public const string Members = """
        [Categorical('a', 'b')] public char Grade { get; set; }
        [Categorical("x", "y")] public char Letter { get; set; }
        [Categorical(true, false, Weights = new[] { 3.0, 1.0 })] public bool Paid { get; set; }
        [Categorical("n", null)] public string? Note { get; set; }
        [Categorical(1.5f, 2.5f)] public float Size { get; set; }
        [Categorical(1, 2)] public decimal Price { get; set; }
        [Categorical(7UL, 9UL)] public ulong Serial { get; set; }
        [Categorical(0.25, 0.75)] public double Share { get; set; }
        [Categorical(Tier.Silver)] public Tier Level { get; set; }
        [Categorical(-3L, 4L)] public long Offset { get; set; }
        [System.ComponentModel.DataAnnotations.Url, NotPii] public string Site { get; set; } = "";
        [System.ComponentModel.DataAnnotations.Phone, Pii(PiiKind.Phone)] public string Mobile { get; set; } = "";
        [System.ComponentModel.DataAnnotations.CreditCard, Pii(PiiKind.CreditCardNumber)] public string Card { get; set; } = "";
        [System.ComponentModel.DataAnnotations.EmailAddress, Pii(PiiKind.Email)] public string Mail { get; set; } = "";
        """;
}
