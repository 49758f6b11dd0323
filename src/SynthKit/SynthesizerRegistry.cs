using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;

namespace SynthKit;

/// <summary>
/// Emitted by the source generator once per synthesizer, on the assembly that declares it: how tools (the
/// command line, the build-time fixture host) find synthesizers without scanning types or guessing names.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code
public sealed class SynthesizerRegistrationAttribute : Attribute
{
    /// <summary>Registers a synthesizer.</summary>
    /// <param name="schemaType">The row type.</param>
    /// <param name="synthesizerType">The generated synthesizer; it has a constructor taking the seed (<c>long</c>).</param>
    public SynthesizerRegistrationAttribute(Type schemaType, [DynamicallyAccessedMembers(Members)] Type synthesizerType)
    {
        SchemaType = schemaType;
        SynthesizerType = synthesizerType;
    }

    /// <summary>The row type.</summary>
    public Type SchemaType { get; }

    /// <summary>The generated synthesizer.</summary>
    [DynamicallyAccessedMembers(Members)]
    public Type SynthesizerType { get; }

    /// <summary>What tools use of a synthesizer type: its seed constructor and its static Schema property.</summary>
    internal const DynamicallyAccessedMemberTypes Members = DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties;
}

/// <summary>A synthesizer an assembly registers.</summary>
public sealed class RegisteredSynthesizer
{
    /// <summary>Describes a registered synthesizer.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="synthesizerType">The synthesizer type.</param>
    public RegisteredSynthesizer(SchemaDescription schema, [DynamicallyAccessedMembers(SynthesizerRegistrationAttribute.Members)] Type synthesizerType)
    {
        Schema = schema;
        SynthesizerType = synthesizerType;
    }

    /// <summary>The schema.</summary>
    public SchemaDescription Schema { get; }

    /// <summary>The synthesizer type.</summary>
    [DynamicallyAccessedMembers(SynthesizerRegistrationAttribute.Members)]
    public Type SynthesizerType { get; }

    /// <summary>A synthesizer for the given seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The synthesizer.</returns>
    public ISynthesizer Create(long seed) => (ISynthesizer)Activator.CreateInstance(SynthesizerType, seed)!;
}

/// <summary>Finds the synthesizers an assembly registers (see <see cref="SynthesizerRegistrationAttribute"/>).</summary>
public static class SynthesizerRegistry
{
    /// <summary>Every synthesizer the assembly registers, in registration order.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The synthesizers.</returns>
    public static IReadOnlyList<RegisteredSynthesizer> All(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttributes<SynthesizerRegistrationAttribute>()
            .Select(a => new RegisteredSynthesizer(SchemaOf(a.SynthesizerType), a.SynthesizerType))
            .ToList();
    }

    /// <summary>
    /// The synthesizer for a schema, named by its schema name (<c>Patient</c>), its type's full name
    /// (<c>Clinic.Patient</c>) or its synthesizer's full name (<c>Clinic.PatientSynthesizer</c>).
    /// </summary>
    /// <param name="assembly">The assembly.</param>
    /// <param name="name">The name.</param>
    /// <returns>The synthesizer, or null when none matches.</returns>
    /// <exception cref="SynthKitException">SK5004: the short name matches several schemas.</exception>
    public static RegisteredSynthesizer? Find(Assembly assembly, string name)
    {
        var all = All(assembly);
        var exact = all.Where(r => r.Schema.ClrType!.FullName == name || r.SynthesizerType.FullName == name).ToList();
        if (exact.Count > 0)
        {
            return exact[0];
        }

        var byName = all.Where(r => r.Schema.Name == name || r.Schema.ClrType!.Name == name).ToList();
        return byName.Count switch
        {
            0 => null,
            1 => byName[0],
            _ => throw new SynthKitException(Fixtures.FixtureErrorCodes.UnknownSchema, $"'{name}' names {byName.Count} schemas ({string.Join(", ", byName.Select(r => r.Schema.ClrType!.FullName))}); give the full type name."),
        };
    }

    private static SchemaDescription SchemaOf([DynamicallyAccessedMembers(SynthesizerRegistrationAttribute.Members)] Type synthesizerType) =>
        synthesizerType.GetProperty("Schema", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as SchemaDescription
        ?? throw new SynthKitException(Fixtures.FixtureErrorCodes.HostFailure, $"'{synthesizerType.FullName}' is registered as a synthesizer but has no static Schema property.");
}
