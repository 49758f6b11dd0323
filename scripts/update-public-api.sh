#!/usr/bin/env bash
# Records public API changes in PublicAPI.Unshipped.txt: builds, then adds every symbol RS0016 reports as undeclared
# and drops every line RS0017 reports as gone. Review the diff before committing: it is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build SynthKit.sln -nodeReuse:false -p:TreatWarningsAsErrors=false --no-incremental > "$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys, os, collections
log = open(sys.argv[1], encoding="utf-8").read()
add, drop = collections.defaultdict(set), collections.defaultdict(set)
for m in re.finditer(r"^(?P<file>/[^(]+)\(\d+,\d+\): (?:warning|error) (?P<id>RS001[67]): Symbol '(?P<sym>.+?)' is (?:not part|part) of the declared", log, re.M):
    path = m.group("file")
    project = path
    while project != "/" and not any(f.endswith(".csproj") for f in os.listdir(project if os.path.isdir(project) else os.path.dirname(project))):
        project = os.path.dirname(project)
    folder = project if os.path.isdir(project) else os.path.dirname(project)
    (add if m.group("id") == "RS0016" else drop)[folder].add(m.group("sym"))
for folder in set(add) | set(drop):
    unshipped = os.path.join(folder, "PublicAPI.Unshipped.txt")
    lines = open(unshipped, encoding="utf-8").read().splitlines()
    header, body = lines[:1], [l for l in lines[1:] if l and l not in drop[folder]]
    body = sorted(set(body) | add[folder], key=lambda l: l.lstrip("~").replace("static ", "").replace("override ", "").replace("abstract ", "").replace("virtual ", "").replace("const ", ""))
    open(unshipped, "w", encoding="utf-8", newline="\n").write("\n".join(header + body) + "\n")
    print(f"{unshipped}: +{len(add[folder])} -{len(drop[folder])}")
PY
rm -f "$log"
