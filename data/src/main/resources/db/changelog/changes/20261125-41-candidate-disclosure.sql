--liquibase formatted sql

--changeset workready:20261125-41-candidate-disclosure
--comment: Audit of personal data shown to employers: which consenting student was listed to which employer, when.
create table candidate_disclosure (
    id           bigint generated always as identity primary key,
    employer_id  bigint      not null references employer (id) on delete cascade,
    profile_id   bigint      not null references job_profile (id) on delete cascade,
    student_id   text        not null references student (id),
    disclosed_at timestamptz not null default now()
);
create index candidate_disclosure_student_idx on candidate_disclosure (student_id);
