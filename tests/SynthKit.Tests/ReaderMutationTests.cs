using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>
/// Mutation testing of the readers, permanently in CI: valid files SynthKit wrote are mutated (bytes flipped, inserted,
/// deleted, duplicated; quotes, separators and line breaks injected) a few thousand times from a fixed seed, and every
/// reader must either read rows or throw a coded <see cref="SynthKitException"/> — nothing else, ever. (CsCheck restores
/// here, but seeds only its first iteration; these inputs must be the same on every run.) For the longer fuzz run
/// (docs/reliability.md), <c>SYNTHKIT_MUTANTS</c> raises the count and <c>SYNTHKIT_MUTATION_SEED</c> shifts every seed;
/// CI uses neither.
/// </summary>
public class ReaderMutationTests
{
    private static readonly int Mutants = int.TryParse(Environment.GetEnvironmentVariable("SYNTHKIT_MUTANTS"), out int n) && n > 0 ? n : 1_500;

    private static readonly int SeedShift = int.TryParse(Environment.GetEnvironmentVariable("SYNTHKIT_MUTATION_SEED"), out int shift) ? shift : 0;

    private static readonly byte[] Specials = Encoding.UTF8.GetBytes("\",\n\r{}[]:\\0-e.Z+T ");

    private static byte[] Valid(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static IEnumerable<byte[]> Mutate(byte[] valid, int seed)
    {
        var random = new Random(seed + SeedShift);
        for (int i = 0; i < Mutants; i++)
        {
            var bytes = new List<byte>(valid);
            int edits = 1 + random.Next(8);
            for (int e = 0; e < edits && bytes.Count > 0; e++)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(6))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.Insert(at, Specials[random.Next(Specials.Length)]); break;
                    case 2: bytes.RemoveAt(at); break;
                    case 3: bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 40)).ToList()); break;
                    case 4: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 60))); break;
                    default: bytes[at] = Specials[random.Next(Specials.Length)]; break;
                }
            }

            yield return bytes.ToArray();
        }
    }

    private static void OnlyCodedErrors(byte[] input, Action<Stream> read)
    {
        try
        {
            read(new MemoryStream(input));
        }
        catch (SynthKitException e)
        {
            Assert.Matches("^SK[0-9]{4}$", e.Code);
        }
        catch (Exception e)
        {
            Assert.Fail($"{e.GetType().Name}: {e.Message}\ninput: {Encoding.UTF8.GetString(input)[..Math.Min(400, input.Length)]}");
        }
    }

    [Fact]
    public void Mutated_csv_gives_rows_or_a_coded_error_to_the_typed_reader()
    {
        byte[] valid = Valid(s => new AllTypesSynthesizer(1).WriteCsv(s, 12));
        foreach (var input in Mutate(valid, 101))
        {
            OnlyCodedErrors(input, s => AllTypesSynthesizer.ReadCsv(s).ToList());
        }
    }

    [Fact]
    public void Mutated_json_lines_give_rows_or_a_coded_error()
    {
        byte[] valid = Valid(s => new HouseholdSynthesizer(1).WriteJsonLines(s, 8));
        foreach (var input in Mutate(valid, 202))
        {
            OnlyCodedErrors(input, s => HouseholdSynthesizer.ReadJsonLines(s).ToList());
        }

        byte[] all = Valid(s => new AllTypesSynthesizer(2).WriteJsonLines(s, 6));
        foreach (var input in Mutate(all, 203))
        {
            OnlyCodedErrors(input, s => AllTypesSynthesizer.ReadJsonLines(s).ToList());
        }
    }

    [Fact]
    public void Mutated_csv_gives_columns_or_a_coded_error_to_the_column_reader()
    {
        byte[] valid = Valid(s => new AllTypesSynthesizer(3).WriteCsv(s, 12));
        foreach (var input in Mutate(valid, 303))
        {
            OnlyCodedErrors(input, s => ColumnReader.ReadCsv(s, AllTypesSynthesizer.Spec));
        }
    }

    [Fact]
    public void Mutated_specs_and_sdv_metadata_give_a_spec_or_a_coded_error()
    {
        byte[] spec = Encoding.UTF8.GetBytes(DistributionsSynthesizer.Spec.ToJson());
        foreach (var input in Mutate(spec, 404).Take(Mutants * 8 / 15))
        {
            OnlyCodedErrors(input, s => new SpecSynthesizer(TableSpec.FromUtf8Json(((MemoryStream)s).ToArray()), 1).ToBatch(0, 3));
        }

        byte[] sdv = File.ReadAllBytes(Path.Combine(ColumnReaderTests.Datasets, "adult.meta.json"));
        foreach (var input in Mutate(sdv, 405).Take(Mutants * 8 / 15))
        {
            OnlyCodedErrors(input, s => SdvMetadata.Read(((MemoryStream)s).ToArray(), "adult"));
        }
    }
}
