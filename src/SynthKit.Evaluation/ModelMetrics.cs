using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace SynthKit.Evaluation;

/// <summary>
/// The metrics that train models, with ML.NET's FastTree (50 trees of 20 leaves, one thread, a fixed seed — so the
/// same inputs give the same figures): the discriminator AUC and train-synthetic-test-real utility. Features are the
/// evaluated columns: numbers as they are (a null as 0 with a null flag), categories as their codes.
/// </summary>
internal static class ModelMetrics
{
    private const int Trees = 50;
    private const int Leaves = 20;
    private const int Folds = 5;

    public const string LearnerName = "ML.NET FastTree (50 trees, 20 leaves, 1 thread, seed 0)";

    /// <summary>The fewest rows a table needs for the discriminator's five folds to each hold both kinds of row.</summary>
    public const int MinimumRows = 50;

    /// <summary>A classifier's 5-fold cross-validated ROC AUC at telling real rows (label true) from synthetic ones; null below <see cref="MinimumRows"/>.</summary>
    public static double? DiscriminatorAuc(EvalContext context)
    {
        if (Math.Min(context.Real.RowCount, context.Synthetic.RowCount) < MinimumRows)
        {
            return null;
        }

        var features = new Features(context, exclude: -1);
        var rows = features.Rows(context.Real, (_, _) => new Example { Label = true })
            .Concat(features.Rows(context.Synthetic, (_, _) => new Example { Label = false }))
            .ToList();
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(rows, features.Schema());
        var results = ml.BinaryClassification.CrossValidate(data, Binary(ml), numberOfFolds: Folds, labelColumnName: "Label", seed: 0);
        return results.Average(r => r.Metrics.AreaUnderRocCurve);
    }

    public static UtilityReport? Utility(EvalContext context, string target, string? positiveClass, IReadOnlyList<string> protectedColumns)
    {
        int t = context.Real.Columns.ToList().FindIndex(c => c.Name == target);
        if (t < 0)
        {
            throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"the target '{target}' is not a column of the table");
        }

