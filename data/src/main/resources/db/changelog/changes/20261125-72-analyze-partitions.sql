--liquibase formatted sql

--changeset workready:20261125-72-analyze-partitions
--comment: The partitioning changesets (21, 31) rewrite evidence and readiness_score into new tables that have no
--comment: statistics until autovacuum gets to them; the first region rescoring after the upgrade took 79 s, the next
--comment: 27 s (PostgreSQL 15). Analysing here gives the planner real estimates from the first query on.
analyze evidence;
analyze readiness_score;
