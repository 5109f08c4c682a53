--liquibase formatted sql

--changeset workready:20261125-30-rule-sets
--comment: Rule sets as data: DRL + parameters + test cases, named and versioned; activations per scope (history = rollback).
create table rule_set_version (
    id          bigint generated always as identity primary key,
    name        text        not null check (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    version     integer     not null check (version >= 1),
    description text,
    source      text        not null check (source in ('SHIPPED', 'UPLOADED')),
    kbase       text,
    drl         jsonb       not null,
    parameters  jsonb       not null default '{}',
    test_cases  jsonb       not null default '[]',
    created_at  timestamptz not null default now(),
    constraint rule_set_version_uk unique (name, version)
);

create table rule_set_activation (
    id                  bigint generated always as identity primary key,
    scope_kind          text        not null check (scope_kind in ('DEFAULT', 'REGION', 'COLLEGE')),
    scope_code          text        not null,
    rule_set_version_id bigint references rule_set_version (id), -- null: the scope's own rule set was removed
    activated_at        timestamptz not null default now()
);
create index rule_set_activation_scope_idx on rule_set_activation (scope_kind, scope_code, id desc);

--changeset workready:20261125-30-rescore-jobs
--comment: Background rescoring jobs: scope, progress and outcome.
create table rescore_job (
    id          bigint generated always as identity primary key,
    scope_kind  text        not null check (scope_kind in ('COLLEGE', 'REGION')),
    scope_code  text        not null,
    status      text        not null check (status in ('RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
    total       integer     not null default 0,
    done        integer     not null default 0,
    scores      bigint      not null default 0,
    error       text,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);
