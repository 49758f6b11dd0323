using System.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace SynthKit.Generators.Tests;

/// <summary>
/// Snapshots of the emitted source for representative schemas. Each also compiles the result, so a snapshot only ever
/// records code that builds.
/// </summary>
public class EmittedSourceTests
{
    [Theory]
    [InlineData(nameof(Sources.SimpleClass), "Shop.CustomerSynthesizer.g.cs")]
    [InlineData(nameof(Sources.RecordWithEnumsAndNullables), "Fleet.CarSynthesizer.g.cs")]
    [InlineData(nameof(Sources.NestedAndLists), "Library.BranchSynthesizer.g.cs")]
    public void Emitted_source_matches_its_snapshot(string name, string hintName)
    {
        string source = (string)typeof(Sources).GetField(name, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public)!.GetValue(null)!;

        var result = GeneratorHarness.Run(source);

        result.AssertClean();
        Snapshot.Match(result.Single(hintName), SnapshotNameExtension.Create(name));
    }

    [Fact]
    public void A_synthesizer_for_a_type_from_a_referenced_assembly_reads_its_attributes_from_metadata()
    {
        var domain = GeneratorHarness.Compile([Sources.DomainModel], assemblyName: "Domain");
        var reference = GeneratorHarness.ToMetadataReference(domain);

        var result = GeneratorHarness.Run(GeneratorHarness.Compile([Sources.SynthesizerForDomainModel], [reference]));

        result.AssertClean();
        string source = result.Single("Tests.PatientSynthesizer.g.cs");
        Assert.Contains("partial class PatientSynthesizer : global::SynthKit.ISynthesizer<global::Domain.Patient>", source);
        Assert.Contains("global::MathNet.Numerics.Distributions.Normal.Sample(random, 45d, 18d)", source);
        Assert.Contains("Source = \"domain assembly\"", source);
        Snapshot.Match(source);
    }

