#!/usr/bin/env bash
# What a generated client costs its users at build time, ours against Kiota's, side by side in one
# run on one machine (issue 11). For each OpenAPI document:
#   - Kiota 1.38.0, installed as a local tool: `kiota generate -l CSharp --exclude-backward-compatible`
#     (timed), the lines it wrote, and the build of its output in a net10.0 library that references
#     the Kiota 2.1.6 runtime packages;
#   - ours: Sei.Client and Sei.Generators packed from this working tree into a scratch feed, and a
#     net10.0 library with only the Sei.Generators package and the document as AdditionalFiles:
#     its build (which runs the generator), the generator's own time inside csc, the lines it emits;
#   - an empty net10.0 library, the floor every build pays.
# Every build is `dotnet clean` then `dotnet build --no-restore -p:UseSharedCompilation=false`, each
# repeated --runs times (the median is reported), interleaved per document so load hits all alike.
# docs/performance.md says what each figure means and how to read the table.
#
#   benchmarks/build-cost.sh                      # the four documents of issue 11, 3 runs each
#   benchmarks/build-cost.sh --corpus --runs 1    # every document in tests/corpus, with median ratios
#   benchmarks/build-cost.sh --sei-only tests/corpus/stripe__spec3.json.gz   # ours only, quick
#   benchmarks/build-cost.sh --sei-metadata 'SeiInclude=/v1/charges*' doc.yaml
#
# Needs only the .NET 10 SDK and the configured NuGet registry (for Kiota and its packages). The
# table goes to stdout and artifacts/build-cost.md, every measurement to artifacts/build-cost.tsv.
set -euo pipefail
# The whole script is one block, read before any of it runs: editing the file while it runs (the
# point of --sei-only iterations) cannot change what the running copy does.
{
# Bash 5.2 reads "&" in a ${var//pattern/replacement} as the matched text; here it is a plain "&".
shopt -u patsub_replacement 2> /dev/null || true

readonly kiota_version="1.38.0"
readonly kiota_runtime_version="2.1.6"
readonly default_documents=(
  tests/corpus/stripe__spec3.json.gz
  tests/corpus/github__ghes-3.6.json.gz
  tests/corpus/openai__openapi.yaml.gz
  tests/corpus/slack__web_openapi_v2.json.gz
)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly root
readonly helpers="$root/benchmarks/build-cost"

usage() {
  cat <<'EOF'
usage: benchmarks/build-cost.sh [options] [document...]

Documents are paths to OpenAPI documents (.json, .yaml, .yml; .gz ones are decompressed first).
Default: the four documents of issue 11 (Stripe, GitHub GHES 3.6, OpenAI, Slack's Swagger 2.0).

  --corpus              every document in tests/corpus, and the median of each ratio over them
  --runs N              builds per document and tool, the median is reported (default 3)
  --sei-only            skip Kiota: ours and the empty library only (quick iteration)
  --sei-metadata N=V    metadata on our consumer's AdditionalFiles item (repeatable), as
                        <AdditionalFiles Include="doc"><N>V</N></AdditionalFiles>
  --sei-property N=V    an MSBuild property in our consumer's project (repeatable)
  --output FILE         where the Markdown goes besides stdout (default artifacts/build-cost.md)
  --keep                keep the scratch folder of this run (artifacts/build-cost/run.PID)
  --clean               delete artifacts/build-cost (Kiota and its packages, cached between runs) first
  -h, --help            this text
EOF
}

die() {
  printf 'build-cost: %s\n' "$*" >&2
  exit 1
}

say() {
  printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

runs=3
use_corpus=false
sei_only=false
keep=false
clean_cache=false
output="$root/artifacts/build-cost.md"
sei_metadata=()
sei_properties=()
documents=()
while (($# > 0)); do
  case "$1" in
    --corpus) use_corpus=true ;;
    --runs)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive whole number"
      runs="$2"
      shift
      ;;
    --sei-only) sei_only=true ;;
    --sei-metadata | --sei-property)
      [[ $# -ge 2 && "$2" =~ ^[A-Za-z_][A-Za-z0-9_.-]*=.*$ ]] || die "$1 needs NAME=VALUE, got '${2:-}'"
      if [[ "$1" == --sei-metadata ]]; then sei_metadata+=("$2"); else sei_properties+=("$2"); fi
      shift
      ;;
    --output)
      [[ $# -ge 2 ]] || die "--output needs a file"
      output="$(realpath -m "$2")"
      shift
      ;;
    --keep) keep=true ;;
    --clean) clean_cache=true ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) documents+=("$(realpath -m "$1")") ;;
  esac
  shift
done

if [[ "$use_corpus" == true ]]; then
  for file in "$root"/tests/corpus/*.gz; do
    documents+=("$file")
  done
elif ((${#documents[@]} == 0)); then
  for file in "${default_documents[@]}"; do
    documents+=("$root/$file")
  done
fi
for file in "${documents[@]}"; do
  [[ -f "$file" ]] || die "no document at $file"
  case "$file" in
    *.json | *.yaml | *.yml | *.json.gz | *.yaml.gz | *.yml.gz) ;;
    *) die "$file: a document must be .json, .yaml or .yml (optionally .gz)" ;;
  esac
done

# The scratch root stops MSBuild's upward search (stub Directory.Build.*), so no consumer sees the
# repository's settings: each builds as a user's project would. tools/ (Kiota, its packages, the
# DocumentFacts helper) is kept between runs; run.PID/ (feed, our packages, consumers) is not.
readonly scratch="$root/artifacts/build-cost"
readonly tools="$scratch/tools"
readonly work="$scratch/run.$$"
readonly failed_logs="$root/artifacts/build-cost-failed"

cleanup() {
  if [[ "$keep" == true ]]; then
    say "kept $work"
  else
    rm -rf "$work"
  fi
}

if [[ "$clean_cache" == true ]]; then
  rm -rf "$scratch"
fi
mkdir -p "$scratch" "$work" "$(dirname "$output")"
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$failed_logs"

echo '<Project />' > "$scratch/Directory.Build.props"
echo '<Project />' > "$scratch/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$scratch/Directory.Packages.props"

# No build servers or reused nodes: every build starts cold, as in CI, and nothing outlives the script.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
# Kiota checks for a newer version over the network before each command unless told it is offline.
export KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false KIOTA_CLI_TELEMETRY_OPTOUT=true
# NuGet's HTTP cache of this script's restores stays in its scratch folder, not the user's.
export NUGET_HTTP_CACHE_PATH="$tools/http-cache"

# Runs a command with its output in a log; on failure says what failed with the end of the log.
# usage: step LOG DESCRIPTION COMMAND...
step() {
  local log="$1" what="$2"
  shift 2
  local status=0
  "$@" > "$log" 2>&1 || status=$?
  if ((status == 0)); then
    return 0
  fi
  mkdir -p "$failed_logs"
  cp "$log" "$failed_logs/$(basename "$(dirname "$log")")-$(basename "$log")"
  {
    printf '\nbuild-cost: %s failed (exit %d): %s\n' "$what" "$status" "$*"
    printf -- '--- last lines of %s ---\n' "$log"
    tail -n 25 "$log"
    printf -- '--- whole log kept in %s ---\n\n' "$failed_logs"
  } >&2
  return 1
}

# Wall-clock seconds of a command, to stdout; its output goes to the log.
# usage: timed LOG DESCRIPTION COMMAND...
timed() {
  local start end
  start=$(date +%s%N)
  step "$@" || return 1
  end=$(date +%s%N)
  awk -v ns="$((end - start))" 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

# The median of the numbers given as arguments ("" when there are none).
median() {
  (($# > 0)) || { echo ""; return 0; }
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Lines and bytes of every .cs file under a folder: "LINES BYTES".
source_size() {
  find "$1" -name '*.cs' -type f -print0 | xargs -0 -r cat | wc -lc | awk '{ print $1, $2 }'
}

xml_escape() {
  local text="$1"
  text="${text//&/&amp;}"
  text="${text//</&lt;}"
  text="${text//>/&gt;}"
  printf '%s' "$text"
}

# A path as an MSBuild item Include: its special characters (wildcards, separators, expansions) escaped.
msbuild_path() {
  local text="$1"
  text="${text//%/%25}"
  text="${text//;/%3B}"
  text="${text//\*/%2A}"
  text="${text//\?/%3F}"
  text="${text//@/%40}"
  text="${text//\$/%24}"
  text="${text//\'/%27}"
  xml_escape "$text"
}

