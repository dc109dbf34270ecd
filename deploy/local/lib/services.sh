# shellcheck shell=bash
# The four mdcoop services and the staff console: built with the Maven wrapper, run from their Quarkus
# fast-jars (target/quarkus-app/quarkus-run.jar) with the dev profile, in the background.

# name:module:port
SERVICES=(
  "agreement:agreement-service:8081"
  "transparency:transparency-service:8082"
  "exercise:exercise-service:8083"
  "fusion:fusion-service:8084"
  "console:console:8080"
)
CONSOLE_URL="http://localhost:8080"
SERVICE_READY_TIMEOUT="${SERVICE_READY_TIMEOUT:-120}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx384m}"

svc_field() { echo "$1" | cut -d: -f"$2"; }
svc_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
svc_pid() { pid_of "$1" "$(svc_jar "$2")"; }
svc_ready() { [[ "$(http_code "http://localhost:$1/q/health/ready")" == 200 ]]; }

# services_need_build: true when a service jar is missing or a source/pom file of a built
# module is newer than the oldest service jar.
services_need_build() {
  local s jar oldest=""
  for s in "${SERVICES[@]}"; do
    jar="$(svc_jar "$(svc_field "$s" 2)")"
    [[ -f "$jar" ]] || return 0
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then oldest="$jar"; fi
  done
  [[ -n "$(cd "$ROOT" && find . \
      \( -path ./.stack -o -path ./.git -o -path ./deploy -o -path ./docs -o -path ./system-tests -o -name target -o -name node_modules \) -prune \
      -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print -quit)" ]]
}

build_services() {
  local t0 log="$LOGS/build.log"
  t0=$(now)
  step build "build the services (./mvnw -q -DskipTests install)"
  if ! services_need_build; then
    info "service jars are newer than the sources: skipping the build"
    return 0
  fi
  info "building (log: $log) ..."
  if ! (cd "$ROOT" && ./mvnw -B -q -DskipTests install) >"$log" 2>&1; then
    fail "the Maven build failed" "$log"
  fi
  ok "built ($(elapsed "$t0"))"
}

# start_services: start every service that is not running, or whose jar is newer than its
# running process; then wait until each answers /q/health/ready with 200.
# Sets STARTED_SERVICES to the names of the services it (re)started.
STARTED_SERVICES=()
start_services() {
  local s name module port jar pid
  local -A deadline=()
  STARTED_SERVICES=()
  step services "start agreement, transparency, exercise, fusion, console"
  for s in "${SERVICES[@]}"; do
    name="$(svc_field "$s" 1)"; module="$(svc_field "$s" 2)"; port="$(svc_field "$s" 3)"
    jar="$(svc_jar "$module")"
    [[ -f "$jar" ]] || fail "$module: $jar does not exist (build it: 'deploy/local/stack up' builds; see $LOGS/build.log)" "$LOGS/build.log"
    pid="$(svc_pid "$name" "$module")"
    if [[ -n "$pid" && "$jar" -nt "$(pidfile "$name")" ]]; then
      info "$name: jar rebuilt since it started: restarting"
      stop_bg "$name" "$jar" 30
      pid=""
    fi
    if [[ -n "$pid" ]]; then
      info "$name: already running (pid $pid)"
    else
      if port_open "$port"; then
        fail "$name: port $port is already taken by another process ($(who_listens "$port"))"
      fi
      start_bg "$name" "$LOGS/$name.log" "$ROOT/$module" \
        java $SERVICE_JAVA_OPTS -Dquarkus.profile=dev -jar "$jar"
      STARTED_SERVICES+=("$name")
      info "$name: starting on port $port (log: $LOGS/$name.log)"
    fi
    deadline[$name]=$(( $(now) + SERVICE_READY_TIMEOUT ))
  done
  for s in "${SERVICES[@]}"; do
    name="$(svc_field "$s" 1)"; module="$(svc_field "$s" 2)"; port="$(svc_field "$s" 3)"
    STEP="service $name"
    pid="$(svc_pid "$name" "$module")"
    [[ -n "$pid" ]] || fail "$name exited right after start" "$LOGS/$name.log"
    wait_for "${deadline[$name]}" "$name: GET http://localhost:$port/q/health/ready = 200 (limit ${SERVICE_READY_TIMEOUT}s)" \
      "$LOGS/$name.log" "$pid" svc_ready "$port"
    ok "$name ready on http://localhost:$port (pid $pid)"
  done
}

# running_services: names of the services currently running (started by this stack).
running_services() {
  local s
  for s in "${SERVICES[@]}"; do
    [[ -n "$(svc_pid "$(svc_field "$s" 1)" "$(svc_field "$s" 2)")" ]] && svc_field "$s" 1
  done
  return 0
}

stop_service() {
  local s
  for s in "${SERVICES[@]}"; do
    if [[ "$(svc_field "$s" 1)" == "$1" ]]; then
      stop_bg "$1" "$(svc_jar "$(svc_field "$s" 2)")" 30
    fi
  done
}

stop_services() {
  local s
  for s in "${SERVICES[@]}"; do stop_service "$(svc_field "$s" 1)"; done
}

status_services() {
  local s name module port pid
  for s in "${SERVICES[@]}"; do
    name="$(svc_field "$s" 1)"; module="$(svc_field "$s" 2)"; port="$(svc_field "$s" 3)"
    pid="$(svc_pid "$name" "$module")"
    if [[ -n "$pid" ]] && svc_ready "$port"; then
      status_line "$name" ready "$pid" "http://localhost:$port"
    elif [[ -n "$pid" ]]; then
      status_line "$name" "not ready" "$pid" "http://localhost:$port"
    else
      status_line "$name" stopped "" "http://localhost:$port"
    fi
  done
}
