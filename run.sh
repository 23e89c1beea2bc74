#!/usr/bin/env bash
# Runs the whole system on this machine: builds what is needed, provisions and configures
# WildFly, starts the Midimo Chat emulator, deploys the application, and waits until the
# storefront API answers. Ctrl-C stops all of it.
#
#   ./run.sh                      everything on the default ports (8080, 9990, 50051)
#   PORT_OFFSET=100 ./run.sh      WildFly on 8180 and 10090 instead
#   MIDIMO_CHAT_PORT=50061 ./run.sh   the emulator on another port
#
# State of a run lives in run/ (git-ignored): the server's base directory (configuration, logs,
# data), the emulator's log, the generated development secret. Each run starts from a fresh copy
# of the provisioned server.
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
RUN="$ROOT/run"
SERVER_HOME="$ROOT/wildfly-config/target/server"
PORT_OFFSET=${PORT_OFFSET:-0}
HTTP_PORT=$((8080 + PORT_OFFSET))
MANAGEMENT_PORT=$((9990 + PORT_OFFSET))
EMULATOR_PORT=${MIDIMO_CHAT_PORT:-50051}

say() { printf '\033[1m%s\033[0m\n' "$*"; }

say "Building (tests skipped; 'mvn verify' runs them)..."
mvn -q -DskipTests package -pl ear,midimo-chat-emulator,order-event-sender,wildfly-config -am

say "Preparing the server in run/wildfly..."
rm -rf "$RUN"
mkdir -p "$RUN"
cp -r "$SERVER_HOME/standalone" "$RUN/wildfly"
cp ear/target/midimo-chat.ear "$RUN/wildfly/deployments/"

# The JWT secret shared by the application and the emulator: yours if you set one, otherwise a
# fresh development secret. WildFly reads it from its secrets directory (a MicroProfile Config
# source, see wildfly-config/src/main/cli/secrets.cli), the emulator from its environment: it
# never appears on a command line.
if [ -z "${MIDIMO_CHAT_JWT_SECRET_KEY:-}" ]; then
  MIDIMO_CHAT_JWT_SECRET_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
fi
export MIDIMO_CHAT_JWT_SECRET_KEY
(
  umask 077
  mkdir -p "$RUN/wildfly/configuration/midimo-chat-secrets"
  printf '%s' "$MIDIMO_CHAT_JWT_SECRET_KEY" \
    > "$RUN/wildfly/configuration/midimo-chat-secrets/midimo.chat.jwt.secret-key"
)

# The application user remote order-event producers log in as (role order-publisher: may send to
# OrderEvents and nothing else; see wildfly-config/src/main/cli/messaging.cli), with a generated
# password kept in run/order-publisher.password for ./send-order-event.sh.
(
  umask 077
  head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$RUN/order-publisher.password"
)
"$SERVER_HOME/bin/add-user.sh" -a -s -u order-publisher -g order-publisher \
  -p "$(cat "$RUN/order-publisher.password")" -sc "$RUN/wildfly/configuration"

EMULATOR_PID=""
SERVER_PID_FILE="$RUN/wildfly.pid"
stop_all() {
  local status=${1:-$?}
  trap - INT TERM EXIT
  echo
  say "Stopping..."
  if [ -f "$SERVER_PID_FILE" ]; then
    kill "$(cat "$SERVER_PID_FILE")" 2>/dev/null || true
  fi
  if [ -n "$EMULATOR_PID" ]; then
    kill "$EMULATOR_PID" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  say "Stopped. Logs are in run/."
  exit "$status"
}
trap 'stop_all 130' INT
trap 'stop_all 143' TERM
trap 'stop_all' EXIT

say "Starting the Midimo Chat emulator on port $EMULATOR_PORT..."
java -jar midimo-chat-emulator/target/midimo-chat-emulator.jar \
  --port "$EMULATOR_PORT" --fault-control > "$RUN/emulator.log" 2>&1 &
EMULATOR_PID=$!

say "Starting WildFly (HTTP $HTTP_PORT, management $MANAGEMENT_PORT)..."
# The secret reaches WildFly through its secrets directory, not its environment.
env -u MIDIMO_CHAT_JWT_SECRET_KEY \
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$SERVER_PID_FILE" \
  "$SERVER_HOME/bin/standalone.sh" \
  -Djboss.server.base.dir="$RUN/wildfly" \
  -Djboss.socket.binding.port-offset="$PORT_OFFSET" \
  -Dmidimo.chat.port="$EMULATOR_PORT" \
  > "$RUN/wildfly-console.log" 2>&1 &

# Ready means: the application is deployed and Midimo Chat (the emulator) answers.
ready=""
for _ in $(seq 1 180); do
  if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
    say "The emulator stopped; see run/emulator.log"; tail -5 "$RUN/emulator.log"; exit 1
  fi
  if [ -f "$RUN/wildfly/deployments/midimo-chat.ear.failed" ]; then
    say "Deployment failed; see run/wildfly/log/server.log"
    cat "$RUN/wildfly/deployments/midimo-chat.ear.failed"; exit 1
  fi
  if [ -f "$RUN/wildfly/deployments/midimo-chat.ear.deployed" ] \
    && (exec 3<>"/dev/tcp/127.0.0.1/$MANAGEMENT_PORT") 2>/dev/null \
    && java "$ROOT/tools/HttpStatus.java" "http://localhost:$MANAGEMENT_PORT/health/ready" \
      | grep -q '^200$'; then
    ready=yes
    break
  fi
  sleep 1
done
if [ -z "$ready" ]; then
  say "Not ready after 3 minutes; see run/wildfly/log/server.log and run/emulator.log"
  exit 1
fi

API="http://localhost:$HTTP_PORT/chat/api/v1"
cat <<EOF

$(say "The system is running.")
  Storefront API   $API
  OpenAPI          http://localhost:$HTTP_PORT/openapi
  Health           http://localhost:$MANAGEMENT_PORT/health   (ready, live)
  Metrics          http://localhost:$MANAGEMENT_PORT/metrics
  Emulator         localhost:$EMULATOR_PORT (gRPC, fault control on)
  Logs             run/wildfly/log/server.log, run/wildfly/log/midimo_chat.log, run/emulator.log

Try it:
  curl -i -X POST $API/support-threads -H 'Content-Type: application/json' \\
       -d '{"customer_id":"customer_123","order_id":"order_456"}'
  ./send-order-event.sh --order order_456 --customer customer_123 --status Shipped --message 'On its way'

Ctrl-C stops everything.
EOF

# Until Ctrl-C, or until either process stops by itself.
while kill -0 "$EMULATOR_PID" 2>/dev/null && kill -0 "$(cat "$SERVER_PID_FILE")" 2>/dev/null; do
  sleep 1
done
say "A process stopped by itself; see run/."
exit 1