# NAME=VALUE pairs as XML elements <NAME>VALUE</NAME>, one per line, indented by $1.
as_elements() {
  local indent="$1" pair
  shift
  for pair in "$@"; do
    printf '%s<%s>%s</%s>\n' "$indent" "${pair%%=*}" "$(xml_escape "${pair#*=}")" "${pair%%=*}"
  done
}

# A consumer project: FOLDER/NAME.csproj, a net10.0 library with nullable on, the given extra
# properties and items (XML lines), and a NuGet.Config that restores into PACKAGES, from the
# configured sources plus FEED when one is given.
# usage: write_consumer FOLDER NAME PACKAGES FEED PROPERTIES ITEMS
write_consumer() {
  local folder="$1" name="$2" packages="$3" feed="$4" properties="$5" items="$6"
  mkdir -p "$folder"
  {
    echo '<?xml version="1.0" encoding="utf-8"?>'
    echo '<configuration>'
    echo "  <config><add key=\"globalPackagesFolder\" value=\"$(xml_escape "$packages")\" /></config>"
    if [[ -n "$feed" ]]; then
      echo "  <packageSources><add key=\"sei-build-cost\" value=\"$(xml_escape "$feed")\" /></packageSources>"
    fi
    echo "  $fallback_folder"
    echo '</configuration>'
  } > "$folder/NuGet.Config"
  cat > "$folder/$name.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
$properties
  </PropertyGroup>
  <ItemGroup>
$items
  </ItemGroup>
</Project>
EOF
}

# Ours: only the Sei.Generators package and the document, with the --sei-* settings.
# usage: write_sei_consumer DOCUMENT FOLDER
write_sei_consumer() {
  local items
  items="    <PackageReference Include=\"Sei.Generators\" Version=\"$sei_version\" />
    <AdditionalFiles Include=\"$(msbuild_path "$1")\">
$(as_elements '      ' "${sei_metadata[@]}")
    </AdditionalFiles>"
  write_consumer "$2" Sei.Consumer "$work/packages" "$work/feed" "$(as_elements '    ' "${sei_properties[@]}")" "$items"
}

# Kiota's: the runtime packages its output needs; the sources are those Kiota writes into Client/.
# Its packages folder is kept between runs, since these versions never change.
# usage: write_kiota_consumer FOLDER
write_kiota_consumer() {
  local items="" package
  for package in Abstractions Http.HttpClientLibrary Serialization.Json Serialization.Text Serialization.Form Serialization.Multipart; do
    items+="    <PackageReference Include=\"Microsoft.Kiota.$package\" Version=\"$kiota_runtime_version\" />"$'\n'
  done
  write_consumer "$1" Kiota.Consumer "$tools/packages" "" "" "$items"
}

# --- setup: machine, tools, packages ----------------------------------------------------------

load_before="$(uptime | sed 's/.*load average: //')"
sdk_version="$(cd "$root" && dotnet --version)"
# The commit that last changed src/ names the generator measured; uncommitted changes are said.
commit="$(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo unknown)"
src_commit="$(git -C "$root" log -1 --format=%h -- src 2> /dev/null || echo unknown)"
if [[ "$src_commit" != "$commit" ]]; then
  commit="$commit (src/ as of $src_commit)"
fi
if [[ -n "$(git -C "$root" status --porcelain -- src 2> /dev/null)" ]]; then
  commit="$commit + uncommitted changes in src/"
fi
started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "build-cost: ${#documents[@]} document(s), $runs run(s) each; machine: $(nproc) cores, .NET SDK $sdk_version; load $load_before"

mkdir -p "$tools"
global_packages="$(cd "$root" && dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
fallback_folder=""
if [[ -d "$global_packages" ]]; then
  # Read only: what the machine already has is not downloaded again; nothing is written there.
  fallback_folder="<fallbackPackageFolders><add key=\"machine\" value=\"$(xml_escape "$global_packages")\" /></fallbackPackageFolders>"
fi

# The tools folder gets its own NuGet settings: a packages folder of its own (no fallback folder:
# `dotnet tool run` looks for the tool in that packages folder only), and the package sources
# configured for this repository as `dotnet nuget list source` sees them from here, written out
# because the tool commands below run with a home of their own, where NuGet would see only its
# default source.
sources="$(cd "$root" && dotnet nuget list source --format short | awk '$1 == "E" { print $2 }')"
[[ -n "$sources" ]] || die "no enabled NuGet source is configured (dotnet nuget list source); Kiota comes from one"
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <config><add key="globalPackagesFolder" value="packages" /></config>'
  echo '  <packageSources>'
  echo '    <clear />'
  index=0
  while IFS= read -r source; do
    index=$((index + 1))
    echo "    <add key=\"source$index\" value=\"$(xml_escape "$source")\" />"
  done <<< "$sources"
  echo '  </packageSources>'
  echo '</configuration>'
} > "$tools/NuGet.Config"

