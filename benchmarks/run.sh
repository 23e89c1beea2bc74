#!/usr/bin/env bash
# The benchmark suite, unattended, from a clean checkout: builds what it runs (the EAR, the
# emulator, the provisioned WildFly, this module; tests skipped), then runs every case and writes
# the tables into BENCHMARKS.md. About 30 minutes on 2 cores with the defaults (the live-events and floor cases take about 4 each).
#
#   ./benchmarks/run.sh                       the whole suite, report into BENCHMARKS.md
#   ./benchmarks/run.sh --quick --cases direct,full-path     a short development run
#   ./benchmarks/run.sh --seconds 30 --open-seconds 60        longer runs
#   ./benchmarks/run.sh --help                 every option
#
# Options go to `java -jar benchmarks/target/midimo-chat-benchmarks.jar all`. Without --report, the
# report goes into BENCHMARKS.md unless --quick is given (quick figures are not for the record).
# The suite starts its own emulator and WildFly (HTTP 8380, management 10290: --port-offset) and
# stops them at the end, on failure and on Ctrl-C. Logs, histograms and report.md of the last run
# are in benchmarks/target/suite/.
#
# SKIP_BUILD=1 runs the jar without building first.
set -euo pipefail

cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building (tests skipped)..." >&2
  mvn -q -DskipTests package -pl ear,midimo-chat-emulator,wildfly-config,benchmark-floor,benchmarks -am
fi

args=("$@")
report=(--report BENCHMARKS.md)
for arg in "$@"; do
  case "$arg" in
    --report|--report=*|--quick|--help|-h|--version|-V) report=() ;;
  esac
done

BENCHMARKS_COMMAND="./benchmarks/run.sh${*:+ $*}" \
  exec java -jar benchmarks/target/midimo-chat-benchmarks.jar all "${report[@]}" "${args[@]}"
