# Sourced by the benches that run against the machine's PostgreSQL 15 (pg_ctlcluster, as root):
# pg15_database NAME starts the server if it is down, makes the database NAME anew, points the app at it
# (SPRING_DATASOURCE_*) and sets PG15_PID_FILE, the postmaster.pid under which the benches read the server's CPU.
pg15_database() {
    local db="$1"
    pg_lsclusters | grep -q '^15 *main.*online' || pg_ctlcluster 15 main start
    su postgres -c "psql -q -c \"alter user postgres password 'postgres'\""
    su postgres -c "psql -q -c 'drop database if exists $db' -c 'create database $db'"
    export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:5432/$db" SPRING_DATASOURCE_USERNAME=postgres \
           SPRING_DATASOURCE_PASSWORD=postgres WORKREADY_DATABASE_ROLE_CHECK=false
    PG15_PID_FILE="$(pg_conftool -s 15 main show data_directory)/postmaster.pid"
}
