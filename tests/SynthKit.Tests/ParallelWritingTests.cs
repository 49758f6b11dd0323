using System.IO;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Every core, the same bytes: parallel CSV and JSON Lines equal the single-threaded output for every kind of synthesizer.</summary>
public sealed class ParallelWritingTests
{
    private static byte[] Csv(ISynthesizer s, long start, int count, int threads)
    {
        using var stream = new MemoryStream();
        s.WriteCsv(stream, start, count, threads);
        return stream.ToArray();
    }

    private static byte[] Lines(ISynthesizer s, long start, int count, int threads)
    {
        using var stream = new MemoryStream();
        s.WriteJsonLines(stream, start, count, threads);
        return stream.ToArray();
    }

    public static TheoryData<string> Synthesizers => ["generated", "spec"];

    private static ISynthesizer Make(string kind) => kind == "generated"
        ? new BenchPatientSynthesizer(42)
        : new SpecSynthesizer(BenchPatientSynthesizer.Spec, 42);

    [Theory]
    [MemberData(nameof(Synthesizers))]
    public void Parallel_output_is_the_single_threaded_output_byte_for_byte(string kind)
    {
        var synthesizer = Make(kind);
        int rows = (ParallelWriting.BlockRows * 5) + 123; // five full blocks and a partial one: more blocks than threads

        byte[] single = Csv(synthesizer, 7, rows, 1);
        foreach (int threads in new[] { 2, 3, 0 })
        {
            Assert.Equal(single, Csv(synthesizer, 7, rows, threads));
        }

        Assert.Equal(Lines(synthesizer, 7, rows, 1), Lines(synthesizer, 7, rows, 4));
        Assert.Equal(Csv(synthesizer, 0, 10, 1), Csv(synthesizer, 0, 10, 8)); // one block: written directly
    }

    [Fact]
    public void A_cancelled_write_stops_between_blocks()
    {
        using var stream = new MemoryStream();
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<System.OperationCanceledException>(() => new BenchPatientSynthesizer(1).WriteCsv(stream, 0, ParallelWriting.BlockRows * 3, 2, cancelled.Token));
        Assert.Equal(0, stream.Length);
    }
}
