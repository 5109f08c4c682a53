--liquibase formatted sql

--changeset workready:20261125-20-evidence-details
--comment: НОК rows carry a certificate number (passed) or the commission's conclusion (failed); championships a place.
alter table evidence
    add column certificate_number text,
    add column conclusion         text,
    add column place              integer check (place >= 1);

--changeset workready:20261125-20-upload-resource
--comment: An upload is a resource with a status; rejected or failed uploads do not block a corrected re-upload.
alter table upload
    add column upload_kind     text    not null default 'ASSESSMENTS' check (upload_kind in ('ASSESSMENTS', 'STUDENTS')),
    add column status          text    not null default 'COMPLETED'
        check (status in ('PROCESSING', 'COMPLETED', 'REJECTED', 'FAILED')),
    add column format          text,
    add column encoding        text,
    add column byte_count      bigint  not null default 0,
    add column warnings        jsonb   not null default '[]',
    add column warning_count   integer not null default 0,
    add column problems        jsonb,
    add column problem_count   integer not null default 0,
    add column detail          text,
    add column student_count   integer not null default 0,
    add column finished_at     timestamptz;
alter table upload drop constraint upload_content_uk;
drop index upload_idempotency_key_uk;
create unique index upload_content_uk on upload (college_id, upload_kind, content_hash)
    where status in ('PROCESSING', 'COMPLETED');
create unique index upload_idempotency_key_uk on upload (college_id, idempotency_key)
    where idempotency_key is not null and status in ('PROCESSING', 'COMPLETED');
create index evidence_upload_idx on evidence (upload_id);

--changeset workready:20261125-20-stale-scores
--comment: Students whose stored scores predate their evidence; a job rescores them and removes the mark.
create table stale_score (
    student_id text        primary key references student (id),
    upload_id  bigint      not null references upload (id),
    since      timestamptz not null default now()
);

--changeset workready:20261125-20-student-names
--comment: Names are optional: a college may keep students pseudonymous.
alter table student
    add column last_name   text,
    add column first_name  text,
    add column middle_name text;
