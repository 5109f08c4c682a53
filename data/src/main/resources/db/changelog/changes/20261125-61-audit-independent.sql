--liquibase formatted sql

--changeset workready:20261125-61-audit-independent
--comment: The audit log outlives what it names: no foreign key to api_key, so that truncating or cleaning
--comment: other tables never cascades into (and is never blocked by) the append-only audit_event.
alter table audit_event drop constraint audit_event_key_id_fkey;
