#!/usr/bin/env bash
# The scale-out report, unattended, from a clean checkout: builds what it runs (the EAR, the
# emulator, the provisioned servers, the broker, the benchmarks module; tests skipped), then runs
# every scenario, each on a fresh standalone Artemis broker, two WildFly nodes of the remote-broker
# server and an emulator, and writes the results into SCALE-OUT.md. About 15 minutes on 2 cores.
#
#   ./scale-out/run.sh                                  every scenario, report into SCALE-OUT.md
#   ./scale-out/run.sh --quick --scenarios spread       a short development run
#   ./scale-out/run.sh --help                           every option
#
# Options go to `java -jar benchmarks/target/midimo-chat-benchmarks.jar scale-out`. Without
# --report, the report goes into SCALE-OUT.md unless --quick is given (quick figures are not for
# the record). The broker listens on 61916 (--broker-port), node-1 on HTTP 8680 and management
# 10590, node-2 on 8690 and 10600 (--port-offset 600), the emulator on a free port. Logs, journals
# and the last run's report.md are in benchmarks/target/scale-out/. The exit status is 0 when every
# scenario passed.
#
# SKIP_BUILD=1 runs the jar without building first.
set -euo pipefail

cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building (tests skipped)..." >&2
  mvn -q -DskipTests package -pl ear,midimo-chat-emulator,wildfly-config,broker,benchmarks -am
fi

args=("$@")
report=(--report SCALE-OUT.md)
for arg in "$@"; do
  case "$arg" in
    --report|--report=*|--quick|--help|-h|--version|-V) report=() ;;
  esac
done

# A copy of the jar runs, so that a build during the run cannot swap classes from under it.
cp benchmarks/target/midimo-chat-benchmarks.jar benchmarks/target/scale-out-run.jar

SCALE_OUT_COMMAND="./scale-out/run.sh${*:+ $*}" \
  exec java -jar benchmarks/target/scale-out-run.jar scale-out "${report[@]}" "${args[@]}"