# `dotnet tool` keeps a resolver cache and first-run markers under DOTNET_CLI_HOME; a home of the
# scratch folder's keeps them out of the user's ~/.dotnet.
tool() {
  (cd "$tools" && DOTNET_CLI_HOME="$tools/home" dotnet tool "$@")
}

if [[ "$sei_only" == false ]]; then
  if ! grep -q "\"version\": \"$kiota_version\"" "$tools/dotnet-tools.json" 2> /dev/null; then
    say "installing Kiota $kiota_version as a local tool in ${tools#"$root"/}"
    printf '{\n  "version": 1,\n  "isRoot": true,\n  "tools": {}\n}\n' > "$tools/dotnet-tools.json"
    step "$tools/install.log" "installing Kiota" tool install --local Microsoft.OpenApi.Kiota --version "$kiota_version" || exit 1
  fi
  step "$tools/restore.log" "restoring the Kiota tool" tool restore || exit 1
  kiota_reported="$(tool run kiota --version 2> /dev/null | head -n 1)"
  [[ "$kiota_reported" == "$kiota_version"* ]] || die "the local Kiota says '$kiota_reported', not $kiota_version"
fi

# DocumentFacts counts a document's operations; built once, again only when its sources change.
facts_sources=("$helpers/DocumentFacts/DocumentFacts.csproj" "$helpers/DocumentFacts/Program.cs")
facts_hash="$(cat "${facts_sources[@]}" | sha256sum | cut -c1-16)"
if [[ "$(cat "$tools/facts/source-hash" 2> /dev/null)" != "$facts_hash" ]]; then
  say "building the DocumentFacts helper"
  rm -rf "$tools/facts-src" "$tools/facts"
  mkdir -p "$tools/facts-src"
  cp "${facts_sources[@]}" "$tools/facts-src/"
  step "$tools/facts-build.log" "building benchmarks/build-cost/DocumentFacts" \
    dotnet build "$tools/facts-src/DocumentFacts.csproj" -c Release -o "$tools/facts" -nodeReuse:false || exit 1
  echo "$facts_hash" > "$tools/facts/source-hash"
