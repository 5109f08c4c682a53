#!/usr/bin/env bash
# What a student's evidence read costs as large uploads add partitions under a college partition
# (issue 5): the evidence schema's shape (16 hash partitions by college, each by list of segment,
# B-tree on student_id in "C"), one college with 1,000,000 shared rows of 20,000 students, then
# 0, 10, 40 upload partitions of 100,000 rows each. pgbench runs the history read by a random
# student for 10 s per step (1 client, prepared). Needs psql and pgbench on PATH and a server:
#   PGURL=postgresql://postgres:postgres@localhost/postgres bench/upload-partitions-reads.sh
set -euo pipefail
PGURL="${PGURL:-postgresql://postgres:postgres@localhost/postgres}"
DB=upload_partitions_bench
psql "$PGURL" -q -c "drop database if exists $DB" -c "create database $DB"
URL="${PGURL%/*}/$DB"
trap 'psql "$PGURL" -q -c "drop database if exists $DB"' EXIT
psql "$URL" -q -v ON_ERROR_STOP=1 <<'SQL'
create table ev (id bigserial, college_id bigint not null, upload_id bigint not null, student_id text collate "C" not null,
                 kind text not null, grade smallint, assessed_on date not null, segment bigint not null default 0)
    partition by hash (college_id);
do $$ begin
  for r in 0..15 loop
    execute format('create table ev_p%s partition of ev for values with (modulus 16, remainder %s) partition by list (segment)', r, r);
    execute format('create table ev_p%s_shared partition of ev_p%s for values in (0)', r, r);
  end loop;
end $$;
create index on ev (student_id);
insert into ev (college_id, upload_id, student_id, kind, grade, assessed_on)
select 7, 1, 'B' || lpad((1 + (g::bigint * 7919) % 20000)::text, 6, '0'), 'COURSE_GRADE', 2 + g % 4, date '2025-09-01' + g % 300
from generate_series(1, 1000000) g;
vacuum analyze ev;
SQL
PART=$(psql "$URL" -tA -c "select tableoid::regclass from ev where college_id = 7 limit 1" | sed 's/_shared$//')
cat > /tmp/upload-partitions-read.sql <<'SQL'
\set s random(1, 20000)
select id, kind, grade, assessed_on from ev where college_id = 7 and student_id = 'B' || lpad(:s::text, 6, '0') order by id;
SQL
have=0
for want in 0 10 40; do
  while [ "$have" -lt "$want" ]; do
    have=$((have + 1)); u=$((1000 + have))
    psql "$URL" -q -v ON_ERROR_STOP=1 <<SQL
begin;
create table ${PART}_upload_$u (like $PART including defaults);
alter table ${PART}_upload_$u alter column segment set default $u;
insert into ${PART}_upload_$u (college_id, upload_id, student_id, kind, grade, assessed_on)
select 7, $u, 'B' || lpad((1 + (g::bigint * 104729 + $u) % 20000)::text, 6, '0'), 'MODULE_EXAM', 2 + g % 4, date '2026-01-10'
from generate_series(1, 100000) g;
create index on ${PART}_upload_$u (student_id);
alter table $PART attach partition ${PART}_upload_$u for values in ($u);
commit;
analyze ${PART}_upload_$u;
SQL
  done
  printf 'upload partitions: %-3s ' "$want"
  pgbench -n -M prepared -c 1 -T 10 -f /tmp/upload-partitions-read.sql "$URL" 2>/dev/null \
    | grep -E "^(latency average|tps)" | tr '\n' ' ' | sed 's/(without initial connection time)//'
  echo
done
