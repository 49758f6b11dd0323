using System;
using System.IO;
using System.Linq;
using Clinic;
using SynthKit;
using SynthKit.Modeling;

// 1. Make a synthesizer. The same seed gives the same rows on every machine.
var patients = new PatientSynthesizer(seed: 42);

// 2. Stream a few rows and print them as a table.
var rows = patients.Generate(8).ToList();
Console.WriteLine($"Synthetic patients (schema {PatientSynthesizer.Schema.Name}, fingerprint {PatientSynthesizer.Schema.Fingerprint[..12]}):");
Console.WriteLine();
string[] header = ["FirstName", "LastName", "Email", "BirthDate", "SystolicBP", "Sex", "Zip", "Diagnosis", "Income", "Smoker"];
string[][] cells = rows.Select(p => new[]
{
    p.FirstName, p.LastName, p.Email, p.BirthDate.ToString("yyyy-MM-dd"), p.SystolicBloodPressure.ToString(), p.Sex, p.Zip, p.Diagnosis,
    p.Income.ToString("F2"), p.Smoker ? "yes" : "no",
}).ToArray();
int[] widths = header.Select((h, i) => Math.Max(h.Length, cells.Max(r => r[i].Length))).ToArray();
Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))));
Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
foreach (var row in cells)
{
    Console.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
}

// 3. Override members without strings or reflection: in this copy every patient smokes and has a high blood pressure.
var smokers = patients.WithSmoker(true).WithSystolicBloodPressure(r => r.Int32(160, 180));
var first = smokers.Create(0);
Console.WriteLine();
Console.WriteLine($"With overrides: {first.FirstName} {first.LastName}, systolic {first.SystolicBloodPressure}, smoker: {first.Smoker}");

// 4. Write 1,000 rows as CSV (RFC 4180, UTF-8, ISO 8601 dates) and admissions as JSON Lines.
string directory = Path.Combine(AppContext.BaseDirectory, "output");
Directory.CreateDirectory(directory);
string csv = Path.Combine(directory, "patients.csv");
using (var stream = File.Create(csv))
{
    patients.WriteCsv(stream, 1_000);
}

string jsonl = Path.Combine(directory, "admissions.jsonl");
using (var stream = File.Create(jsonl))
{
    new AdmissionSynthesizer(seed: 42).WriteJsonLines(stream, 1_000);
}

Console.WriteLine();
Console.WriteLine($"Wrote {csv} ({new FileInfo(csv).Length:N0} bytes)");
Console.WriteLine($"Wrote {jsonl} ({new FileInfo(jsonl).Length:N0} bytes)");

// 5. The columnar world. The schema's column spec states every column's type, statistical kind, privacy role and rule
//    as data; a synthesizer built from that JSON alone — no C#, no compiler — writes the very same bytes.
string specPath = Path.Combine(directory, "patient.spec.json");
File.WriteAllText(specPath, PatientSynthesizer.Spec.ToJson());
var fromSpec = new SynthKit.SpecSynthesizer(SynthKit.TableSpec.Load(specPath), seed: 42);
using (var generated = new MemoryStream())
using (var specDriven = new MemoryStream())
{
    patients.WriteCsv(generated, 1_000);
    fromSpec.WriteCsv(specDriven, 1_000);
    Console.WriteLine();
    Console.WriteLine($"Wrote {specPath}; rows from the spec alone are {(generated.ToArray().AsSpan().SequenceEqual(specDriven.ToArray()) ? "byte-identical to" : "DIFFERENT from")} the generated synthesizer's.");
}

// 6. Real data into typed columns: the CSV just written, read back under the spec (Sep underneath; errors are coded and located).
var columns = SynthKit.ColumnReader.ReadCsv(csv, PatientSynthesizer.Spec);
var diagnosis = (SynthKit.CategoricalColumn)columns["Diagnosis"];
var systolic = columns.Get<int>("SystolicBloodPressure");
Console.WriteLine($"Read {columns.RowCount:N0} rows into {columns.Columns.Count} typed columns: {diagnosis.Categories.Count} diagnoses, mean systolic {systolic.Values.ToArray().Average():F1} mmHg.");