fi

# Our packages, packed from the working tree with a version no cache can hold (as the packaging
# tests do); the consumer restores into a packages folder of this run's.
base_version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)"
sei_version="$base_version-buildcost.$(date -u +%Y%m%d%H%M%S).$$"
mkdir -p "$work/feed"
say "packing Sei.Client and Sei.Generators $sei_version from the working tree"
for project in src/Sei.Client/Sei.Client.csproj src/Sei.Generators/Sei.Generators.csproj; do
  step "$work/pack-$(basename "$project" .csproj).log" "packing $project" \
    dotnet pack "$root/$project" -c Release -o "$work/feed" -p:Version="$sei_version" -p:ContinuousIntegrationBuild=true -nodeReuse:false || exit 1
done

# The empty library: the floor of every build (MSBuild, the SDK's targets, csc on nothing).
write_consumer "$work/empty" Empty "$work/packages" "" "" ""
step "$work/empty/restore.log" "restoring the empty library" dotnet restore "$work/empty" -nodeReuse:false || exit 1

# --- documents --------------------------------------------------------------------------------

mkdir -p "$work/docs"
doc_paths=()
for file in "${documents[@]}"; do
  name="$(basename "$file")"
  if [[ "$name" == *.gz ]]; then
    name="${name%.gz}"
    gzip -dc "$file" > "$work/docs/$name" || die "cannot decompress $file"
  else
    cp "$file" "$work/docs/$name"
  fi
  doc_paths+=("$work/docs/$name")
