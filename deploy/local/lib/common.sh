# shellcheck shell=bash
# Shared helpers of deploy/local/stack: messages, failures, background processes, polling.
# Sourced by the stack script; expects ROOT, STACK, LOGS, RUN to be set.

if [[ -t 1 ]]; then
  C_B=$'\e[1m'; C_G=$'\e[32m'; C_R=$'\e[31m'; C_Y=$'\e[33m'; C_0=$'\e[0m'
else
  C_B=''; C_G=''; C_R=''; C_Y=''; C_0=''
fi

STEP="stack"          # name of the step in progress, used in failure messages

step()  { STEP="$1"; printf '%s==> %s%s: %s\n' "$C_B" "$1" "$C_0" "${2:-}"; }
info()  { printf '    %s\n' "$*"; }
ok()    { printf '    %s%s%s\n' "$C_G" "$*" "$C_0"; }
warn()  { printf '    %swarning:%s %s\n' "$C_Y" "$C_0" "$*" >&2; }

# fail MESSAGE [LOGFILE]: print a clear failure naming the step and the log, then exit 1.
fail() {
  local msg="$1" log="${2:-}"
  printf '\n%sstack: step "%s" FAILED:%s %s\n' "$C_R" "$STEP" "$C_0" "$msg" >&2
  if [[ -n "$log" ]]; then
    printf '    log file: %s\n' "$log" >&2
    if [[ -s "$log" ]]; then
      printf '    ---- last 25 lines of %s ----\n' "$log" >&2
      tail -n 25 "$log" | sed 's/^/    | /' >&2
    fi
  fi
  exit 1
}

now() { date +%s; }
elapsed() { echo "$(( $(now) - $1 ))s"; }

need_cmd() { command -v "$1" >/dev/null 2>&1; }

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# who_listens PORT: best-effort description of the process listening on PORT.
who_listens() {
  if need_cmd ss; then
    ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n1
  fi
}

# http_code URL: the HTTP status code (000 when nothing answers).
http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

# ---- background processes (pid files under $RUN) ---------------------------------------

pidfile() { echo "$RUN/$1.pid"; }

# pid_of NAME: the pid recorded for NAME if that process is alive and is ours
# (its command line mentions MARKER, guarding against pid reuse); empty otherwise.
pid_of() {
  local name="$1" marker="$2" f pid
  f="$(pidfile "$name")"
  [[ -f "$f" ]] || return 0
  pid="$(cat "$f" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"; then
    echo "$pid"
  fi
}

# start_bg NAME LOGFILE WORKDIR CMD...: start CMD detached in its own session (so it survives
# this script and can be stopped as a process group), stdout+stderr to LOGFILE (the previous
# log is kept as LOGFILE.prev), pid to $RUN/NAME.pid.
start_bg() {
  local name="$1" log="$2" dir="$3"; shift 3
  mkdir -p "$(dirname "$log")" "$RUN"
  [[ -f "$log" ]] && mv -f "$log" "$log.prev"
  : >"$log"
  # fd 9 is the stack lock: the long-running child must not inherit (and hold) it.
  ( exec 9>&- && cd "$dir" && exec setsid "$@" >>"$log" 2>&1 </dev/null ) &
  echo $! >"$(pidfile "$name")"
}

# stop_bg NAME MARKER [TIMEOUT]: SIGTERM the process group we started, wait, SIGKILL if needed.
stop_bg() {
  local name="$1" marker="$2" timeout="${3:-30}" pid t
  pid="$(pid_of "$name" "$marker")"
  if [[ -z "$pid" ]]; then
    rm -f "$(pidfile "$name")"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((t = 0; t < timeout * 5; t++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within ${timeout}s after SIGTERM; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pidfile "$name")"
  info "$name stopped (pid $pid)"
}

# wait_for DEADLINE_EPOCH WHAT LOGFILE PID CHECK...: poll CHECK (a command) every second until
# it succeeds; fail when the process PID died or the deadline passed. Never a fixed sleep.
wait_for() {
  local deadline="$1" what="$2" log="$3" pid="$4"; shift 4
  while true; do
    if "$@"; then return 0; fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      fail "$what: the process (pid $pid) exited before becoming ready" "$log"
    fi
    if (( $(now) >= deadline )); then
      fail "$what: not ready within the time limit" "$log"
    fi
    sleep 1
  done
}

# ---- lock: one stack command changing state at a time ------------------------------------
# The lock is fd 9 on $RUN/stack.lock. Every long-lived child (PostgreSQL via pg_ctlcluster,
# Kafka, Keycloak, services) is started with fd 9 closed (9>&-), or it would hold the lock.

lock_stack() {
  mkdir -p "$RUN"
  exec 9>"$RUN/stack.lock"
  if ! flock -n 9; then
    info "another 'stack' command is changing the stack; waiting for it (up to 15 min)..."
    flock -w 900 9 || fail "could not get the stack lock $RUN/stack.lock"
  fi
}
unlock_stack() { flock -u 9 2>/dev/null || true; }

# ---- Maven -------------------------------------------------------------------------------

# fetch_with_maven WHAT POM LOG: run the packaging pom that copies/unpacks into $STACK.
fetch_with_maven() {
  local what="$1" pom="$2" log="$3"
  info "fetching $what from Maven Central (first run only; log: $log)"
  if ! (cd "$ROOT" && ./mvnw -B -f "$pom" package -Dstack.dir="$STACK") >"$log" 2>&1; then
    fail "fetching $what with Maven failed" "$log"
  fi
}
