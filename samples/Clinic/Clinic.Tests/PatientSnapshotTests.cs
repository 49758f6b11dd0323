using Snapshooter.Xunit;
using SynthKit.Testing;

namespace Clinic.Tests;

/// <summary>
/// Snapshot-tested synthetic data: the first rows of each schema are pinned in __snapshots__. A change to a generation
/// rule (or to SynthKit's value generators) changes these rows and fails the test with a diff; if the change is
/// intended, delete the .snap file (or move the one Snapshooter writes to __mismatch__) and commit the new one.
/// </summary>
public class PatientSnapshotTests
{
    [Fact]
    public void The_first_ten_patients_are_pinned() =>
        Snapshot.Match(new PatientSynthesizer(seed: 42).SnapshotTable(10));

    [Fact]
    public void The_first_five_admissions_are_pinned() =>
        Snapshot.Match(new AdmissionSynthesizer(seed: 42).SnapshotJsonLines(5));
}
