using System.Linq;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class SmokeTests
{
    [Fact]
    public void Same_seed_gives_the_same_rows_and_another_seed_different_ones()
    {
        var a = new BenchPatientSynthesizer(seed: 7).Generate(50).Select(p => p.Email).ToList();
        var b = new BenchPatientSynthesizer(seed: 7).Generate(50).Select(p => p.Email).ToList();
        var c = new BenchPatientSynthesizer(seed: 8).Generate(50).Select(p => p.Email).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
