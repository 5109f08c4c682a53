--liquibase formatted sql

--changeset workready:20261125-71-rescore-job-heartbeat
--comment: A running job touches its heartbeat with every batch. A job whose node died (kill -9, power loss) stops
--comment: beating; a sweep on every node then ends it FAILED, so no job stays RUNNING forever.
alter table rescore_job add column heartbeat_at timestamptz not null default now();