done
[[ "$(printf '%s\n' "${doc_paths[@]}" | sort | uniq -d)" == "" ]] || die "two documents share a file name; rename one"

declare -A operations=()
while IFS=$'\t' read -r path count _; do
  operations["$path"]="$count"
done < <(dotnet "$tools/facts/DocumentFacts.dll" "${doc_paths[@]}" 2> "$work/facts.log")

# Every measurement, one per line: document, run, what, seconds (or a count).
readonly raw="${output%.md}.tsv"
printf 'document\trun\tmeasure\tvalue\n' > "$raw"
record() {
  printf '%s\t%s\t%s\t%s\n' "$@" >> "$raw"
}

# A clean build, timed. usage: build_seconds FOLDER LOG DESCRIPTION [extra build arguments...]
build_seconds() {
  local folder="$1" log="$2" what="$3"
  shift 3
  step "$log.clean" "cleaning $what" dotnet clean "$folder" -nodeReuse:false || return 1
  (cd "$folder" && timed "$log" "building $what" dotnet build --no-restore -p:UseSharedCompilation=false "$@")
}

# Seconds of one analyzer or generator in csc's -p:ReportAnalyzer=true report, summed over the
# lines whose name column starts with one of the given names. usage: report_seconds LOG SECTION NAME...
# SECTION is "analyzer" or "generator": the report lists analyzers first, then generators.
report_seconds() {
  local log="$1" section="$2"
  shift 2
  awk -v section="$section" -v names="$*" '
    BEGIN { n = split(names, wanted, " ") }
    /Total analyzer execution time/ { current = "analyzer" }
    /Total generator execution time/ { current = "generator" }
    current == section && $1 ~ /^<?[0-9.]+$/ {
      for (i = 1; i <= n; i++) {
        if ($3 == wanted[i] || $3 == wanted[i] ",") { seconds = $1; sub(/^</, "", seconds); total += seconds; found = 1 }
      }
    }
    END { if (found) printf "%.3f\n", total }' "$log"
}