// 7. Evaluate synthetic data against a reference, as a data team would against its real table. Here seed 42's rows stand
//    in for the real data: a second, independent seed scores like real data would, and the smokers copy is caught.
//    Personal-data columns (names, e-mail) are kept out of the statistics automatically.
var options = new SynthKit.Evaluation.EvaluationOptions { Protected = ["Sex"] };
var reference = patients.ToBatch(0, 2_000);
var holdout = new PatientSynthesizer(seed: 1).ToBatch(0, 2_000);
var independent = SynthKit.Evaluation.SynthEvaluation.Evaluate(reference, new PatientSynthesizer(seed: 7).ToBatch(0, 2_000), holdout, options);
var skewed = SynthKit.Evaluation.SynthEvaluation.Evaluate(reference, smokers.ToBatch(0, 2_000), holdout, options);
var gate = SynthKit.Evaluation.ReportGate.Parse("quality>=0.9");
Console.WriteLine();
Console.WriteLine($"Evaluated against the reference: an independent seed scores quality {independent.Quality.Score:F3} (membership-inference AUC {independent.Privacy!.MembershipInference!.Auc:F3}); " +
    $"the smokers copy {skewed.Quality.Score:F3} (Smoker's shape {skewed.Quality.Columns["Smoker"].Score:F3}), so the gate '{gate.Text}' {(gate.Check(skewed).Holds ? "holds" : "fails")}.");
string reportPath = Path.Combine(directory, "report.html");
File.WriteAllText(reportPath, SynthKit.Evaluation.HtmlReport.Render(skewed, [gate.Check(skewed)]));
File.WriteAllBytes(Path.Combine(directory, "report.json"), skewed.ToJsonBytes());
Console.WriteLine($"Wrote {reportPath} (open it in a browser: plots of every column, pair trends, distances) and report.json.");

// 8. Learn from real data. Fit a model to the reference table (its personal data — names, e-mail, birth date, zip — is never
//    read), save it (aggregates only), sample from it, and evaluate the sample against the reference like any other.
var model = SynthKit.Modeling.SynthModel.Fit(reference);
string modelPath = Path.Combine(directory, "patients.model.json");
model.Save(modelPath);
var fitted = new PatientSynthesizer(seed: 7).WithModel(SynthKit.Modeling.SynthModel.Load(modelPath));
var learned = SynthKit.Evaluation.SynthEvaluation.Evaluate(reference, fitted.ToBatch(0, 2_000), holdout, options);
Console.WriteLine();
Console.WriteLine($"Fitted a {(model is SynthKit.Modeling.BayesianNetwork ? "Bayesian network" : "copula")} to {reference.RowCount:N0} rows: learned {string.Join(", ", model.Columns)}; " +
    $"not learned {string.Join(", ", model.Data.NotLearned.Select(n => $"{n.Column} ({n.Reason})"))}.");
Console.WriteLine($"Its samples score quality {learned.Quality.Score:F3}, exact copies {learned.Privacy!.ExactMatches.Share:P1}, DCR share {learned.Privacy.DcrShare:F3} (0.5 is ideal).");
string modelReport = Path.Combine(directory, "model-report.html");
File.WriteAllText(modelReport, SynthKit.Evaluation.HtmlReport.Render(learned, []));
Console.WriteLine($"Wrote {modelPath} ({new FileInfo(modelPath).Length:N0} bytes, no row in it) and {modelReport}.");

// 9. Sinks. SQLite is the embedded default: a seeded database for tests, typed STRICT tables with NOT NULL, loaded in one
//    transaction, with a synthkit_manifest row that says the rows are synthetic. Parquet carries the same rows, typed, for
//    DuckDB, Spark or pandas; both are made on every core with the same result.
string databasePath = Path.Combine(directory, "clinic.db");
File.Delete(databasePath);
var loaded = SynthKit.Databases.SqliteSink.Load(patients, databasePath, 0, 10_000);
SynthKit.Databases.SqliteSink.Load(fitted, databasePath, 0, 2_000, new SynthKit.Databases.DatabaseLoadOptions { Table = "LearnedPatients" });
using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Pooling=False"))
{
    connection.Open();
    using var query = connection.CreateCommand();
    query.CommandText = "SELECT count(*), round(avg(\"SystolicBloodPressure\"), 1), (SELECT count(*) FROM synthkit_manifest) FROM \"Patient\" WHERE \"Smoker\" = 1";
    using var reader = query.ExecuteReader();
    reader.Read();
    Console.WriteLine();
    Console.WriteLine($"Loaded {loaded.Rows:N0} patients into {databasePath} (table '{loaded.Table}') and 2,000 learned ones beside them: " +
        $"{reader.GetInt64(0):N0} smokers, mean systolic {reader.GetDouble(1)} mmHg; {reader.GetInt64(2)} manifest rows disclose the tables.");
}

string parquetPath = Path.Combine(directory, "patients.parquet");
using (var parquet = File.Create(parquetPath))
{
    patients.WriteParquet(parquet, 0, 10_000, degreeOfParallelism: 0);
}

var back = SynthKit.ParquetFiles.ReadParquet(parquetPath);
Console.WriteLine($"Wrote {parquetPath} ({new FileInfo(parquetPath).Length:N0} bytes; read back: {back.RowCount:N0} rows, {back.Columns.Count} typed columns, the spec inside).");

