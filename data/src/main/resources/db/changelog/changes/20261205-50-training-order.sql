--liquibase formatted sql

--changeset workready:20261205-50-specialty-forecast
--comment: Issue 23. A region's forecast of how many people of a specialty (ФГОС СПО code) it needs in a year, from a
--comment: forecast file (source: who forecast it). One count per region, year and code; a new upload replaces it.
create table specialty_forecast (
    id          bigint generated always as identity primary key,
    region      text        not null,
    year        integer     not null check (year between 2000 and 2100),
    fgos_code   text        not null check (fgos_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$'),
    needed      integer     not null check (needed >= 0),
    source      text,
    recorded_at timestamptz not null default now(),
    constraint specialty_forecast_uk unique (region, year, fgos_code)
);

--changeset workready:20261205-50-top-region
--comment: The ТОП-Регион list: the region's in-demand specialties and professions of a list year, ranked. An upload
--comment: replaces the whole list of each (region, list year) it names.
create table top_region_entry (
    id        bigint generated always as identity primary key,
    region    text    not null,
    list_year integer not null check (list_year between 2000 and 2100),
    fgos_code text    not null check (fgos_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$'),
    name      text    not null,
    rank      integer not null check (rank > 0),
    constraint top_region_entry_uk unique (region, list_year, fgos_code)
);

--changeset workready:20261205-50-intake-capacity
--comment: The most students a college may admit to a specialty in one intake (licence, buildings, staff); no row means
--comment: no known limit.
create table intake_capacity (
    college_id  bigint      not null references college (id) on delete cascade,
    fgos_code   text        not null check (fgos_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$'),
    places      integer     not null check (places >= 0),
    source      text,
    recorded_at timestamptz not null default now(),
    primary key (college_id, fgos_code)
);
