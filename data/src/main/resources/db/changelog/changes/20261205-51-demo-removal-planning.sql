--liquibase formatted sql

--changeset workready:20261205-51-demo-removal-planning splitStatements:false
--comment: Issue 23. Removing the demo also removes the demo regions' specialty forecasts and ТОП-Регион lists (the demo
--comment: colleges' intake capacities go with the colleges: on delete cascade). Otherwise as 20261204-03.
create or replace procedure remove_demo_data(removed_at timestamptz)
language plpgsql as $$
declare
    c record;
    bound text;
begin
    select string_agg(o.code, ', ') into bound
    from organisation o join college k on k.id = o.college_id where k.demo;
    if bound is not null then
        raise exception 'organisations are bound to the demo college: % (revoke their keys and remove them first)',
            bound using errcode = 'foreign_key_violation';
    end if;
    for c in select id, code from college where demo loop
        delete from candidate_disclosure where student_id in (select id from student where college_id = c.id);
        delete from employer_consent_event where student_id in (select id from student where college_id = c.id);
        delete from stale_score where student_id in (select id from student where college_id = c.id);
        delete from readiness_score where college_id = c.id;
        delete from evidence where college_id = c.id;
        delete from student where college_id = c.id;
        delete from upload where college_id = c.id;
        delete from rule_set_activation where scope_kind = 'COLLEGE' and scope_code = c.code;
        delete from mapping_set where programme_id in (select id from programme where college_id = c.id);
        delete from programme where college_id = c.id;
        delete from college where id = c.id;
    end loop;
    delete from labour_demand where region in (select name from region where demo);
    delete from specialty_forecast where region in (select name from region where demo);
    delete from top_region_entry where region in (select name from region where demo);
    delete from employer where region in (select name from region where demo);
    delete from rule_set_activation where scope_kind = 'REGION' and scope_code in (select name from region where demo);
    delete from region r where r.demo
        and not exists (select 1 from college k where k.region = r.name)
        and not exists (select 1 from employer e where e.region = r.name);
    insert into demo_state (removed_at) values (remove_demo_data.removed_at);
end;
$$;