        var column = context.Real.Columns[t];
        if (column.Kind == EvalKind.Excluded)
        {
            throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"the target '{target}' is kept out of statistics ({(context.Spec.Columns[t].IsPersonalData ? "personal data" : "an identifier or text")})");
        }

        // Test rows: the holdout, or every 5th real row (which TRTR then does not train on).
        var trainReal = Enumerable.Range(0, context.Real.RowCount).Where(r => context.Holdout is not null || r % 5 != 0).ToArray();
        var testTable = context.Holdout ?? context.Real;
        var test = Enumerable.Range(0, testTable.RowCount).Where(r => context.Holdout is not null || r % 5 == 0).ToArray();
        var synthetic = Enumerable.Range(0, context.Synthetic.RowCount).ToArray();
        var features = new Features(context, exclude: t);
        var ml = new MLContext(seed: 0);
        UtilityReport Report(string task, string learner, Func<EvalTable, int[], TaskScores> score) => new()
        {
            Target = target,
            Task = task,
            TestSet = context.Holdout is null ? "every 5th real row" : "holdout",
            Learner = learner,
            Trtr = score(context.Real, trainReal),
            Tstr = score(context.Synthetic, synthetic),
        };

        if (column.IsDiscrete)
        {
            var labels = context.Categories[t].Labels;
            var present = column.Codes!.Where(c => c >= 0).Distinct().Order().ToArray();
            if (present.Length == 2)
            {
                int positive = positiveClass is not null ? labels.ToList().IndexOf(positiveClass) : present.OrderBy(p => column.Codes!.Count(c => c == p)).ThenBy(p => p).First();
                if (positive < 0)
                {
                    throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"the target '{target}' has no value '{positiveClass}'");
                }

                Example Label(EvalTable table, int row) => new() { Label = table.Columns[t].Codes![row] == positive };
                var groups = protectedColumns.Where(p => p != target).Select(p => context.Real.Columns.ToList().FindIndex(c => c.Name == p)).Where(i => i >= 0).ToArray();
                TaskScores Score(EvalTable trainTable, int[] trainRows)
                {
                    RequireBothClasses(trainTable, trainRows, t, positive, target);
                    var model = Binary(ml).Fit(ml.Data.LoadFromEnumerable(features.Rows(trainTable, trainRows, Label), features.Schema()));
                    var scored = model.Transform(ml.Data.LoadFromEnumerable(features.Rows(testTable, test, Label), features.Schema()));
                    var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
                    var probability = scored.GetColumn<float>("Probability").ToArray();
                    var truth = test.Select(r => testTable.Columns[t].Codes![r] == positive).ToArray();
                    return new TaskScores
                    {
                        Accuracy = Accuracy(truth, predicted),
                        MacroF1 = (F1(truth, predicted, true) + F1(truth, predicted, false)) / 2,
                        RocAuc = PrivacyMetrics.Attack(Select(probability, truth, true).Select(p => -(double)p).ToArray(), Select(probability, truth, false).Select(p => -(double)p).ToArray()).Auc,
                        Fairness = groups.Length == 0 ? null : groups.ToDictionary(g => context.Real.Columns[g].Name, g => Fairness(context, testTable, test, g, truth, predicted), StringComparer.Ordinal),
                    };
                }

                return Report("classification", LearnerName, Score);
            }

            // More than two classes: one binary FastTree per class (that class against the rest); the class whose
            // calibrated probability is highest wins, ties to the lower code.
            TaskScores Multi(EvalTable trainTable, int[] trainRows)
            {
                var truth = test.Select(r => testTable.Columns[t].Codes![r]).ToArray();
                var best = new double[test.Length];
                var predicted = new int[test.Length];
                Array.Fill(best, double.NegativeInfinity);
                Array.Fill(predicted, -1);
                foreach (int k in trainRows.Select(r => trainTable.Columns[t].Codes![r]).Where(c => c >= 0).Distinct().Order())
                {
                    Example IsK(EvalTable table, int row) => new() { Label = table.Columns[t].Codes![row] == k };
                    int positives = trainRows.Count(r => trainTable.Columns[t].Codes![r] == k);
                    if (positives == trainRows.Length)
                    {
                        Array.Fill(predicted, k);
                        break;
                    }

                    var model = Binary(ml).Fit(ml.Data.LoadFromEnumerable(features.Rows(trainTable, trainRows, IsK), features.Schema()));
                    var probability = model.Transform(ml.Data.LoadFromEnumerable(features.Rows(testTable, test, IsK), features.Schema())).GetColumn<float>("Probability").ToArray();
                    for (int i = 0; i < test.Length; i++)
                    {
                        if (probability[i] > best[i])
                        {
                            best[i] = probability[i];
                            predicted[i] = k;
                        }
                    }
                }

                var classes = truth.Distinct().Order().ToArray();
                return new TaskScores
                {
                    Accuracy = truth.Zip(predicted, (a, b) => a == b ? 1.0 : 0).Average(),
                    MacroF1 = classes.Average(k => F1(truth.Select(v => v == k).ToArray(), predicted.Select(v => v == k).ToArray(), true)),
                };
            }

            return Report("classification", LearnerName + ", one-versus-all (a binary model per class, highest calibrated probability wins)", Multi);
        }

        // A numeric target: FastTree regression.
        Example Value(EvalTable table, int row) => new() { Value = (float)table.Columns[t].Values![row] };
        var labelled = (int[] rows, EvalTable table) => rows.Where(r => !double.IsNaN(table.Columns[t].Values![r])).ToArray();
        var testRows = labelled(test, testTable);
        TaskScores Regress(EvalTable trainTable, int[] trainRows)
        {
            var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options { NumberOfTrees = Trees, NumberOfLeaves = Leaves, NumberOfThreads = 1, LabelColumnName = "Value", FeatureColumnName = "Features" });
            var model = trainer.Fit(ml.Data.LoadFromEnumerable(features.Rows(trainTable, labelled(trainRows, trainTable), Value), features.Schema()));
            var predicted = model.Transform(ml.Data.LoadFromEnumerable(features.Rows(testTable, testRows, Value), features.Schema())).GetColumn<float>("Score").ToArray();
            var truth = testRows.Select(r => testTable.Columns[t].Values![r]).ToArray();
            double mean = truth.Average();
            double residual = truth.Zip(predicted, (y, p) => (y - p) * (y - p)).Sum(), total = truth.Sum(y => (y - mean) * (y - mean));
            return new TaskScores
            {
                R2 = total == 0 ? null : 1 - (residual / total),
                Mae = truth.Zip(predicted, (y, p) => Math.Abs(y - p)).Average(),
            };
        }

        return Report("regression", LearnerName, Regress);
    }

    private static void RequireBothClasses(EvalTable table, int[] rows, int column, int positive, string target)
    {
        int positives = rows.Count(r => table.Columns[column].Codes![r] == positive);
        if (positives == 0 || positives == rows.Length)
        {
            throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"a model of '{target}' cannot be trained: its training rows have only one class");
        }
    }

    private static GroupFairness Fairness(EvalContext context, EvalTable table, int[] rows, int column, bool[] truth, bool[] predicted)
    {
        var (codes, _, labels) = DiversityMetrics.Groups(context, table, column);
        var accuracy = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var tpr = new List<double>();
        var fpr = new List<double>();
        foreach (var group in rows.Select((r, i) => (Group: codes[r], i)).GroupBy(x => x.Group).OrderBy(g => g.Key))
        {
            var idx = group.Select(x => x.i).ToArray();
            accuracy[labels[group.Key]] = idx.Average(i => truth[i] == predicted[i] ? 1.0 : 0);
            var positives = idx.Where(i => truth[i]).ToArray();
            var negatives = idx.Where(i => !truth[i]).ToArray();
            if (positives.Length > 0)
            {
                tpr.Add(positives.Average(i => predicted[i] ? 1.0 : 0));
            }

            if (negatives.Length > 0)
            {
                fpr.Add(negatives.Average(i => predicted[i] ? 1.0 : 0));
            }
        }

        return new GroupFairness
        {
            Accuracy = accuracy,
            TprGap = tpr.Count == 0 ? 0 : tpr.Max() - tpr.Min(),
            FprGap = fpr.Count == 0 ? 0 : fpr.Max() - fpr.Min(),
        };
    }

    private static double Accuracy(bool[] truth, bool[] predicted) => truth.Zip(predicted, (a, b) => a == b ? 1.0 : 0).Average();

    private static double F1(bool[] truth, bool[] predicted, bool positive)
    {
        double tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            bool t = truth[i] == positive, p = predicted[i] == positive;
            tp += t && p ? 1 : 0;
            fp += !t && p ? 1 : 0;
            fn += t && !p ? 1 : 0;
        }

        return tp == 0 ? 0 : 2 * tp / ((2 * tp) + fp + fn);
    }

    private static IEnumerable<float> Select(float[] scores, bool[] truth, bool value) => scores.Where((_, i) => truth[i] == value);

    private static FastTreeBinaryTrainer Binary(MLContext ml) => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
    {
        NumberOfTrees = Trees,
        NumberOfLeaves = Leaves,
        NumberOfThreads = 1,
        LabelColumnName = "Label",
        FeatureColumnName = "Features",
    });

    /// <summary>One training or test row.</summary>
    internal sealed class Example
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Value { get; set; }
    }

    /// <summary>The feature vector of a row: evaluated columns but the target.</summary>
    private sealed class Features
    {
        private readonly int[] _columns;
        private readonly bool[] _nullFlag;

        public Features(EvalContext context, int exclude)
        {
            var real = context.Real;
            _columns = context.Evaluated.Where(c => c != exclude).ToArray();
            _nullFlag = _columns.Select(c => real.Columns[c].Values is not null).ToArray();
            Width = _columns.Length + _nullFlag.Count(f => f);
        }

        public int Width { get; }

        public SchemaDefinition Schema()
        {
            var schema = SchemaDefinition.Create(typeof(Example));
            schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width);
            return schema;
        }

        public IEnumerable<Example> Rows(EvalTable table, Func<EvalTable, int, Example> label) => Rows(table, Enumerable.Range(0, table.RowCount).ToArray(), label);

        public IEnumerable<Example> Rows(EvalTable table, int[] rows, Func<EvalTable, int, Example> label)
        {
            foreach (int r in rows)
            {
                var example = label(table, r);
                var f = new float[Width];
                int k = 0;
                for (int i = 0; i < _columns.Length; i++)
                {
                    var column = table.Columns[_columns[i]];
                    if (column.Values is { } values)
                    {
                        bool missing = double.IsNaN(values[r]);
                        f[k++] = missing ? 0 : (float)values[r];
                        f[k++] = missing ? 1 : 0;
                    }
                    else
                    {
                        f[k++] = column.Codes![r];
                    }
                }

                example.Features = f;
                yield return example;
            }
        }
    }
}
