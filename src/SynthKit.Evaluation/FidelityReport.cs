namespace SynthKit.Evaluation;

/// <summary>
/// Fidelity beyond marginals, in one embedding: numbers scaled by the real range to [0, 1] (a null at −1), categories
/// one-hot scaled by 1/√2 (two different categories are 1 apart), Euclidean distance.
/// </summary>
public sealed class FidelityReport
{
    /// <summary>α-precision (Alaa et al. 2022), summarised as ΔP = 1 − 2∫|P(α) − α|dα over 30 α steps: synthetic rows fall inside the real data's α-support as often as they should. 1 is ideal.</summary>
    public double AlphaPrecision { get; init; }

    /// <summary>β-recall, summarised likewise: the real data are covered by the synthetic data's β-support. 1 is ideal.</summary>
    public double BetaRecall { get; init; }

    /// <summary>Authenticity: the share of synthetic rows farther from their nearest real row than that row is from its own nearest real neighbour (not copies).</summary>
    public double Authenticity { get; init; }

    /// <summary>k-NN precision (Kynkäänniemi et al. 2019, k = 3): the share of synthetic rows inside the real manifold.</summary>
    public double Precision { get; init; }

    /// <summary>k-NN recall (k = 3): the share of real rows inside the synthetic manifold.</summary>
    public double Recall { get; init; }

    /// <summary>Density (Naeem et al. 2020, k = 3): how many real neighbourhoods a synthetic row falls in, on average, over k. About 1 is ideal.</summary>
    public double Density { get; init; }

    /// <summary>Coverage (k = 3): the share of real rows whose neighbourhood holds a synthetic row.</summary>
    public double Coverage { get; init; }

    /// <summary>The k of the k-NN metrics.</summary>
    public int K { get; init; } = 3;

    /// <summary>A classifier's cross-validated ROC AUC at telling real rows from synthetic ones; 0.5 is ideal (null unless computed).</summary>
    public double? DiscriminatorAuc { get; init; }
}
