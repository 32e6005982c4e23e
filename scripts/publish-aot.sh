#!/usr/bin/env bash
# Publishes the tour (generated clients, Sei.Client and the embedded sandbox) with NativeAOT,
# fails on any trimming or AOT warning, runs the native binary, and prints the figures.
#
#   scripts/publish-aot.sh            # publish to artifacts/aot/ and run the tour
#   CXX_LINKER=clang scripts/publish-aot.sh   # another C toolchain than clang-14
#
# Needs the .NET 10 SDK and a clang toolchain (this machine: clang-14). Not part of the default
# test run: it takes a minute or two and a native toolchain.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/aot"
linker="${CXX_LINKER:-clang-14}"
rid="${RID:-linux-x64}"
log="$out/publish.log"

mkdir -p "$out"
start=$(date +%s)
# -warnaserror is not used: it would also fail on the restore's NU1603 notices. The log is checked instead.
if ! dotnet publish "$root/samples/Sei.Samples.Tour/Sei.Samples.Tour.csproj" \
    -c Release -r "$rid" -p:SeiNativeAot=true -p:CppCompilerAndLinker="$linker" \
    -nodeReuse:false -o "$out/tour" > "$log" 2>&1; then
  tail -40 "$log"
  echo "publish failed; the whole log is in $log" >&2
  exit 1
fi
publish_seconds=$(( $(date +%s) - start ))

# IL2xxx are trimming warnings and IL3xxx AOT warnings; none is acceptable.
if grep -E "(warning|error) IL[23][0-9]{3}" "$log" | sort -u | grep -q .; then
  grep -E "(warning|error) IL[23][0-9]{3}" "$log" | sort -u
  echo "trimming or AOT warnings above" >&2
  exit 1
fi

binary="$out/tour/Sei.Samples.Tour"
size_bytes=$(stat -c %s "$binary")
start_ns=$(date +%s%N)
"$binary" > "$out/tour-output.txt"
run_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
tail -1 "$out/tour-output.txt"

printf 'published in %d s; binary %s (%.1f MB); tour ran in %d ms; trimming/AOT warnings: 0\n' \
  "$publish_seconds" "${binary#"$root"/}" "$(echo "$size_bytes / 1048576" | bc -l)" "$run_ms"