    [Fact]
    public void Constraints_on_a_schema_are_written_into_its_spec_and_leave_its_fingerprint_alone()
    {
        string plain = Sources.SimpleClass;
        string constrained = plain.Replace("[SyntheticSchema]", "[SyntheticSchema, Constraint(\"Age >= 18\"), Constraint(\"`Age` < 120\")]");
        Assert.NotEqual(plain, constrained);

        var result = GeneratorHarness.Run(constrained);

        result.AssertClean();
        string source = result.Single("Shop.CustomerSynthesizer.g.cs");
        Assert.Contains("constraints", source, System.StringComparison.Ordinal);
        Assert.Contains("Age >= 18", source, System.StringComparison.Ordinal);
        Assert.Contains("`Age` < 120", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain("constraints", GeneratorHarness.Run(plain).Single("Shop.CustomerSynthesizer.g.cs"), System.StringComparison.Ordinal);
        string Fingerprint(string s) => s[s.IndexOf("Fingerprint", System.StringComparison.Ordinal)..][..120];
        Assert.Equal(Fingerprint(GeneratorHarness.Run(plain).Single("Shop.CustomerSynthesizer.g.cs")), Fingerprint(source));
    }

    [Theory]
    [InlineData("[SyntheticSchema(Locale = \"pt-br\")]", "pt_BR")]
    [InlineData("[SyntheticSchema(Locale = \"DE\")]", "de")]
    [InlineData("[SyntheticSchema(Locale = \"en\")]", null)]
    [InlineData("[SyntheticSchema(Locale = \"klingon\")]", null)]
    public void A_schema_locale_is_canonical_in_the_synthesizer_and_its_spec(string attribute, string? expected)
    {
        var result = GeneratorHarness.Run(Sources.SimpleClass.Replace("[SyntheticSchema]", attribute, System.StringComparison.Ordinal));

        result.AssertClean(); // an unknown locale is the analyzer's SK3016; the generator draws from en
        string source = result.Single("Shop.CustomerSynthesizer.g.cs");
        if (expected is null)
        {
            Assert.Contains("_locale = global::SynthKit.SynthLocale.English;", source, System.StringComparison.Ordinal);
            Assert.DoesNotContain("\\\"locale\\\"", source, System.StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"_locale = global::SynthKit.SynthLocale.Get(\"{expected}\");", source, System.StringComparison.Ordinal);
            Assert.Contains($"\\\"locale\\\":\\\"{expected}\\\"", source, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_synthesizer_declaration_locale_wins_over_the_schema_type_locale()
    {
        string domain = Sources.DomainModel.Replace("public sealed class Patient", "[SyntheticSchema(Locale = \"fr\")] public sealed class Patient", System.StringComparison.Ordinal);
        var reference = GeneratorHarness.ToMetadataReference(GeneratorHarness.Compile([domain], assemblyName: "Domain"));
        string inherited = GeneratorHarness.Run(GeneratorHarness.Compile([Sources.SynthesizerForDomainModel], [reference])).Single("Tests.PatientSynthesizer.g.cs");
        Assert.Contains("SynthLocale.Get(\"fr\")", inherited, System.StringComparison.Ordinal);
        string own = Sources.SynthesizerForDomainModel.Replace("typeof(Domain.Patient))]", "typeof(Domain.Patient), Locale = \"it\")]", System.StringComparison.Ordinal);
        Assert.NotEqual(Sources.SynthesizerForDomainModel, own);
        string overridden = GeneratorHarness.Run(GeneratorHarness.Compile([own], [reference])).Single("Tests.PatientSynthesizer.g.cs");
        Assert.Contains("SynthLocale.Get(\"it\")", overridden, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_fingerprint_changes_with_its_parent_key_so_their_fixtures_go_stale_together()
    {
        static string Source(string key) => "using SynthKit; namespace N; [SyntheticSchema] public class P { " + key + " public int Id { get; set; } public string Name { get; set; } = \"\"; } [SyntheticSchema] public class C { [References(typeof(P))] public int PId { get; set; } }";
        static string Fingerprint(string source)
        {
            string child = GeneratorHarness.Run(Source(source)).Single("N.CSynthesizer.g.cs");
            int at = child.IndexOf("Fingerprint = \"", System.StringComparison.Ordinal);
            return child.Substring(at, 80);
        }

        string first = Fingerprint("[Sequence(Start = 1)]");
        Assert.NotEqual(first, Fingerprint("[Sequence(Start = 100)]"));
        Assert.NotEqual(first, Fingerprint("[Sequence(Start = 1, Step = 2)]"));
        Assert.Equal(first, Fingerprint("[Sequence(Start = 1)]"));
    }

    [Fact]
    public void Both_ways_of_declaring_a_schema_give_the_same_fingerprint_and_values()
    {
        string inSource = Sources.DomainModel.Replace("public sealed class Patient", "[SyntheticSchema] public sealed class Patient");
        var mode1 = GeneratorHarness.Run(inSource).Single("Domain.PatientSynthesizer.g.cs");

        var reference = GeneratorHarness.ToMetadataReference(GeneratorHarness.Compile([Sources.DomainModel], assemblyName: "Domain"));
        var mode2 = GeneratorHarness.Run(GeneratorHarness.Compile([Sources.SynthesizerForDomainModel], [reference])).Single("Tests.PatientSynthesizer.g.cs");

        string Body(string source) => source[source.IndexOf("private const ulong", System.StringComparison.Ordinal)..];
        Assert.Equal(Body(mode1), Body(mode2));
    }
}

/// <summary>A schema with list members cannot be written as CSV, a DataFrame or columns: a direct call says so at compile time.</summary>
public class FlatFormatTests
{
    [Theory]
    [InlineData("new Library.BranchSynthesizer(1).WriteCsv(System.IO.Stream.Null, 5);", "CSV")]
    [InlineData("Library.BranchSynthesizer.ReadCsv(System.IO.Stream.Null);", "CSV")]
    [InlineData("new Library.BranchSynthesizer(1).ToDataFrame(5);", "a DataFrame")]
    [InlineData("new Library.BranchSynthesizer(1).Fill(new SynthKit.ColumnBatch(Library.BranchSynthesizer.Spec), 0, 5);", "a column batch")]
    public void Calling_a_flat_format_method_on_a_schema_with_lists_is_a_compile_time_SK4001(string call, string format)
    {
        string user = "public static class User { public static void Run() { " + call + " } }";

        var result = GeneratorHarness.Run(Sources.NestedAndLists, user);

        Assert.Empty(result.GeneratorDiagnostics);
        var error = Assert.Single(result.CompilerErrors);
        Assert.Equal("SK4001", error.Id);
        Assert.Contains($"has list members (Books, Returns), which {format} cannot carry", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_and_the_interface_still_compile_for_a_schema_with_lists()
    {
        string user = "public static class User { public static void Run() { var s = new Library.BranchSynthesizer(1); s.WriteJsonLines(System.IO.Stream.Null, 5); ((SynthKit.ISynthesizer)s).WriteCsv(System.IO.Stream.Null, 0, 5); } }";

        GeneratorHarness.Run(Sources.NestedAndLists, user).AssertClean();
    }
}
