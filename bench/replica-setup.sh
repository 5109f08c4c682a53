#!/usr/bin/env bash
# A streaming hot standby of the local PostgreSQL 15 cluster "15 main" (port 5432) as cluster
# "15 replica" on port 5433, made with pg_basebackup -R (physical streaming replication: every
# database of the primary, read-only, a few milliseconds behind). Idempotent; run as root.
# Usage: bench/replica-setup.sh [start|stop|drop|status]   (default start)
# The app then routes read-only transactions to it with
#   --workready.replica.url=jdbc:postgresql://localhost:5433/<db> (see docs/operations.md).
set -euo pipefail
action=${1:-start}
port=${REPLICA_PORT:-5433}
data=/var/lib/postgresql/15/replica
case $action in
  stop) pg_ctlcluster 15 replica stop; exit 0 ;;
  drop) pg_dropcluster --stop 15 replica; exit 0 ;;
  status) pg_lsclusters; su postgres -c "psql -p $port -tAc 'select pg_is_in_recovery(), now() - pg_last_xact_replay_timestamp()'"; exit 0 ;;
esac
pg_ctlcluster 15 main start 2>/dev/null || true
streaming() { # the primary sees the standby streaming (not stuck behind WAL the primary has recycled)
  su postgres -c "psql -p 5432 -tAc \"select count(*) from pg_stat_replication where state = 'streaming'\"" 2>/dev/null | grep -qv '^0$'
}
if pg_lsclusters | grep -qE '^15 +replica '; then
  # A replica that was down for long may need WAL the primary no longer has (no slot keeps it):
  # it then never catches up, so make it again from a fresh base backup.
  pg_ctlcluster 15 replica start 2>/dev/null || true
  for _ in $(seq 1 10); do streaming && break; sleep 1; done
  if ! streaming; then
    echo "replica is not streaming (behind recycled WAL?): making it again"
    pg_dropcluster --stop 15 replica
  fi
fi
if ! pg_lsclusters | grep -qE '^15 +replica '; then
  pg_createcluster 15 replica -p "$port" >/dev/null
  rm -rf "${data:?}"/*
  # Local peer authentication as postgres; -R writes standby.signal and primary_conninfo.
  su postgres -c "pg_basebackup -h /var/run/postgresql -p 5432 -D $data -R -X stream -c fast"
  # A standby may run long reports: cancel them rather than block replay for more than 30 s.
  echo "max_standby_streaming_delay = 30s" >> /etc/postgresql/15/replica/conf.d/standby.conf
  echo "hot_standby_feedback = on" >> /etc/postgresql/15/replica/conf.d/standby.conf
fi
pg_ctlcluster 15 replica start 2>/dev/null || true
for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -tAc 'select pg_is_in_recovery()'" 2>/dev/null | grep -q t; then
    echo "replica on port $port: in recovery, streaming from 15 main"
    su postgres -c "psql -p 5432 -tAc \"select client_addr, state, sync_state, replay_lag from pg_stat_replication\""
    exit 0
  fi
  sleep 1
done
echo "replica did not come up; see /var/log/postgresql/postgresql-15-replica.log"; exit 1
