--liquibase formatted sql

--changeset workready:20261205-40-expertise
--comment: Issue 21. Employer expertise (экспертиза) of one mapping version: the experts asked, their decisions per
--comment: mapping row (append-only: the latest row per expert and mapping is the decision in force, earlier ones are its
--comment: history), proposed missing rows and comments on uncovered ТФ, and the college's answer. Whether an expertise
--comment: has ended is not stored: it is decided on read from the clock (deadline) and the experts' submissions.
create table expertise (
    id                bigint generated always as identity primary key,
    mapping_set_id    bigint      not null references mapping_set (id) on delete cascade,
    submitted_by      text        not null,
    submitted_by_role text        not null,
    submitted_at      timestamptz not null,
    deadline          timestamptz not null,
    min_agreements    integer     not null default 1 check (min_agreements >= 1),
    note              text,
    check (deadline > submitted_at)
);
create index expertise_mapping_set_idx on expertise (mapping_set_id);

create table expertise_expert (
    expertise_id    bigint      not null references expertise (id) on delete cascade,
    organisation_id bigint      not null references organisation (id),
    submitted_at    timestamptz,
    primary key (expertise_id, organisation_id)
);
create index expertise_expert_organisation_idx on expertise_expert (organisation_id);

create table expertise_decision (
    id                bigint generated always as identity primary key,
    expertise_id      bigint      not null references expertise (id) on delete cascade,
    organisation_id   bigint      not null references organisation (id),
    mapping_id        bigint      not null references mapping (id) on delete cascade,
    verdict           text        not null check (verdict in ('AGREE', 'DISAGREE', 'PROPOSE')),
    comment           text,
    proposed_type     text check (proposed_type in ('EXACT', 'PART_OF', 'RELATED')),
    proposed_weight   numeric(4, 3) check (proposed_weight > 0 and proposed_weight <= 1),
    proposed_critical boolean,
    recorded_at       timestamptz not null,
    recorded_by_key   bigint references api_key (id),
    check (verdict <> 'DISAGREE' or comment is not null),
    check (verdict <> 'PROPOSE' or proposed_type is not null or proposed_weight is not null
        or proposed_critical is not null)
);
create index expertise_decision_idx on expertise_decision (expertise_id, mapping_id, organisation_id, id);

create table expertise_proposal (
    id                 bigint generated always as identity primary key,
    expertise_id       bigint      not null references expertise (id) on delete cascade,
    organisation_id    bigint      not null references organisation (id),
    kind               text        not null check (kind in ('MISSING_ROW', 'UNCOVERED_FUNCTION')),
    outcome_id         bigint references outcome (id),
    labour_function_id bigint      not null references labour_function (id),
    element_id         bigint references function_element (id),
    type               text check (type in ('EXACT', 'PART_OF', 'RELATED')),
    weight             numeric(4, 3) check (weight > 0 and weight <= 1),
    critical           boolean     not null default false,
    comment            text,
    recorded_at        timestamptz not null,
    withdrawn_at       timestamptz,
    check (kind <> 'MISSING_ROW' or (outcome_id is not null and type is not null and weight is not null)),
    check (kind <> 'UNCOVERED_FUNCTION' or comment is not null)
);
create index expertise_proposal_idx on expertise_proposal (expertise_id);

--changeset workready:20261205-40-expertise-answer
--comment: The college's (or designer's) answer to a concluded expertise: per disputed row and per proposal, accepted
--comment: or kept/rejected with a reply. Accepting creates the next mapping version, which names its expertise and reason.
create table expertise_answer (
    expertise_id       bigint      primary key references expertise (id) on delete cascade,
    answered_by        text        not null,
    author             text        not null,
    reason             text        not null,
    answered_at        timestamptz not null,
    new_mapping_set_id bigint references mapping_set (id) on delete set null
);

create table expertise_answer_item (
    id                 bigint generated always as identity primary key,
    expertise_id       bigint not null references expertise_answer (expertise_id) on delete cascade,
    mapping_id         bigint references mapping (id) on delete cascade,
    proposal_id        bigint references expertise_proposal (id) on delete cascade,
    action             text   not null check (action in ('ACCEPT', 'KEEP')),
    from_organisation  bigint references organisation (id),
    reply              text,
    check ((mapping_id is null) <> (proposal_id is null)),
    check (action <> 'KEEP' or reply is not null)
);
create index expertise_answer_item_idx on expertise_answer_item (expertise_id);

alter table mapping_set add column reason text;
alter table mapping_set add column expertise_id bigint references expertise (id) on delete set null;
