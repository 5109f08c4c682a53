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
    add column students        jsonb   not null default '[]',
    add column finished_at     timestamptz;
alter table upload drop constraint upload_content_uk;
drop index upload_idempotency_key_uk;
create unique index upload_content_uk on upload (college_id, upload_kind, content_hash)
    where status in ('PROCESSING', 'COMPLETED');
create unique index upload_idempotency_key_uk on upload (college_id, idempotency_key)
    where idempotency_key is not null and status in ('PROCESSING', 'COMPLETED');

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

--changeset workready:20261125-20-evidence-bulk-integrity splitStatements:false
--comment: Evidence is written only by the upload path, which checks student, outcome and upload by joins over
--comment: the whole file in the same transaction. Per-row foreign-key triggers cost more than the rest of the
--comment: ingestion together (docs/benchmarks-issue5.md), so the parents' side guards integrity instead: a student
--comment: or outcome with evidence cannot be deleted.
alter table evidence drop constraint evidence_upload_id_fkey;
alter table evidence drop constraint evidence_student_id_fkey;
alter table evidence drop constraint evidence_outcome_id_fkey;
create function evidence_parent_in_use() returns trigger language plpgsql as $$
begin
    if (tg_table_name = 'student' and exists (select 1 from evidence where student_id = old.id))
       or (tg_table_name = 'outcome' and exists (select 1 from evidence where outcome_id = old.id))
       or (tg_table_name = 'upload' and exists (select 1 from evidence where upload_id = old.id)) then
        raise exception '% % has evidence and cannot be deleted (evidence is append-only)', tg_table_name, old.id
            using errcode = 'foreign_key_violation';
    end if;
    return old;
end;
$$;
create trigger student_evidence_guard before delete on student
    for each row execute function evidence_parent_in_use();
create trigger outcome_evidence_guard before delete on outcome
    for each row execute function evidence_parent_in_use();
create trigger upload_evidence_guard before delete on upload
    for each row execute function evidence_parent_in_use();
