--liquibase formatted sql

--changeset workready:20261205-10-upload-heartbeat
--comment: Uploads in progress live in the database, not in a node's memory: the node that runs one records itself
--comment: (node_id), beats every few seconds (heartbeat_at, with the rows read so far) from the application's clock.
--comment: Any node marks a processing upload whose heartbeat stopped FAILED after workready.uploads.heartbeat-timeout;
--comment: its transaction died with its node, so nothing of it was stored.
alter table upload add column node_id text;
alter table upload add column heartbeat_at timestamptz;
alter table upload add column rows_read bigint not null default 0;
create index upload_processing_idx on upload (heartbeat_at) where status = 'PROCESSING';
