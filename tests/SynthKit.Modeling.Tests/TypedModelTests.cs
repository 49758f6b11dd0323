using System;
using System.Linq;

namespace SynthKit.Modeling.Tests
{
    /// <summary>A fitted model inside a generated synthesizer: its [Learned] members drawn jointly, the rest by their rules.</summary>
    public sealed class TypedModelTests
    {
        /// <summary>Juniors are 18–30, seniors 50–80: a dependency only a joint draw keeps.</summary>
        private static ColumnBatch Real()
        {
            var spec = Schemas.MemberSynthesizer.Spec;
            var random = new Random(4);
            var batch = new ColumnBatch(spec, 2_000) { RowCount = 2_000 };
            for (int r = 0; r < batch.RowCount; r++)
            {
                bool junior = random.NextDouble() < 0.6;
                ((CategoricalColumn)batch["Group"]).Set(r, junior ? "junior" : "senior");
                batch.Get<int>("Age")[r] = junior ? random.Next(18, 31) : random.Next(50, 81);
                batch.Get<double>("Score")[r] = random.NextDouble() * 100;
                ((StringColumn)batch["Email"]).Set(r, $"member{r}@club.example");
            }

            return batch;
        }

        private static readonly Lazy<SynthModel> s_model = new(() => SynthModel.Fit(Real()));

        [Fact]
        public void Learned_members_are_drawn_jointly_and_the_others_keep_their_rules()
        {
            var plain = new Schemas.MemberSynthesizer(3);
            var withModel = plain.WithModel(s_model.Value);

            var rows = withModel.ToBatch(0, 1_000);
            var ruled = plain.ToBatch(0, 1_000);

            Assert.Equal(["Group", "Age"], withModel.Models.Single().Columns);
            // Drawn jointly: juniors' and seniors' ages keep apart (independent draws would give both the same mean, 39).
            // Within-bin values interpolate between quantile knots, so the bin that spans the real gap (31–49) may put a
            // few rows in it: at most 2 % here.
            var juniors = Enumerable.Range(0, rows.RowCount).Where(r => ((CategoricalColumn)rows["Group"])[r] == "junior").Select(r => rows.Get<int>("Age")[r]).ToList();
            var seniors = Enumerable.Range(0, rows.RowCount).Where(r => ((CategoricalColumn)rows["Group"])[r] == "senior").Select(r => rows.Get<int>("Age")[r]).ToList();
            Assert.InRange(juniors.Average(), 22, 26);
            Assert.InRange(seniors.Average(), 62, 68);
            Assert.True(juniors.Count(a => a > 30) + seniors.Count(a => a < 50) <= 20, $"{juniors.Count(a => a > 30)} juniors over 30, {seniors.Count(a => a < 50)} seniors under 50");

            // Score is learned by the model but not [Learned] in the schema: it keeps its rule, value for value; so does the e-mail.
            Assert.Equal(ruled.Get<double>("Score").Values.ToArray(), rows.Get<double>("Score").Values.ToArray());
            Assert.Equal(Enumerable.Range(0, 1_000).Select(r => ((StringColumn)ruled["Email"])[r]), Enumerable.Range(0, 1_000).Select(r => ((StringColumn)rows["Email"])[r]));
            Assert.Equal(s_model.Value.Describe().Sha256, ((IDescribedColumnModel)withModel.Models.Single()).Describe().Sha256);
        }

        [Fact]
        public void A_model_fits_typed_rows_and_data_frames_to_the_same_bytes_as_their_columns()
        {
            var real = Real();
            string fromColumns = SynthModel.Fit(real).ToJson();

            var typed = new Schemas.MemberSynthesizer(0).Generate(5).ToList();
            Assert.Equal(SynthModel.Fit(SchemaColumns<Schemas.Member>.ToColumns(typed)).ToJson(), SynthModel.Fit(typed).ToJson());
            Assert.Equal(fromColumns, SynthModel.Fit(real.ToDataFrame(), real.Spec).ToJson());
        }

