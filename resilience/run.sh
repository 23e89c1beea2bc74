#!/usr/bin/env bash
# The resilience report, unattended, from a clean checkout: builds what it runs (the EAR, the
# emulator, the provisioned WildFly, the benchmarks module; tests skipped), then runs every
# scenario, each against a fresh emulator and WildFly, and writes the results into RESILIENCE.md.
# About 25 minutes on 2 cores.
#
#   ./resilience/run.sh                                  every scenario, report into RESILIENCE.md
#   ./resilience/run.sh --quick --scenarios outage,crash a short development run
#   ./resilience/run.sh --help                           every option
#
# Options go to `java -jar benchmarks/target/midimo-chat-benchmarks.jar resilience`. Without
# --report, the report goes into RESILIENCE.md unless --quick is given (quick figures are not for
# the record). WildFly listens on HTTP 8480 and management 10390 (--port-offset). Logs and the
# last run's report.md are in benchmarks/target/resilience/. The exit status is 0 when every
# scenario passed.
#
# SKIP_BUILD=1 runs the jar without building first.
set -euo pipefail

cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building (tests skipped)..." >&2
  mvn -q -DskipTests package -pl ear,midimo-chat-emulator,wildfly-config,benchmarks -am
fi

args=("$@")
report=(--report RESILIENCE.md)
for arg in "$@"; do
  case "$arg" in
    --report|--report=*|--quick|--help|-h|--version|-V) report=() ;;
  esac
done

RESILIENCE_COMMAND="./resilience/run.sh${*:+ $*}" \
  exec java -jar benchmarks/target/midimo-chat-benchmarks.jar resilience "${report[@]}" "${args[@]}"
