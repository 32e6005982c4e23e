#!/usr/bin/env bash
# Regenerates the Kiota models the benchmark suite compares against (benchmarks/Sei.Benchmarks/Kiota)
# from the suite's own document, with Kiota 1.38.0 installed from the package registry into
# benchmarks/.tools (ignored by git). The output is committed so a benchmark build needs no tool and
# is the same on every machine; run this after editing Specs/wealth.v1.yaml and commit the result.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/Sei.Benchmarks"
tools="$here/.tools"
version="1.38.0"

if ! "$tools/kiota" --version 2>/dev/null | grep -q "^$version"; then
  dotnet tool install Microsoft.OpenApi.Kiota --version "$version" --tool-path "$tools"
fi

# Kiota records the description's path in kiota-lock.json: run from the project so it stays relative.
cd "$project"
"$tools/kiota" generate \
  --language CSharp \
  --openapi Specs/wealth.v1.yaml \
  --class-name WealthKiotaClient \
  --namespace-name Sei.Benchmarks.Kiota \
  --output Kiota \
  --exclude-backward-compatible \
  --clean-output \
  --log-level Warning
# The log is per-run noise; the lock file (version, options, description hash) is kept.
rm -f Kiota/.kiota.log
