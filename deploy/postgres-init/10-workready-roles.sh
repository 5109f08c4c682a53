#!/bin/sh
# Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d): the roles of
# docs/operations.md "Database roles". The app connects as workready_app (no attributes, owns neither the
# database nor the schema); Liquibase runs as workready_migrate, which owns the database and may act as
# both roles, so roles/ownership.sql can hand the tables to workready_app and the audit log to workready_audit.
set -eu
: "${WORKREADY_APP_PASSWORD:?set it in .env}"
: "${WORKREADY_MIGRATE_PASSWORD:?set it in .env}"
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
     -v app_password="$WORKREADY_APP_PASSWORD" -v migrate_password="$WORKREADY_MIGRATE_PASSWORD" \
     -v database="${WORKREADY_DATABASE:-workready}" <<'SQL'
CREATE ROLE workready_audit NOLOGIN;
CREATE ROLE workready_app LOGIN PASSWORD :'app_password';
CREATE ROLE workready_migrate LOGIN PASSWORD :'migrate_password' IN ROLE workready_app, workready_audit;
CREATE DATABASE :"database" OWNER workready_migrate;
SQL
