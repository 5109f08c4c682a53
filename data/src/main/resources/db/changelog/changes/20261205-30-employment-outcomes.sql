--liquibase formatted sql

--changeset workready:20261205-30-employment-outcomes
--comment: Issue 22. Graduates' employment observations (6, 12, 24 months after graduation …), uploaded by colleges through
--comment: the same upload path as results (upload_kind EMPLOYMENT). in_specialty is as given, or derived from the ОКЗ /
--comment: ОКПДТР codes of the standards the student's programme is mapped to (in_specialty_basis says which); null for
--comment: statuses that are not work, or when nothing tells. A correction is a newer observation or upload: for one
--comment: student and day the latest upload counts. Rows go with their student or upload (on delete cascade).
alter table upload drop constraint if exists upload_upload_kind_check;
alter table upload add constraint upload_upload_kind_check
    check (upload_kind in ('ASSESSMENTS', 'STUDENTS', 'EMPLOYMENT'));

create table employment_record (
    id                 bigint generated always as identity primary key,
    upload_id          bigint      not null references upload (id) on delete cascade,
    college_id         bigint      not null references college (id),
    student_id         text        not null references student (id) on delete cascade,
    row_number         integer     not null,
    observed_on        date        not null,
    status             text        not null check (status in ('EMPLOYED', 'SELF_EMPLOYED', 'CONTINUING_EDUCATION',
                                                              'ARMY', 'PARENTAL_LEAVE', 'UNEMPLOYED', 'UNKNOWN')),
    employer           text,
    region             text,
    okz_code           text check (okz_code ~ '^[0-9]{1,4}$'),
    okpdtr_code        text check (okpdtr_code ~ '^[0-9]{5}$'),
    in_specialty       boolean,
    in_specialty_basis text        not null check (in_specialty_basis in ('GIVEN', 'OKZ', 'OKPDTR', 'NONE')),
    source             text        not null check (source in ('COLLEGE_SURVEY', 'EMPLOYER', 'OFFICIAL')),
    recorded_at        timestamptz not null default now(),
    check (in_specialty is null or status in ('EMPLOYED', 'SELF_EMPLOYED'))
);
create index employment_record_student_idx on employment_record (student_id, observed_on);
create index employment_record_college_idx on employment_record (college_id);
create index employment_record_upload_idx on employment_record (upload_id);
