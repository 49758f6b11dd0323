using System;
using System.IO;
using System.Linq;
using Clinic;

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
