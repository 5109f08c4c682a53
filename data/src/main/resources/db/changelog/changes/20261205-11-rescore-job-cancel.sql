--liquibase formatted sql

--changeset workready:20261205-11-rescore-job-cancel
--comment: A rescoring job is cancelled through the database: any node sets the flag, the node running the job reads
--comment: it with every batch's progress and stops between batches.
alter table rescore_job add column cancel_requested boolean not null default false;
