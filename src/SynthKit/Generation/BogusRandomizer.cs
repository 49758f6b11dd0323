using System;
using Bogus;
using Bogus.DataSets;

namespace SynthKit.Generation;

/// <summary>
/// Lets Bogus data sets draw from a <see cref="SynthRandom"/>: the intricate formats (IBAN registries, card
/// schemes, currencies) stay Bogus's, while every draw comes from SynthKit's per-cell stream.
/// </summary>
internal sealed class BogusRandomizer : Randomizer
{
    public BogusRandomizer(Random source)
        : base(0)
    {
        localSeed = source;
    }
}

/// <summary>The Bogus data sets one <see cref="SynthRandom"/> drives, created on first use.</summary>
internal sealed class BogusDataSets
{
    public BogusDataSets(SynthRandom random)
    {
        var randomizer = new BogusRandomizer(random);
        Finance = new Finance { Random = randomizer };
    }

    public Finance Finance { get; }
}
