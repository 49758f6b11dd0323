using SynthKit;

namespace Clinic;

// The models live in Clinic.Domain, which references only SynthKit.Abstractions. Here, where SynthKit (and so its
// source generator) is referenced, one line per model asks for a synthesizer.

[Synthesizer(typeof(Patient))]
public partial class PatientSynthesizer;

[Synthesizer(typeof(Admission))]
public partial class AdmissionSynthesizer;
