namespace SynthKit;

/// <summary>What a column holds, as fitting, evaluation and the command line see it.</summary>
public enum ColumnKind
{
    /// <summary>Real numbers: measurements, amounts, durations.</summary>
    Continuous = 1,

    /// <summary>Integer counts and ordinal numbers.</summary>
    Discrete = 2,

    /// <summary>One of a fixed set of values: enums, categorical strings.</summary>
    Categorical = 3,

    /// <summary>True or false.</summary>
    Boolean = 4,

    /// <summary>Dates, times and timestamps.</summary>
    DateTime = 5,

    /// <summary>Keys: GUIDs and unique values that name a row rather than describe it.</summary>
    Identifier = 6,

    /// <summary>Personal data (<c>[Pii]</c>): always faked, never learned.</summary>
    PersonalData = 7,

    /// <summary>Free text: words, sentences, patterned codes.</summary>
    Text = 8,
}
