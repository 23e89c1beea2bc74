#!/usr/bin/env bash
# Runs the whole system on this machine: builds what is needed (the provisioned WildFly, the EAR,
# the emulator, the launcher), then starts the Midimo Chat emulator and WildFly with the
# application, waits until the storefront API answers and prints where everything is. Ctrl-C
# stops all of it.
#
#   ./run.sh                          everything on the default ports (8080, 9990, 50051)
#   PORT_OFFSET=100 ./run.sh          WildFly on 8180 and 10090 instead
#   MIDIMO_CHAT_PORT=50061 ./run.sh   the emulator on another port
#   ./run.sh --nodes 2                two WildFly nodes (8080/9990 and 8090/10000) on one
#                                     standalone Artemis broker (61616)
#   ./run.sh --help                   every option of the launcher's run command
#
# State of a run lives in run/ (git-ignored): the server's base directory (configuration, logs,
# data), the emulator's log, the generated passwords. Each run starts from a fresh copy of the
# provisioned server. Starting is the launcher's job (launcher/), the same code the integration
# tests and the benchmarks start the system with.
set -euo pipefail

cd "$(dirname "$0")"

printf '\033[1m%s\033[0m\n' "Building (tests skipped; 'mvn verify' runs them)..."
mvn -q -DskipTests package -pl ear,remote-ejb,midimo-chat-emulator,order-event-sender,wildfly-config,broker,launcher -am

exec java -jar launcher/target/midimo-chat-launcher.jar run "$@"
