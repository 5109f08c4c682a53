--liquibase formatted sql

--changeset workready:20261125-01-standards
--comment: Professional standards (ПС) as published by the Ministry of Labour; editions side by side.
create table professional_standard (
    id                  bigint generated always as identity primary key,
    code                text        not null,
    name                text        not null,
    registration_number text,
    order_number        text        not null,
    approval_date       date        not null,
    activity_kind       text,
    is_current          boolean     not null default false,
    content_hash        text        not null,
    imported_at         timestamptz not null default now(),
    constraint professional_standard_edition_uk unique (code, order_number, approval_date)
);

create table generalized_function (
    id                  bigint generated always as identity primary key,
    standard_id         bigint  not null references professional_standard (id) on delete cascade,
    code                text    not null,
    name                text    not null,
    qualification_level integer not null,
    job_titles          text[]  not null default '{}',
    constraint generalized_function_uk unique (standard_id, code)
);

create table labour_function (
    id                      bigint generated always as identity primary key,
    standard_id             bigint  not null references professional_standard (id) on delete cascade,
    generalized_function_id bigint  not null references generalized_function (id) on delete cascade,
    code                    text    not null,
    name                    text    not null,
    sub_level               integer not null,
    constraint labour_function_uk unique (standard_id, code)
);
create index labour_function_gf_idx on labour_function (generalized_function_id);

create table function_element (
    id                 bigint generated always as identity primary key,
    labour_function_id bigint  not null references labour_function (id) on delete cascade,
    kind               text    not null check (kind in ('LABOUR_ACTION', 'REQUIRED_SKILL', 'REQUIRED_KNOWLEDGE')),
    position           integer not null,
    text               text    not null,
    constraint function_element_uk unique (labour_function_id, kind, position)
);
