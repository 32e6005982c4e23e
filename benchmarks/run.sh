#!/usr/bin/env bash
# Runs the run-time benchmark suite (benchmarks/README.md). Not part of the test run.
#
#   benchmarks/run.sh                      every benchmark, BenchmarkDotNet's default job (long, steady figures)
#   benchmarks/run.sh --quick              every benchmark, ShortRun (3 warm-ups, 3 iterations): a quick check
#   benchmarks/run.sh --quick --filter '*AccountsPage*'   any BenchmarkDotNet argument after the mode
#   benchmarks/run.sh --check              only the startup check: every side round-trips every payload
#   benchmarks/run.sh --alternate          the sides of each payload taking turns in one process: steady ratios on a busy machine
#   benchmarks/run.sh --paging-walk        the paging walk's memory report (allocation per page, live heap per page)
#
# Results go to benchmarks/BenchmarkDotNet.Artifacts (ignored by git). Each run prints the machine's
# load first: on a busy machine the means spread, and the ratios are what to read.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/Sei.Benchmarks/Sei.Benchmarks.csproj"

mode=()
case "${1:-}" in
  --quick) mode=(--job short); shift ;;
  --check|--alternate|--paging-walk) mode=("$1"); shift ;;
esac

args=("$@")
if [[ ${#mode[@]} -eq 0 || "${mode[0]}" == "--job" ]]; then
  # BenchmarkDotNet asks interactively which benchmarks to run unless told: default to all of them.
  if [[ ! " ${args[*]-} " =~ " --filter " ]]; then
    args+=(--filter '*')
  fi
  args+=(--artifacts "$here/BenchmarkDotNet.Artifacts")
fi

echo "load: $(uptime)"
dotnet build "$project" -c Release --nologo -v quiet
dotnet run --project "$project" -c Release --no-build -- "${mode[@]}" "${args[@]}"
