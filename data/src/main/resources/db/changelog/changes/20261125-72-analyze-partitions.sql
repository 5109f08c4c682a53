--liquibase formatted sql

--changeset workready:20261125-72-analyze-partitions
--comment: The partitioning changesets (21, 31) rewrite evidence and readiness_score; without fresh statistics the
--comment: first rescoring after the upgrade ran on default estimates (a region took 79 s instead of 27 s on
--comment: PostgreSQL 15). Autovacuum would catch up later; analysing here makes the first hour after the upgrade normal.
analyze evidence;
analyze readiness_score;