# The slowest SDK analyzer rules in a report, as "CA2252 3.1 s, CA1856 2.0 s, ...".
slowest_rules() {
  awk '
    /Total analyzer execution time/ { current = 1 }
    /Total generator execution time/ { current = 0 }
    current && $1 ~ /^[0-9.]+$/ && /\(CA[0-9]/ { match($0, /\(CA[^)]*\)/); print $1, substr($0, RSTART + 1, RLENGTH - 2) }' "$1" \
    | sort -gr | head -n 3 | awk '{ seconds = $1; $1 = ""; rules = substr($0, 2); gsub(/, /, "/", rules); printf "%s%s %.1f s", (NR > 1 ? ", " : ""), rules, seconds }'
}

declare -A result=()
failures=()

# Measures one document: every build of it, interleaved run by run. Returns 1 when a step fails.
measure_document() {
  local doc="$1" name slug folder run seconds size generated
  name="$(basename "$doc")"
  slug="${name%.*}"
  folder="$work/$slug"
  mkdir -p "$folder"
  record "$name" - load_before "$(uptime | sed 's/.*load average: //')"
  write_sei_consumer "$doc" "$folder/sei"
  step "$folder/sei/restore.log" "restoring our consumer of $name" dotnet restore "$folder/sei" -nodeReuse:false || return 1
  if [[ "$sei_only" == false ]]; then
    write_kiota_consumer "$folder/kiota"
    step "$folder/kiota/restore.log" "restoring Kiota's consumer of $name" dotnet restore "$folder/kiota" -nodeReuse:false || return 1
  fi

  local kiota_generate=() kiota_build=() sei_build=() empty_build=() sei_generator=() sdk_analyzers=()
  for ((run = 1; run <= runs; run++)); do
    say "$name: run $run of $runs"
    if [[ "$sei_only" == false ]]; then
      rm -rf "$folder/kiota/Client"
      seconds="$(timed "$folder/kiota/generate.log" "kiota generate for $name" \
        tool run kiota -- generate -l CSharp --exclude-backward-compatible -d "$doc" -o "$folder/kiota/Client")" || return 1
      kiota_generate+=("$seconds")
      record "$name" "$run" kiota_generate_s "$seconds"
    fi

    seconds="$(build_seconds "$folder/sei" "$folder/sei/build.log" "our consumer of $name")" || return 1
    sei_build+=("$seconds")
    record "$name" "$run" sei_build_s "$seconds"

    if [[ "$sei_only" == false ]]; then
      seconds="$(build_seconds "$folder/kiota" "$folder/kiota/build.log" "Kiota's consumer of $name")" || return 1
      kiota_build+=("$seconds")
      record "$name" "$run" kiota_build_s "$seconds"
    fi

    seconds="$(build_seconds "$work/empty" "$work/empty/build.log" "the empty library")" || return 1
    empty_build+=("$seconds")
    record "$name" "$run" empty_build_s "$seconds"

    # The same build again, not timed as a whole: csc reports each generator's and analyzer's time
    # (-p:ReportAnalyzer, printed at detailed verbosity) and writes the generated sources to disk,
    # outside the project folder, where the next build's default globs would compile them again.
    rm -rf "$folder/generated"
    build_seconds "$folder/sei" "$folder/sei/report.log" "our consumer of $name (with ReportAnalyzer)" \
      -p:ReportAnalyzer=true -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$folder/generated" -v:d > /dev/null || return 1
    seconds="$(report_seconds "$folder/sei/report.log" generator Sei.Generators.SeiClientGenerator)"
    [[ -n "$seconds" ]] || { echo "build-cost: no Sei.Generators.SeiClientGenerator time in $folder/sei/report.log" >&2; return 1; }
    sei_generator+=("$seconds")
    record "$name" "$run" sei_generator_in_csc_s "$seconds"
    seconds="$(report_seconds "$folder/sei/report.log" analyzer Microsoft.CodeAnalysis.CSharp.NetAnalyzers Microsoft.CodeAnalysis.NetAnalyzers)"
    sdk_analyzers+=("${seconds:-0}")
    record "$name" "$run" sei_sdk_analyzers_s "${seconds:-0}"
  done

  size="$(stat -c %s "$doc")"
  result["$name,size"]="$size"
  result["$name,operations"]="${operations[$doc]:-?}"
  generated="$folder/generated/Sei.Generators"
  [[ -d "$generated" ]] || { echo "build-cost: the generator wrote no sources for $name" >&2; return 1; }
  read -r result["$name,sei_lines"] result["$name,sei_bytes"] < <(source_size "$generated")
  result["$name,sei_build"]="$(median "${sei_build[@]}")"
  result["$name,sei_generator"]="$(median "${sei_generator[@]}")"
  result["$name,sdk_analyzers"]="$(median "${sdk_analyzers[@]}")"
  result["$name,sdk_rules"]="$(slowest_rules "$folder/sei/report.log")"
  result["$name,empty_build"]="$(median "${empty_build[@]}")"
  if [[ "$sei_only" == false ]]; then
    read -r result["$name,kiota_lines"] result["$name,kiota_bytes"] < <(source_size "$folder/kiota/Client")
    result["$name,kiota_generate"]="$(median "${kiota_generate[@]}")"
    result["$name,kiota_build"]="$(median "${kiota_build[@]}")"
  fi
  record "$name" - sei_lines "${result["$name,sei_lines"]}"
  record "$name" - kiota_lines "${result["$name,kiota_lines"]:-}"
  record "$name" - operations "${result["$name,operations"]}"
  record "$name" - load_after "$(uptime | sed 's/.*load average: //')"
  # The scratch copy of a large document's build is hundreds of MB; only the figures are kept.
  [[ "$keep" == true ]] || rm -rf "$folder"
}

