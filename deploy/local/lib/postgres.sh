# shellcheck shell=bash
# PostgreSQL of the local stack: the Debian cluster "main" (root cannot run postgres itself),
# managed with pg_ctlcluster. One role + database per service, plus a *_test database each.

PG_PORT=5432
PG_SERVICES=(agreement transparency exercise fusion)

# pg_version: major version of the Debian cluster "main" (highest if several), else of the
# newest installed server binaries; empty when PostgreSQL is not installed.
pg_version() {
  local v=""
  if need_cmd pg_lsclusters; then
    v="$(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" {print $1}' | sort -n | tail -n1)"
  fi
  if [[ -z "$v" && -d /usr/lib/postgresql ]]; then
    v="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n1)"
  fi
  echo "$v"
}

pg_online() { [[ "$(pg_lsclusters -h 2>/dev/null | awk -v v="$1" '$1 == v && $2 == "main" {print $4}')" == online ]]; }

pg_log() { echo "/var/log/postgresql/postgresql-$(pg_version)-main.log"; }


pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }

ensure_postgres() {
  local t0 v log
  t0=$(now)
  step postgres "ensure PostgreSQL on 127.0.0.1:$PG_PORT"
  if ! need_cmd pg_ctlcluster; then
    log="$LOGS/postgres-install.log"
    info "PostgreSQL is not installed: apt-get install -y postgresql (log: $log)"
    # 9>&-: the package scripts may start the cluster; it must not inherit the stack lock.
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } >"$log" 2>&1 9>&- \
      || fail "installing PostgreSQL with apt-get failed" "$log"
  fi
  v="$(pg_version)"
  [[ -n "$v" ]] || fail "no PostgreSQL server version found under /usr/lib/postgresql"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$v main"; then
    info "creating cluster $v/main"
    pg_createcluster "$v" main -p "$PG_PORT" >"$LOGS/postgres-createcluster.log" 2>&1 9>&- \
      || fail "pg_createcluster $v main failed" "$LOGS/postgres-createcluster.log"
  fi
  local cport
  cport="$(pg_lsclusters -h | awk -v v="$v" '$1 == v && $2 == "main" {print $3}')"
  [[ "$cport" == "$PG_PORT" ]] || fail "cluster $v/main is configured for port $cport, expected $PG_PORT (see /etc/postgresql/$v/main/postgresql.conf)"
  log="$(pg_log)"

  ensure_pg_hba "$v"

  if ! pg_online "$v"; then
    if port_open "$PG_PORT"; then
      fail "port $PG_PORT is taken by another process ($(who_listens $PG_PORT)); cluster $v/main cannot start"
    fi
    info "starting cluster $v/main (pg_ctlcluster $v main start)"
    pg_ctlcluster "$v" main start >"$LOGS/postgres-start.log" 2>&1 9>&- \
      || fail "pg_ctlcluster $v main start failed (also see $(pg_log))" "$LOGS/postgres-start.log"
  fi
  wait_for $(( $(now) + 60 )) "PostgreSQL on 127.0.0.1:$PG_PORT" "$log" "" pg_ready

  provision_databases || fail "creating the mdcoop roles and databases failed" "$log"

  # Real check: every service role can log in over TCP with its scram password.
  local s db
  for s in "${PG_SERVICES[@]}"; do
    for db in "$s" "${s}_test"; do
      PGPASSWORD="$s" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$s" -d "$db" -tAc 'select 1' >/dev/null 2>&1 \
        || fail "login as role $s to database $db on 127.0.0.1:$PG_PORT failed" "$log"
    done
  done
  ok "PostgreSQL $v ready: databases ${PG_SERVICES[*]} (+ *_test), password = role name ($(elapsed "$t0"))"
}

# Debian's default pg_hba.conf already has "host all all 127.0.0.1/32 scram-sha-256";
# add it (and reload) only if it is missing.
ensure_pg_hba() {
  local v="$1" hba="/etc/postgresql/$1/main/pg_hba.conf"
  [[ -f "$hba" ]] || return 0
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+scram-sha-256' "$hba"; then
    info "adding 'host all all 127.0.0.1/32 scram-sha-256' to $hba"
    printf '\n# added by mdcoop deploy/local/stack\nhost    all    all    127.0.0.1/32    scram-sha-256\n' >>"$hba"
    pg_online "$v" && pg_ctlcluster "$v" main reload >/dev/null 2>&1 9>&- || true
  fi
}

provision_databases() {
  local sql="SET password_encryption = 'scram-sha-256';"$'\n' s db
  for s in "${PG_SERVICES[@]}"; do
    sql+="DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$s') THEN CREATE ROLE \"$s\" LOGIN; END IF; END \$\$;"$'\n'
    sql+="ALTER ROLE \"$s\" WITH LOGIN PASSWORD '$s';"$'\n'
    for db in "$s" "${s}_test"; do
      sql+="SELECT 'CREATE DATABASE \"$db\" OWNER \"$s\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\\gexec"$'\n'
      sql+="ALTER DATABASE \"$db\" OWNER TO \"$s\";"$'\n'
    done
  done
  printf '%s' "$sql" | su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -d postgres" >/dev/null
}

drop_databases() {
  local sql="" s db
  for s in "${PG_SERVICES[@]}"; do
    for db in "$s" "${s}_test"; do
      sql+="DROP DATABASE IF EXISTS \"$db\" WITH (FORCE);"$'\n'
    done
    sql+="DROP ROLE IF EXISTS \"$s\";"$'\n'
  done
  printf '%s' "$sql" | su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT -d postgres"
}

stop_postgres() {
  local v
  need_cmd pg_ctlcluster || return 0
  v="$(pg_version)"
  [[ -n "$v" ]] || return 0
  if pg_online "$v"; then
    pg_ctlcluster "$v" main stop && info "PostgreSQL $v/main stopped"
  fi
}

status_postgres() {
  local v
  if ! need_cmd pg_ctlcluster; then status_line postgres "not installed" "" ""; return; fi
  v="$(pg_version)"
  if pg_online "$v" && pg_ready; then
    status_line postgres "ready" "$(head -n1 "/var/lib/postgresql/$v/main/postmaster.pid" 2>/dev/null)" "127.0.0.1:$PG_PORT (cluster $v/main)"
  elif pg_online "$v"; then
    status_line postgres "starting" "" "127.0.0.1:$PG_PORT (cluster $v/main)"
  else
    status_line postgres "stopped" "" "127.0.0.1:$PG_PORT (cluster $v/main)"
  fi
}