        [Fact]
        public void Constraints_on_the_schema_reach_its_spec_and_every_row_the_model_draws()
        {
            Assert.Equal(["18 <= Age <= 80", "Group ~ Age"], Schemas.MemberSynthesizer.Spec.Constraints);

            // The real rows keep juniors at 18–30 and seniors at 50–80: "Group ~ Age" allows only the (group, age) pairs
            // seen, so no row of the model's lands in the gap, which plain sampling does now and then (see above).
            var model = s_model.Value;
            Assert.Equal(["18 <= Age <= 80", "Group ~ Age"], model.Data.Constraints!.Select(c => c.Text));
            var rows = new Schemas.MemberSynthesizer(3).WithModel(model).ToBatch(0, 3_000);
            Assert.All(Enumerable.Range(0, rows.RowCount), r =>
            {
                int age = rows.Get<int>("Age")[r];
                Assert.True(((CategoricalColumn)rows["Group"])[r] == "junior" ? age is >= 18 and <= 30 : age is >= 50 and <= 80, $"row {r}");
            });

            // A spec written by hand carries them too.
            var spec = TableSpec.FromJson("""
                { "specVersion": 1, "name": "t", "columns": [ { "name": "x", "type": "float64", "kind": "numerical" } ], "constraints": [ "x >= 0.5" ] }
                """);
            var batch = new ColumnBatch(spec, 200) { RowCount = 200 };
            for (int r = 0; r < 200; r++)
            {
                batch.Get<double>("x")[r] = r / 200.0;
            }

            var fitted = SynthModel.Fit(batch);
            Assert.All(fitted.CreateSynthesizer(1).ToBatch(0, 500).Get<double>("x").Values.ToArray(), x => Assert.True(x >= 0.5));
        }

        [Fact]
        public void A_model_that_does_not_match_the_schema_is_SK6003()
        {
            var spec = Schemas.MemberSynthesizer.Spec;

            // A [Learned] member the model did not learn.
            var noAge = new TableSpec { Name = "NoAge", Columns = spec.Columns.Where(c => c.Name != "Age").ToArray() };
            var narrow = SynthModel.Fit(Real().Select(Enumerable.Range(0, 100).ToArray()) is var b ? Project(b, noAge) : null!);
            var error = Assert.Throws<SynthKitException>(() => new Schemas.MemberSynthesizer(1).WithModel(narrow));
            Assert.Equal(ModelingErrorCodes.SchemaMismatch, error.Code);
            Assert.Contains("member 'Age' of 'Member' is [Learned], but the model did not learn it", error.Message, StringComparison.Ordinal);

            // With no member marked, every model column must be in the schema.
            var unmarked = new TableSpec { Name = "Plain", Columns = spec.Columns.Where(c => c.Name != "Score").Select(Unmark).ToArray() };
            error = Assert.Throws<SynthKitException>(() => new SpecSynthesizer(unmarked, 1).WithModel(s_model.Value));
            Assert.Contains("the model learned 'Score', which 'Plain' does not have", error.Message, StringComparison.Ordinal);

            // A member whose type cannot hold what the model learned.
            var wrongType = new TableSpec { Name = "Wrong", Columns = spec.Columns.Select(c => c.Name == "Age" ? new ColumnSpec { Name = "Age", Type = StorageType.Guid, Kind = StatisticalKind.Identifier, Learned = true } : c).ToArray() };
            error = Assert.Throws<SynthKitException>(() => new SpecSynthesizer(wrongType, 1).WithModel(s_model.Value));
            Assert.Contains("member 'Age' of 'Wrong' is Guid, which cannot hold the numbers", error.Message, StringComparison.Ordinal);
        }

        private static ColumnSpec Unmark(ColumnSpec c) => new() { Name = c.Name, Type = c.Type, Kind = c.Kind, Nullable = c.Nullable, Privacy = c.Privacy, Rule = c.Rule, Modifiers = c.Modifiers, Categories = c.Categories };

        /// <summary>The batch's columns that <paramref name="spec"/> has, as a batch of <paramref name="spec"/>.</summary>
        private static ColumnBatch Project(ColumnBatch batch, TableSpec spec)
        {
            var result = new ColumnBatch(spec, batch.RowCount) { RowCount = batch.RowCount };
            for (int r = 0; r < batch.RowCount; r++)
            {
                ((CategoricalColumn)result["Group"]).Set(r, ((CategoricalColumn)batch["Group"])[r]);
                result.Get<double>("Score")[r] = batch.Get<double>("Score")[r];
            }

            return result;
        }
    }
}

namespace SynthKit.Modeling.Tests.Schemas
{
    [SyntheticSchema]
    [Provenance(Source = "modeling tests", Purpose = "a schema with learned members", Owner = "SynthKit")]
    [Constraint("18 <= Age <= 80")]
    [Constraint("Group ~ Age")]
    public sealed class Member
    {
        [Learned, Categorical("junior", "senior")] public string Group { get; set; } = "";

        [Learned, Uniform(18, 80)] public int Age { get; set; }

        [Uniform(0, 100)] public double Score { get; set; }

        [Pii(PiiKind.Email)] public string Email { get; set; } = "";
    }
}