// 10. Differential privacy. The same fit with a proven budget (MST, ε = 1): every learned column's domain comes from the
//     schema's own attributes ([Categorical], enums, [Clamp], booleans) or is given — Income has no bound in the schema —
//     and is never read from the data; the model and every manifest say what was spent; its samples are evaluated like
//     any other's.
var income = new SynthKit.Modeling.ColumnDomain { Min = 0, Max = 250_000 };
var privateModel = SynthKit.Modeling.SynthModel.Fit(reference, new SynthKit.Modeling.ModelOptions { Privacy = new SynthKit.Modeling.DifferentialPrivacy { Epsilon = 1, Domains = new System.Collections.Generic.Dictionary<string, SynthKit.Modeling.ColumnDomain> { ["Income"] = income } } });
var privacy = privateModel.Data.Privacy!;
var privateRows = new PatientSynthesizer(seed: 7).WithModel(privateModel).ToBatch(0, 2_000);
var privateReport = SynthKit.Evaluation.SynthEvaluation.Evaluate(reference, privateRows, holdout, options);
Console.WriteLine();
Console.WriteLine($"Fitted a differentially private tree (ε = {privacy.Epsilon}, δ = {privacy.Delta}, ρ = {privacy.Rho:G4}) to the same rows: {privateModel.Columns.Count} columns from declared domains; " +
    $"its samples score quality {privateReport.Quality.Score:F3} (exact fit {learned.Quality.Score:F3}), membership-inference AUC {privateReport.Privacy!.MembershipInference!.Auc:F3}.");

// 11. Provenance. The reference rows, written as a plain file (no manifest), stand in for a real source. The model fitted
//     on them records that lineage; its sample, written with a keyed watermark, carries the chain back to the source's
//     SHA-256 in its manifest; fitting that sample again is refused, and the watermark is found in an edited copy that
//     lost its manifest. (In your own code keep the key secret: read it from a file or a secret store.)
string sourcePath = Path.Combine(directory, "reference.csv");
using (var stream = File.Create(sourcePath))
{
    patients.WriteCsv(stream, 2_000);
}

var source = SynthKit.Provenance.LineageGuard.Inspect(sourcePath, 2_000);
var traced = model.WithLineage(SynthKit.Provenance.DataLineage.OfModel([source]));
var key = new SynthKit.Provenance.WatermarkKey("clinic-sample-key-2026");
var marked = SynthKit.Provenance.Watermark.Embed(new PatientSynthesizer(seed: 7).WithModel(traced), key);
string samplePath = Path.Combine(directory, "learned-patients.csv");
SynthKit.Fixtures.FixtureFiles.Update(marked, new SynthKit.Fixtures.FixtureSpec(samplePath, 2_000, 7));
var sampleManifest = SynthKit.Fixtures.FixtureManifest.Parse(File.ReadAllBytes(samplePath + SynthKit.Fixtures.FixtureManifest.Suffix));
Console.WriteLine();
Console.WriteLine($"Wrote {samplePath} with its manifest: depth {sampleManifest.Lineage!.Depth}, real share {sampleManifest.Lineage.RealShare}, " +
    $"watermark {sampleManifest.Watermark!.Scheme} key {sampleManifest.Watermark.KeyId} in {string.Join(", ", SynthKit.Provenance.Watermark.MarkedColumns(marked))}; " +
    $"real source {sampleManifest.Lineage.RealSources()[0].Name} sha256 {sampleManifest.Lineage.RealSources()[0].Sha256[..12]}….");
try
{
    SynthKit.Provenance.LineageGuard.Check(SynthKit.Provenance.LineageGuard.Inspect(samplePath, 2_000), samplePath, new SynthKit.Provenance.SyntheticDataRule());
}
catch (SynthKitException refused)
{
    string why = refused.Message[refused.Message.IndexOf("is synthetic data", StringComparison.Ordinal)..].Split(':')[0];
    Console.WriteLine($"Fitting it again is refused: {refused.Code}, it {why}; mix in real rows and allow it by rule (synthkit mix, fit --allow-synthetic).");
}

string editedPath = Path.Combine(directory, "edited-copy.csv");
File.WriteAllLines(editedPath, File.ReadAllLines(samplePath).Where((_, i) => i == 0 || i % 3 != 0)); // a third of the rows gone, no manifest
var found = SynthKit.Provenance.Watermark.DetectFile(editedPath, key);
Console.WriteLine($"The watermark in the edited copy: {found.Green:N0} of {found.Values:N0} distinct values green, p = 1e{Math.Floor(found.Log10PValue)} → {(found.Detected ? "synthetic, made with this key" : "not found")}.");
