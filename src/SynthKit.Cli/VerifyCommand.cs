using System.CommandLine;
using System.IO;
using SynthKit.Fixtures;

namespace SynthKit.Cli;

/// <summary><c>synthkit verify</c>: checks fixtures against their manifests, and against the assembly when given.</summary>
internal static class VerifyCommand
{
    public static Command Create(Reporter console)
    {
        var (assembly, references) = Cli.AssemblyOptions(required: false);
        var fixtures = new Argument<FileInfo[]>("fixture") { Description = "The fixtures to check (their manifests are found beside them), or directories of shards (checked against dataset.synth.json).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("verify", "Check fixtures: each must match its manifest's SHA-256 and, with --assembly, what its schema generates now (fingerprint, settings, bytes). Exit code 0 only when every fixture holds.")
        {
            fixtures, assembly, references,
        };
        command.SetAction(parse =>
        {
            SchemaAssembly? loaded = parse.GetValue(assembly) is { } file ? SchemaAssembly.Load(file.FullName, parse.GetValue(references) ?? []) : null;
            int failures = 0;
            bool inputError = false;
            foreach (var fixture in parse.GetValue(fixtures)!)
            {
                try
                {
                    if (Directory.Exists(fixture.FullName) && File.Exists(Path.Combine(fixture.FullName, ShardLayout.ManifestName)))
                    {
                        int parts = Datasets.Verify(fixture.FullName);
                        console.Line($"{fixture.FullName}: OK ({parts:N0} parts match {ShardLayout.ManifestName})");
                        continue;
                    }

                    ISynthesizer? synthesizer = null;
                    if (loaded is not null)
                    {
                        var manifestPath = FixtureManifest.PathFor(fixture.FullName);
                        var manifest = File.Exists(manifestPath) ? FixtureManifest.Parse(File.ReadAllBytes(manifestPath), manifestPath) : null;
                        synthesizer = manifest is null ? null : loaded.Find(manifest.SchemaType, manifestPath, 1, 1).Create(manifest.Seed);
                        if (synthesizer is not null && manifest!.Disclosure is { } disclosure)
                        {
                            synthesizer = Provenance.Disclosure.Disclose(synthesizer, disclosure == "column" ? Provenance.DisclosureKind.Column : Provenance.DisclosureKind.Comment);
                        }
                    }

                    var outcome = FixtureFiles.Verify(fixture.FullName, synthesizer);
                    console.Line($"{fixture.FullName}: OK ({outcome.Bytes:N0} bytes{(synthesizer is null ? ", content hash only" : ", matches its schema")})");
                }
                catch (SynthKitException ex)
                {
                    console.Error(ex);
                    failures++;
                    inputError |= Cli.ExitCodeOf(ex) != Cli.FixtureProblem;
                }
            }

            // Every fixture is checked, as the docs say; an unusable input outranks a stale fixture in the exit code.
            return inputError ? Cli.InputError : failures == 0 ? Cli.Ok : Cli.FixtureProblem;
        });
        return command;
    }
}
