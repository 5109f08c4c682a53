--liquibase formatted sql

--changeset workready:20261125-10-standard-details
--comment: Optional lists of the Ministry's files (ОКЗ, ОКВЭД, ЕКС, ОКПДТР, ОКСО, requirements) kept as published.
alter table professional_standard add column details jsonb not null default '{}';
alter table generalized_function add column requirements jsonb not null default '{}';

--changeset workready:20261125-10-outcome-parent
--comment: Finer outcomes (практический опыт / умения / знания) belong to a ПК of the same programme.
alter table outcome add column parent_code text;

--changeset workready:20261125-10-search
--comment: Russian full-text search on names (stemmed: «программного» finds «программный»).
alter table professional_standard add column search tsvector
    generated always as (to_tsvector('russian', code || ' ' || name || ' ' || coalesce(activity_kind, ''))) stored;
create index professional_standard_search_idx on professional_standard using gin (search);
alter table labour_function add column search tsvector
    generated always as (to_tsvector('russian', code || ' ' || name)) stored;
create index labour_function_search_idx on labour_function using gin (search);
alter table function_element add column search tsvector
    generated always as (to_tsvector('russian', text)) stored;
create index function_element_search_idx on function_element using gin (search);
alter table programme add column search tsvector
    generated always as (to_tsvector('russian', fgos_code || ' ' || name || ' ' || qualification)) stored;
create index programme_search_idx on programme using gin (search);
alter table outcome add column search tsvector
    generated always as (to_tsvector('russian', code || ' ' || name)) stored;
create index outcome_search_idx on outcome using gin (search);