measured=()
for doc in "${doc_paths[@]}"; do
  name="$(basename "$doc")"
  if measure_document "$doc"; then
    measured+=("$name")
  else
    failures+=("$name")
  fi
done
load_after="$(uptime | sed 's/.*load average: //')"

# --- the table --------------------------------------------------------------------------------

# Arithmetic on the figures, "–" when one is missing. usage: calc EXPRESSION FORMAT [NAME=VALUE...]
calc() {
  local expression="$1" format="$2" assignments=() pair
  shift 2
  for pair in "$@"; do
    [[ -n "${pair#*=}" && "${pair#*=}" != "?" ]] || { printf '–'; return 0; }
    assignments+=(-v "$pair")
  done
  # A zero denominator (a document Kiota wrote nothing for) makes awk fail: no figure then.
  awk "${assignments[@]}" "BEGIN { value = $expression; printf \"$format\", value }" 2> /dev/null || printf '–'

}

# Bytes as KB or MB (decimal, as file managers show them).
bytes() {
  [[ -n "${1:-}" ]] || { printf '–'; return 0; }
  awk -v n="$1" 'BEGIN { if (n < 100000) printf "%.1f KB", n / 1000; else printf "%.1f MB", n / 1e6 }'
}

lines() {
  [[ -n "${1:-}" ]] || { printf '–'; return 0; }
  awk -v n="$1" 'BEGIN { if (n < 1000) printf "%d", n; else if (n < 100000) printf "%.1fk", n / 1000; else printf "%.0fk", n / 1000 }'
}

