# shellcheck shell=bash
# Keycloak 26.7.3 of the local stack: dev mode (start-dev, H2 file database in the unpacked
# folder) on 127.0.0.1:8180, issuer http://localhost:8180/realms/<realm>, realms imported from
# deploy/keycloak/realms.

KEYCLOAK_VERSION=26.7.3
KEYCLOAK_PORT=8180
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
KC_HOME="$STACK/keycloak/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_LOG="$LOGS/keycloak.log"
KC_REALMS_DIR="$ROOT/deploy/keycloak/realms"
KC_REALMS=(nato russia)

keycloak_pid() { pid_of keycloak "$KC_HOME"; }

# Metrics on the management port let the system tests count Keycloak's requests (e.g. that a
# forged token never makes a service fetch keys): http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/metrics
KEYCLOAK_MANAGEMENT_PORT=9190
KC_START_OPTS=(--http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --hostname="$KEYCLOAK_URL"
  --metrics-enabled=true --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --import-realm)

# Changes to the realm files or to the start options restart Keycloak with a fresh import.
kc_realms_sum() { { cat "$KC_REALMS_DIR"/*-realm.json; echo "${KC_START_OPTS[*]}"; } | sha256sum | cut -d' ' -f1; }

keycloak_start() {
  local pid sum old
  step keycloak "ensure Keycloak $KEYCLOAK_VERSION (dev mode) on 127.0.0.1:$KEYCLOAK_PORT"
  if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
    fetch_with_maven "Keycloak $KEYCLOAK_VERSION (~170 MB)" "deploy/local/keycloak/pom.xml" "$LOGS/fetch-keycloak.log"
    [[ -x "$KC_HOME/bin/kc.sh" ]] || fail "Keycloak was fetched but $KC_HOME/bin/kc.sh is missing" "$LOGS/fetch-keycloak.log"
  fi
  pid="$(keycloak_pid)"

  # Realm JSON changed since the last import? Keycloak skips importing realms that already
  # exist, so drop its dev database (only Keycloak's own state) and import afresh.
  sum="$(kc_realms_sum)"
  old="$(cat "$STACK/keycloak/realms.sha256" 2>/dev/null || true)"
  if [[ "$sum" != "$old" ]]; then
    if [[ -n "$pid" ]]; then
      info "realm files or start options changed: restarting Keycloak to re-import the realms"
      keycloak_stop
      pid=""
    fi
    [[ -n "$old" ]] && info "realm files or start options changed: resetting Keycloak's dev database"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME/data/import/"*.json
  cp "$KC_REALMS_DIR"/*-realm.json "$KC_HOME/data/import/"

  if [[ -n "$pid" ]]; then
    info "already running (pid $pid)"
    return 0
  fi
  if port_open "$KEYCLOAK_PORT"; then
    fail "port $KEYCLOAK_PORT is already taken by another process ($(who_listens "$KEYCLOAK_PORT")); Keycloak cannot start"
  fi
  info "starting Keycloak (~20-50 s; the very first start adds a ~60-120 s build step; log: $KEYCLOAK_LOG)"
  start_bg keycloak "$KEYCLOAK_LOG" "$KC_HOME" \
    env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx768m}" \
    "$KC_HOME/bin/kc.sh" start-dev "${KC_START_OPTS[@]}"
  echo "$sum" >"$STACK/keycloak/realms.sha256"
  KEYCLOAK_STARTED_AT=$(now)
}

keycloak_realms_ready() {
  local r
  for r in "${KC_REALMS[@]}"; do
    [[ "$(http_code "$KEYCLOAK_URL/realms/$r/.well-known/openid-configuration")" == 200 ]] || return 1
  done
}

keycloak_wait_ready() {
  local t0="${KEYCLOAK_STARTED_AT:-$(now)}" pid
  STEP=keycloak
  pid="$(keycloak_pid)"
  [[ -n "$pid" ]] || fail "Keycloak is not running" "$KEYCLOAK_LOG"
  wait_for $(( $(now) + ${KEYCLOAK_TIMEOUT:-480} )) \
    "Keycloak realms nato and russia (GET /realms/<realm>/.well-known/openid-configuration)" \
    "$KEYCLOAK_LOG" "$pid" keycloak_realms_ready
  ok "Keycloak ready: issuers $KEYCLOAK_URL/realms/nato and $KEYCLOAK_URL/realms/russia (pid $pid, $(elapsed "$t0"))"
}

keycloak_stop() { stop_bg keycloak "$KC_HOME" 60; }

status_keycloak() {
  local pid
  pid="$(keycloak_pid)"
  if [[ -n "$pid" ]] && keycloak_realms_ready; then
    status_line keycloak ready "$pid" "$KEYCLOAK_URL (admin console $KEYCLOAK_URL/admin, admin/admin)"
  elif [[ -n "$pid" ]]; then
    status_line keycloak starting "$pid" "$KEYCLOAK_URL"
  else
    status_line keycloak stopped "" "$KEYCLOAK_URL"
  fi
}
