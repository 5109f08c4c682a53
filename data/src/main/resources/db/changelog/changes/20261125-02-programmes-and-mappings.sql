--liquibase formatted sql

--changeset workready:20261125-02-colleges-programmes
--comment: Colleges, their educational programmes (ФГОС СПО), kinds of activity and outcomes (ПК, ОК).
create table college (
    id     bigint generated always as identity primary key,
    code   text not null unique,
    name   text not null,
    region text not null
);

create table programme (
    id                  bigint generated always as identity primary key,
    college_id          bigint  not null references college (id),
    fgos_code           text    not null,
    name                text    not null,
    qualification       text    not null,
    qualification_level integer not null,
    intake_year         integer not null,
    constraint programme_uk unique (college_id, fgos_code, intake_year)
);

create table activity_kind (
    id           bigint generated always as identity primary key,
    programme_id bigint not null references programme (id) on delete cascade,
    code         text   not null,
    module_code  text,
    name         text   not null,
    constraint activity_kind_uk unique (programme_id, code)
);

create table outcome (
    id               bigint generated always as identity primary key,
    programme_id     bigint not null references programme (id) on delete cascade,
    activity_kind_id bigint references activity_kind (id) on delete cascade,
    code             text   not null,
    kind             text   not null check (kind in ('PROFESSIONAL', 'GENERAL', 'EXPERIENCE', 'SKILL', 'KNOWLEDGE')),
    name             text   not null,
    constraint outcome_uk unique (programme_id, code)
);

--changeset workready:20261125-02-mappings
--comment: Versioned mapping sets: programme outcome → labour function (or one of its elements).
create table mapping_set (
    id           bigint generated always as identity primary key,
    programme_id bigint      not null references programme (id) on delete cascade,
    standard_id  bigint      not null references professional_standard (id),
    version      integer     not null,
    author       text        not null,
    created_at   timestamptz not null default now(),
    is_active    boolean     not null default true,
    constraint mapping_set_uk unique (programme_id, standard_id, version)
);

create table mapping (
    id                 bigint generated always as identity primary key,
    mapping_set_id     bigint       not null references mapping_set (id) on delete cascade,
    outcome_id         bigint       not null references outcome (id),
    labour_function_id bigint       not null references labour_function (id),
    element_id         bigint references function_element (id),
    type               text         not null check (type in ('EXACT', 'PART_OF', 'RELATED')),
    weight             numeric(4, 3) not null check (weight > 0 and weight <= 1),
    critical           boolean      not null default false,
    check (type <> 'RELATED' or weight <= 0.5)
);
create unique index mapping_uk on mapping (mapping_set_id, outcome_id, labour_function_id, coalesce(element_id, 0));
