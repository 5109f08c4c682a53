--liquibase formatted sql

--changeset workready:20261125-60-organisations
--comment: Organisations that hold API keys. A college organisation is bound to its college (tenancy).
create table organisation (
    id         bigint generated always as identity primary key,
    code       text        not null unique,
    name       text        not null,
    kind       text        not null check (kind in ('COLLEGE', 'EMPLOYER', 'REGION', 'OPERATOR')),
    college_id bigint references college (id),
    created_at timestamptz not null default now(),
    check ((kind = 'COLLEGE') = (college_id is not null))
);

--changeset workready:20261125-60-api-keys
--comment: API keys, stored only as SHA-256 of a 256-bit random secret; revoked by stamping, never deleted.
create table api_key (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint      not null references organisation (id),
    role                text        not null check (role in ('COLLEGE', 'EMPLOYER', 'CURRICULUM_DESIGNER', 'ADMIN')),
    name                text        not null,
    prefix              text        not null,
    key_hash            text        not null unique,
    requests_per_minute integer check (requests_per_minute > 0),
    created_at          timestamptz not null default now(),
    created_by          bigint references api_key (id),
    expires_at          timestamptz,
    revoked_at          timestamptz
);
create index api_key_organisation_idx on api_key (organisation_id);

--changeset workready:20261125-60-audit splitStatements:false
--comment: Append-only audit log of reads of personal data, report downloads and uploads.
create table audit_event (
    id                bigint generated always as identity primary key,
    at                timestamptz not null default now(),
    key_id            bigint      references api_key (id),
    organisation_code text        not null,
    role              text        not null,
    action            text        not null,
    subject_kind      text        not null,
    subject_id        text        not null,
    http_method       text        not null,
    path              text        not null,
    status            integer     not null
);
create index audit_event_subject_idx on audit_event (subject_kind, subject_id);
create index audit_event_at_idx on audit_event (at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (%)', tg_op;
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
