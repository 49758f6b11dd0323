#!/usr/bin/env bash
# Measures what SynthKit.Build adds to a no-op build of a project with ten fixtures.
# Usage: tests/perf/fixture-overhead.sh [runs]   (from anywhere; packs the packages in Release first)
# Prints, over interleaved runs of 'dotnet build --no-restore -nodeReuse:false':
#   - the SynthKit targets' own time from MSBuild's performance summary (EnableSynthFixtures=true),
#   - the wall-clock median with EnableSynthFixtures=true and =false (the difference is within noise unless large),
#   - for comparison, the host's time when it does run (the assembly changed): Update and Verify of all ten fixtures.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
unset CI ContinuousIntegrationBuild SynthFixtureMode || true

for project in SynthKit.Abstractions SynthKit SynthKit.Build; do
  dotnet pack "$root/src/$project/$project.csproj" -c Release -o "$work/feed" -nodeReuse:false -v:q >/dev/null
done
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><add key="local" value="$work/feed" /></packageSources>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <fallbackPackageFolders><add key="machine" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" /></fallbackPackageFolders>
</configuration>
XML
mkdir -p "$work/App"
{
  echo '<Project Sdk="Microsoft.NET.Sdk">'
  echo '  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>'
  echo '  <ItemGroup><PackageReference Include="SynthKit" Version="0.1.0" /><PackageReference Include="SynthKit.Build" Version="0.1.0" /></ItemGroup>'
  echo '  <ItemGroup>'
  for i in 1 2 3 4 5; do
    echo "    <SynthFixture Include=\"fixtures/customers$i.csv\" Schema=\"App.Customer\" Rows=\"1000\" Seed=\"$i\" />"
    echo "    <SynthFixture Include=\"fixtures/orders$i.jsonl\" Schema=\"App.Order\" Rows=\"1000\" Seed=\"$i\" />"
  done
  echo '  </ItemGroup>'
  echo '</Project>'
} > "$work/App/App.csproj"
cat > "$work/App/Schemas.cs" <<'CS'
using SynthKit;
[assembly: Provenance(Source = "perf script", Purpose = "no-op build overhead", Owner = "SynthKit")]
namespace App;
[SyntheticSchema] public class Customer
{
    [Pii(PiiKind.FirstName)] public string FirstName { get; set; } = "";
    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
    [Normal(40, 10), Clamp(18, 90)] public int Age { get; set; }
}
[SyntheticSchema] public class Order
{
    [Pattern("ORD-#####")] public string Number { get; set; } = "";
    [Uniform(1, 500)] public decimal Amount { get; set; }
}
CS
cd "$work/App"
dotnet build -nodeReuse:false -v:q >/dev/null   # restore, compile, write the ten fixtures
ls fixtures/*.synth.json | wc -l | xargs echo "fixtures written:"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
now_ms() { date +%s%3N; }
on=(); off=(); targets=()
# Blocks, not interleaved: a build with EnableSynthFixtures=false does not list the fixture files in obj/ as its
# outputs, so MSBuild's IncrementalClean removes them and the next build with fixtures on has real work to do.
for run in $(seq 1 "$runs"); do
  start=$(now_ms); dotnet build --no-restore -nodeReuse:false -clp:PerformanceSummary -v:m > "$work/on.log"; on+=($(( $(now_ms) - start )))
  # Target times in the performance summary: "      12 ms  _SynthKitRunFixtures   1 calls".
  targets+=($(awk '/Target Performance Summary/ { s = 1 } s && /ms +(_SynthKitPrepareFixtures|_SynthKitRunFixtures|SynthKitFixtures|BeforeSynthFixtures|AfterSynthFixtures) / { t += $1 } END { print t + 0 }' "$work/on.log"))
done
grep -E "ms +(_SynthKit[A-Za-z]*|SynthKitFixtures|BeforeSynthFixtures|AfterSynthFixtures) " "$work/on.log" | sed 's/^/  last run: /'
# When the assembly changes, the host runs: time it on its own for Update (nothing to write) and Verify.
host="$work/packages/synthkit.build/0.1.0/tools/host/SynthKit.Cli.dll"
spec=$(ls obj/Debug/net10.0/synthkit.fixtures.tsv)
for mode in update verify; do
  times=()
  for run in 1 2 3 4 5; do
    start=$(now_ms); dotnet "$host" fixtures --assembly bin/Debug/net10.0/App.dll --spec "$spec" --mode $mode >/dev/null; times+=($(( $(now_ms) - start )))
  done
  echo "host, $mode of ten fixtures (1,000 rows each): median $(printf '%s\n' "${times[@]}" | median) ms (runs: ${times[*]})"
done

for run in $(seq 1 "$runs"); do
  start=$(now_ms); dotnet build --no-restore -nodeReuse:false -p:EnableSynthFixtures=false -v:q >/dev/null; off+=($(( $(now_ms) - start )))
done
echo "no-op build, EnableSynthFixtures=true : median $(printf '%s\n' "${on[@]}" | median) ms wall clock (runs: ${on[*]})"
echo "no-op build, EnableSynthFixtures=false: median $(printf '%s\n' "${off[@]}" | median) ms wall clock (runs: ${off[*]})"
echo "SynthKit targets in the no-op build   : median $(printf '%s\n' "${targets[@]}" | median) ms (runs: ${targets[*]})"
