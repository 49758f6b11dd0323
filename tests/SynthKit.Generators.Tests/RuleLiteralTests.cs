using System.Linq;

namespace SynthKit.Generators.Tests;

/// <summary>
/// Categorical values become typed C# literals for every member type the rule accepts, and DataAnnotations format
/// attributes choose their fakes; the emitted code compiles and holds exactly those literals.
/// </summary>
public class RuleLiteralTests
{
    private const string Schema = """
        using System;
        using SynthKit;

        [assembly: Provenance(Source = "tests", Purpose = "tests")]

        namespace Shop;

        """ + SynthKit.TestCases.RuleLiteralCases.Enum + """

        [SyntheticSchema]
        public class Order
        {
        """ + SynthKit.TestCases.RuleLiteralCases.Members + """

            [System.ComponentModel.DataAnnotations.EmailAddress] public int NotText { get; set; }
        }
        """;

    [Fact]
    public void Categorical_values_of_every_type_are_drawn_as_declared_and_format_attributes_pick_their_fakes()
    {
        var result = GeneratorHarness.Run(Schema);
        result.AssertClean();

        // Build what the generator emitted and draw rows from it: every categorical member holds only its declared values.
        using var image = new System.IO.MemoryStream();
        var emitted = result.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(System.Environment.NewLine, emitted.Diagnostics));
        var assembly = System.Reflection.Assembly.Load(image.ToArray());
        var synthesizer = System.Activator.CreateInstance(assembly.GetType("Shop.OrderSynthesizer")!, 5L)!;
        var rows = ((System.Collections.IEnumerable)synthesizer.GetType().GetMethod("Generate", [typeof(int)])!.Invoke(synthesizer, [400])!).Cast<object>().ToList();
        object?[] Values(string member) => rows.Select(r => r.GetType().GetProperty(member)!.GetValue(r)).Distinct().OrderBy(v => v?.ToString(), System.StringComparer.Ordinal).ToArray();

        Assert.Equal(['a', 'b'], Values("Grade"));
        Assert.Equal(['x', 'y'], Values("Letter"));
        Assert.Equal([false, true], Values("Paid"));
        Assert.Equal([null, "n"], Values("Note"));
        Assert.Equal([1.5f, 2.5f], Values("Size"));
        Assert.Equal([1m, 2m], Values("Price"));
        Assert.Equal([7UL, 9UL], Values("Serial"));
        Assert.Equal([0.25, 0.75], Values("Share"));
        Assert.Equal([-3L, 4L], Values("Offset"));
        Assert.Equal(["Silver"], Values("Level").Select(v => v!.ToString()));
        Assert.InRange(rows.Count(r => (bool)r.GetType().GetProperty("Paid")!.GetValue(r)!), 240, 360); // weights 3 : 1

        // The format attributes choose the fakes: URLs, phones, card numbers and addresses, each of its own shape.
        Assert.All(rows, r => Assert.StartsWith("http", (string)r.GetType().GetProperty("Site")!.GetValue(r)!, System.StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains('@', (string)r.GetType().GetProperty("Mail")!.GetValue(r)!));
        Assert.All(rows, r => Assert.Matches("^[0-9 -]{12,}$", (string)r.GetType().GetProperty("Card")!.GetValue(r)!));
        Assert.All(rows, r => Assert.Matches("[0-9]", (string)r.GetType().GetProperty("Mobile")!.GetValue(r)!));
    }
}
