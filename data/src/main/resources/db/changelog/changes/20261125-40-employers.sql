--liquibase formatted sql

--changeset workready:20261125-40-employers
--comment: Employers (работодатели) and their job profiles: labour functions (ТФ) with importance and must-have flags.
create table employer (
    id         bigint generated always as identity primary key,
    code       text        not null unique,
    name       text        not null,
    region     text        not null,
    created_at timestamptz not null default now()
);

create table job_profile (
    id          bigint generated always as identity primary key,
    employer_id bigint      not null references employer (id) on delete cascade,
    code        text        not null,
    name        text        not null,
    updated_at  timestamptz not null default now(),
    constraint job_profile_uk unique (employer_id, code)
);

create table job_profile_function (
    profile_id         bigint  not null references job_profile (id) on delete cascade,
    labour_function_id bigint  not null references labour_function (id),
    importance         integer not null check (importance between 1 and 5),
    must_have          boolean not null default false,
    min_level          text check (min_level in ('READY', 'PARTIALLY_READY')),
    primary key (profile_id, labour_function_id)
);

--changeset workready:20261125-40-demand
--comment: Declared demand (TOP-Region lists, forecasts): people needed per profile, ТФ or qualification (ОТФ), by region and year.
create table labour_demand (
    id                      bigint generated always as identity primary key,
    region                  text        not null,
    year                    integer     not null check (year between 2000 and 2100),
    profile_id              bigint references job_profile (id) on delete cascade,
    labour_function_id      bigint references labour_function (id),
    generalized_function_id bigint references generalized_function (id),
    needed                  integer     not null check (needed >= 0),
    source                  text,
    recorded_at             timestamptz not null default now(),
    check (num_nonnulls(profile_id, labour_function_id, generalized_function_id) = 1)
);
create unique index labour_demand_uk on labour_demand (region, year, coalesce(profile_id, 0),
    coalesce(labour_function_id, 0), coalesce(generalized_function_id, 0));

--changeset workready:20261125-40-consent
--comment: Consent to be visible to employers: history of decisions; student.employer_consent holds the latest.
create table employer_consent_event (
    id          bigint generated always as identity primary key,
    student_id  text        not null references student (id),
    consented   boolean     not null,
    decided_on  date        not null,
    recorded_at timestamptz not null default now()
);
create index employer_consent_event_student_idx on employer_consent_event (student_id);

--changeset workready:20261125-40-study-duration
--comment: Graduation year = intake year + ceil(study months / 12); 46 months (3 years 10 months) is the usual СПО term after 9 classes.
alter table programme add column study_months integer not null default 46 check (study_months between 6 and 72);
