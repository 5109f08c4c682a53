--liquibase formatted sql

--changeset workready:20261205-60-organisation-region
--comment: Issue 23. A REGION organisation (a regional authority) may be bound to one region (official name, as
--comment: college.region): its CURRICULUM_DESIGNER keys then read and write only that region's planning (training
--comment: order, ТОП-Регион, forecasts, intake capacities). Unbound (null): any region, as before. Only REGION
--comment: organisations are bound to a region; a college organisation plans within its college's region.
alter table organisation add column region text;
alter table organisation add constraint organisation_region_kind check (region is null or kind = 'REGION');
