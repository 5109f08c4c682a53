--liquibase formatted sql

--changeset workready:20261125-03-students
--comment: Students are pseudonymous: the college's own id, no names required.
create table student (
    id               text   primary key,
    college_id       bigint not null references college (id),
    programme_id     bigint not null references programme (id),
    group_code       text,
    employer_consent boolean not null default false,
    consent_date     date
);
create index student_college_idx on student (college_id);

--changeset workready:20261125-03-evidence
--comment: Uploads and evidence. Evidence is append-only: corrections are new rows.
create table upload (
    id              bigint generated always as identity primary key,
    college_id      bigint      not null references college (id),
    content_hash    text        not null,
    idempotency_key text,
    file_name       text,
    row_count       integer     not null,
    counts_by_kind  jsonb       not null default '{}',
    created_at      timestamptz not null default now(),
    constraint upload_content_uk unique (college_id, content_hash)
);
create unique index upload_idempotency_key_uk on upload (college_id, idempotency_key) where idempotency_key is not null;

create table evidence (
    id                        bigint generated always as identity primary key,
    upload_id                 bigint      not null references upload (id),
    row_number                integer     not null,
    student_id                text        not null references student (id),
    outcome_id                bigint references outcome (id),
    standard_code             text,
    generalized_function_code text,
    kind                      text        not null check (kind in ('COURSE_GRADE', 'EMPLOYER_PRACTICE', 'MODULE_EXAM',
                                                               'DEMO_EXAM', 'CHAMPIONSHIP', 'INDEPENDENT_ASSESSMENT')),
    grade                     smallint check (grade between 2 and 5),
    points                    numeric,
    max_points                numeric check (max_points > 0),
    passed                    boolean,
    assessed_on               date        not null,
    attempt                   integer     not null default 1 check (attempt >= 1),
    assessor                  text,
    comment                   text,
    recorded_at               timestamptz not null default now(),
    check (outcome_id is not null or generalized_function_code is not null),
    check (grade is not null or points is not null or passed is not null)
);
create index evidence_student_idx on evidence (student_id);

--changeset workready:20261125-03-evidence-append-only splitStatements:false
create function evidence_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'evidence is append-only: add a correcting row instead of %', tg_op;
end;
$$;
create trigger evidence_append_only before update or delete on evidence
    for each row execute function evidence_is_append_only();