ratios_b=() ratios_l=() ratios_g=() ratios_n=()
table() {
  local name k g kl kb sg sl sb e
  echo '| document | size | ops | Kiota generate | Kiota lines | Kiota build | ours: generator in csc | ours: lines | ours: build | empty build | Kiota build − empty | ours build − empty | build ours/Kiota | net build ours/Kiota | lines ours/Kiota | generator Kiota/ours | SDK analyzers on ours |'
  echo '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|'
  for name in "${measured[@]}"; do
    k="${result["$name,kiota_generate"]:-}" kl="${result["$name,kiota_lines"]:-}" kb="${result["$name,kiota_build"]:-}"
    g="${result["$name,sei_generator"]}" sl="${result["$name,sei_lines"]}" sb="${result["$name,sei_build"]}" e="${result["$name,empty_build"]}"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
      "$name" \
      "$(bytes "${result["$name,size"]}")" \
      "${result["$name,operations"]}" \
      "$(calc 'k' '%.1f s' k="$k")" \
      "$(lines "$kl")" \
      "$(calc 'b' '%.1f s' b="$kb")" \
      "$(calc 'g' '%.2f s' g="$g")" \
      "$(lines "$sl")" "$(bytes "${result["$name,sei_bytes"]}")" \
      "$(calc 'b' '%.1f s' b="$sb")" \
      "$(calc 'e' '%.1f s' e="$e")" \
      "$(calc 'b - e' '%.1f s' b="$kb" e="$e")" \
      "$(calc 'b - e' '%.1f s' b="$sb" e="$e")" \
      "$(calc 's / k' '%.2fx' s="$sb" k="$kb")" \
      "$(calc '(s - e) / (k - e)' '%.2fx' s="$sb" k="$kb" e="$e")" \
      "$(calc 's / k' '%.2fx' s="$sl" k="$kl")" \
      "$(calc 'k / g' '%.1fx' k="$k" g="$g")" \
      "$(calc 'a' '%.1f s' a="${result["$name,sdk_analyzers"]}")"
    if [[ -n "$kb" ]]; then
      ratios_b+=("$(calc 's / k' '%.4f' s="$sb" k="$kb")")
      ratios_n+=("$(calc '(s - e) / (k - e)' '%.4f' s="$sb" k="$kb" e="$e")")
      ratios_l+=("$(calc 's / k' '%.4f' s="$sl" k="$kl")")
      ratios_g+=("$(calc 'k / g' '%.4f' k="$k" g="$g")")
    fi
  done
  if ((${#measured[@]} > 1)) && ((${#ratios_b[@]} > 0)); then
    printf '| **median over %d documents** | | | | | | | | | | | | **%s** | **%s** | **%s** | **%s** | |\n' "${#ratios_b[@]}" \
      "$(calc 'r' '%.2fx' r="$(median "${ratios_b[@]}")")" \
      "$(calc 'r' '%.2fx' r="$(median "${ratios_n[@]}")")" \
      "$(calc 'r' '%.2fx' r="$(median "${ratios_l[@]}")")" \
      "$(calc 'r' '%.1fx' r="$(median "${ratios_g[@]}")")"
  fi
}

report() {
  local name
  echo "## Build cost: ours against Kiota $kiota_version"
  echo
  echo "- Run: $started_at, $runs run(s) per document (medians), at $commit; Sei.Generators packed as $sei_version."
  echo "- Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), .NET SDK $sdk_version, $(uname -sr)."
  echo "- Load average (1, 5, 15 min): $load_before before, $load_after after."
  echo "- Builds: \`dotnet clean\`, then \`dotnet build --no-restore -p:UseSharedCompilation=false\` (net10.0, nullable on; restored once before)."
  if [[ "$sei_only" == true ]]; then
    echo "- Kiota skipped (--sei-only)."
  fi
  if ((${#sei_metadata[@]} + ${#sei_properties[@]} > 0)); then
    echo "- Our consumer's extra settings: ${sei_properties[*]:-} ${sei_metadata[*]:-}"
  fi
  echo
  table
  echo
  for name in "${measured[@]}"; do
    if [[ -n "${result["$name,sdk_rules"]}" ]]; then
      echo "- $name: slowest SDK analyzer rules on our output: ${result["$name,sdk_rules"]}."
    fi
  done
  if ((${#failures[@]} > 0)); then
    echo
    echo "Failed (see the messages above and artifacts/build-cost-failed/): ${failures[*]}"
  fi
}

report | tee "$output"
say "table written to ${output#"$root"/}, every measurement to ${raw#"$root"/}"
if ((${#failures[@]} > 0)); then
  die "${#failures[@]} document(s) failed: ${failures[*]}"
fi
exit 0
}
