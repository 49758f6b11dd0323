using System;

namespace SynthKit;

/// <summary>
/// Marks a class, record or struct as a synthetic-data schema. In a project that references the
/// <c>SynthKit</c> package, the source generator emits a <c>{TypeName}Synthesizer</c> class in the same
/// namespace that produces deterministic rows of this type.
/// </summary>
/// <remarks>
/// For a model that lives in another assembly (for example a domain library that references only
/// <c>SynthKit.Abstractions</c>), declare <c>[Synthesizer(typeof(Model))] partial class ModelSynthesizer;</c>
/// in the project that references <c>SynthKit</c> instead.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class SyntheticSchemaAttribute : Attribute
{
    /// <summary>
    /// The schema name. It feeds the random key of every column, so two synthesizers of the same schema name and
    /// seed produce the same values. Defaults to the type's simple name.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// The locale the fakes draw from — a Bogus locale name such as <c>de</c>, <c>fr</c>, <c>en_GB</c>, <c>ja</c> or
    /// <c>pt_BR</c>: names (by sex), the order of a full name, e-mail domains, phone and postcode formats, states, cities
    /// and streets. Defaults to <c>en</c>; a synthesizer's <c>InLocale(…)</c> changes it. An unknown name is SK3016.
    /// </summary>
    public string? Locale { get; set; }
}

/// <summary>
/// Asks the source generator to implement the annotated <c>partial</c> class as a synthesizer for
/// <see cref="SchemaType"/>, which may live in a referenced assembly and needs no attribute of its own.
/// </summary>
/// <example>
/// <code>
/// [Synthesizer(typeof(Clinic.Patient))]
/// public partial class PatientSynthesizer;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SynthesizerAttribute : Attribute
{
    /// <summary>Creates the attribute for the given schema type.</summary>
    /// <param name="schemaType">The class, record or struct whose rows the synthesizer produces.</param>
    public SynthesizerAttribute(Type schemaType) => SchemaType = schemaType;

    /// <summary>The class, record or struct whose rows the synthesizer produces.</summary>
    public Type SchemaType { get; }

    /// <summary>The schema name; defaults to the schema type's simple name. See <see cref="SyntheticSchemaAttribute.Name"/>.</summary>
    public string? Name { get; set; }

    /// <summary>The locale the fakes draw from; defaults to the schema type's <see cref="SyntheticSchemaAttribute.Locale"/>, else <c>en</c>.</summary>
    public string? Locale { get; set; }
}

/// <summary>
/// Excludes a member from generation: the synthesizer leaves it at its default value and no column is written for it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class SynthIgnoreAttribute : Attribute
{
}

/// <summary>
/// A constraint between the schema's members that every row a fitted model draws for it meets (SynthKit.Modeling):
/// <c>[Constraint("Start &lt; End")]</c>, <c>[Constraint("0 &lt;= Age &lt;= 120")]</c>, <c>[Constraint("Education ~ EducationNum")]</c>
/// (only combinations seen in the real data). The generator writes it into the schema's column spec; a model fitted under
/// that spec stores it and redraws any row that breaks it. Rule-driven members do not read it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = true)]
public sealed class ConstraintAttribute : Attribute
{
    /// <summary>Declares a constraint.</summary>
    /// <param name="expression">The constraint, in the grammar of <c>SynthKit.Modeling.ModelConstraint</c>, naming members.</param>
    public ConstraintAttribute(string expression) => Expression = expression;

    /// <summary>The constraint.</summary>
    public string Expression { get; }
}
