#!/usr/bin/env bash
# Measures SynthKit's analyzers (and generator) on a project with 500 schema classes.
# Usage: tests/perf/analyzer-cost.sh [classes]   (from the repository root; builds the analyzers in Release first)
# Prints csc's own per-analyzer timings (-p:ReportAnalyzer=true) and the build's wall time, for docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
classes="${1:-500}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/SynthKit/SynthKit.csproj" -c Release -nodeReuse:false -v:q >/dev/null
dotnet build "$root/analyzers/SynthKit.Analyzers/SynthKit.Analyzers.csproj" -c Release -nodeReuse:false -v:q >/dev/null
lib="$root/src/SynthKit/bin/Release/net10.0"
analyzers="$root/analyzers/SynthKit.Analyzers/bin/Release/netstandard2.0/SynthKit.Analyzers.dll"
generator="$root/src/SynthKit.Generators/bin/Release/netstandard2.0/SynthKit.Generators.dll"

make_project() { # name, with-generator (true/false)
  local dir="$work/$1"
  mkdir -p "$dir"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>'
    echo '  <ItemGroup>'
    echo "    <Reference Include=\"$lib/SynthKit.Abstractions.dll\" />"
    echo "    <Analyzer Include=\"$analyzers\" Condition=\"'\$(WithSynthKitAnalyzer)' != 'false'\" />"
    if [ "$2" = true ]; then
      echo "    <Reference Include=\"$lib/SynthKit.dll\" />"
      for package in Bogus/35.6.5 MathNet.Numerics/5.0.0 Microsoft.Data.Analysis/0.23.1 Apache.Arrow/22.1.0 System.Numerics.Tensors/9.0.19; do
        echo "    <PackageReference Include=\"${package%/*}\" Version=\"${package#*/}\" />"
      done
      echo "    <Analyzer Include=\"$generator\" />"
    fi
    echo '  </ItemGroup>'
    echo '</Project>'
  } > "$dir/$1.csproj"
  for i in $(seq -w 1 "$classes"); do
    local schema=""
    [ "$2" = true ] && schema="[SyntheticSchema]"
    cat > "$dir/Schema$i.cs" <<CS
using SynthKit;

namespace Perf;

$schema
[Provenance(Source = "perf", Purpose = "analyzer cost")]
public sealed class Schema$i
{
    public Guid Id { get; set; }
    [Pii(PiiKind.FirstName)] public string FirstName { get; set; } = "";
    [Pii(PiiKind.LastName)] public string LastName { get; set; } = "";
    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
    [Pii(PiiKind.DateOfBirth), QuasiIdentifier, DateRange("1930-01-01", "2010-12-31")] public DateOnly BirthDate { get; set; }
    [QuasiIdentifier, Normal(45, 18), Clamp(0, 100)] public int Age { get; set; }
    [QuasiIdentifier, Categorical("F", "M", "X", Weights = new[] { 0.49, 0.49, 0.02 })] public string Sex { get; set; } = "";
    [QuasiIdentifier, Pattern("#####")] public string Zip { get; set; } = "";
    [Sensitive, Categorical("Asthma", "COPD", "Migraine")] public string Diagnosis { get; set; } = "";
    [Sensitive, LogNormal(10.5, 0.6)] public double Income { get; set; }
    [Sensitive, Probability(0.2)] public bool Smoker { get; set; }
    [DateRange("2023-01-01", "2025-01-01")] public DateTime AdmittedAt { get; set; }
    public string Notes { get; set; } = "";
    public int VisitCount { get; set; }
}
CS
  done
}

measure() { # name, a/b (true/false)
  local dir="$work/$1"
  dotnet restore "$dir" -v:q >/dev/null
  dotnet build "$dir" -c Release -nodeReuse:false -v:q >/dev/null   # warm the SDK and the shared framework
  local start end log wall analyzer generator
  log="$dir/build.log"
  start=$(date +%s.%N)
  dotnet build "$dir" -c Release -nodeReuse:false --no-restore --no-incremental -p:ReportAnalyzer=true -p:UseSharedCompilation=false -v:d > "$log"
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc)
  analyzer=$(grep -E "^ *[0-9.]+ +[0-9<]+ +SynthKit.Analyzers.SchemaAnalyzer" "$log" | head -1 | awk '{print $1}' || true)
  generator=$(grep -E "^ *[0-9.]+ +[0-9<]+ +SynthKit.Generators.SynthesizerGenerator" "$log" | head -1 | awk '{print $1}' || true)
  echo "== $1: $classes schema classes =="
  printf 'build wall time (no-incremental, dotnet build): %.2f s\n' "$wall"
  printf 'SchemaAnalyzer (csc -reportanalyzer): %s s = %.1f %% of the build\n' "${analyzer:-0}" "$(echo "${analyzer:-0} * 100 / $wall" | bc -l)"
  if [ -n "${generator:-}" ]; then
    printf 'SynthesizerGenerator: %s s = %.1f %% of the build\n' "$generator" "$(echo "$generator * 100 / $wall" | bc -l)"
  fi
  grep -E "Total (analyzer|generator) execution time" "$log" | sed 's/^ *//'

  [ "${2:-true}" = true ] || return 0

  # A/B: the same rebuild with and without the SynthKit analyzer, median of five each, alternating.
  local with=() without=()
  for _ in 1 2 3 4 5; do
    for variant in true false; do
      start=$(date +%s.%N)
      dotnet build "$dir" -c Release -nodeReuse:false --no-restore --no-incremental -p:UseSharedCompilation=false -p:WithSynthKitAnalyzer=$variant -v:q >/dev/null
      end=$(date +%s.%N)
      if [ "$variant" = true ]; then with+=("$(echo "$end - $start" | bc)"); else without+=("$(echo "$end - $start" | bc)"); fi
    done
  done
  local mw mo
  mw=$(printf '%s\n' "${with[@]}" | sort -n | sed -n 3p)
  mo=$(printf '%s\n' "${without[@]}" | sort -n | sed -n 3p)
  printf 'A/B median of 5 rebuilds: with SchemaAnalyzer %.2f s, without %.2f s: %.1f %% of the build\n' "$mw" "$mo" "$(echo "($mw - $mo) * 100 / $mw" | bc -l)"
}

make_project Domain false
make_project WithGenerator true
measure Domain true
measure WithGenerator false
