#!/usr/bin/env bash
# Prints a bearer token for the system ./run.sh runs, signed by its development issuer (a key pair
# ./run.sh made in run/dev-issuer/), valid one hour. The subject is the caller's user id; the roles
# say what it may do: customer and agent act only as themselves, storefront acts for anyone.
#
#   curl -H "Authorization: Bearer $(./dev-token.sh customer_123 customer)" http://localhost:8080/chat/api/v1/...
#   ./dev-token.sh agent_1 agent
#   ./dev-token.sh shop-backend storefront
#   ./dev-token.sh --help
set -euo pipefail
cd "$(dirname "$0")"
exec java -jar launcher/target/midimo-chat-launcher.jar token "$@"
