# shellcheck shell=bash
# Debian's chromium for the console's browser tests (system-tests, Playwright for Java driving
# /usr/bin/chromium; Playwright downloads no browser of its own). Installed with apt-get like PostgreSQL.

CHROMIUM_BIN=/usr/bin/chromium

ensure_chromium() {
  local log="$LOGS/chromium-install.log"
  step chromium "ensure Debian's chromium for the browser tests ($CHROMIUM_BIN)"
  if [[ ! -x "$CHROMIUM_BIN" ]]; then
    info "chromium is not installed: apt-get install -y chromium (log: $log)"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } >"$log" 2>&1 9>&- \
      || fail "installing chromium with apt-get failed" "$log"
  fi
  ok "$("$CHROMIUM_BIN" --version 2>/dev/null || echo chromium) at $CHROMIUM_BIN"
}
