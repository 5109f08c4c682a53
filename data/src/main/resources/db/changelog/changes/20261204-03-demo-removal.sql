--liquibase formatted sql

--changeset workready:20261204-03-demo-removal splitStatements:false
--comment: The demo can be removed with one call (DELETE /api/demo → CALL remove_demo_data()): the demo colleges
--comment: (college.demo) with their students, results, scores, uploads and programmes, the employers and demand of
--comment: demo regions, and the demo regions. Evidence stays append-only for every other college: only a demo
--comment: college's rows may be deleted. demo_state remembers the removal, so the demo is not loaded again.
create table demo_state (
    removed_at timestamptz not null
);

create or replace function evidence_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and exists (select 1 from college c where c.id = old.college_id and c.demo) then
        return old;
    end if;
    raise exception 'evidence is append-only: add a correcting row instead of %', tg_op;
end;
$$;

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
    delete from employer where region in (select name from region where demo);
    delete from rule_set_activation where scope_kind = 'REGION' and scope_code in (select name from region where demo);
    delete from region r where r.demo
        and not exists (select 1 from college k where k.region = r.name)
        and not exists (select 1 from employer e where e.region = r.name);
    insert into demo_state (removed_at) values (remove_demo_data.removed_at);
end;
$$;

--changeset workready:20261204-03-evidence-guard-per-table splitStatements:false
--comment: One branch per table: PL/pgSQL plans an IF's whole condition with the row's types, and a student's text id
--comment: compared with outcome_id (bigint) failed, so deleting a student without evidence raised a type error.
create or replace function evidence_parent_in_use() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'student' then
        if exists (select 1 from evidence where college_id = old.college_id and student_id = old.id) then
            raise exception 'student % has evidence and cannot be deleted (evidence is append-only)', old.id
                using errcode = 'foreign_key_violation';
        end if;
    elsif tg_table_name = 'outcome' then
        if exists (select 1 from evidence where outcome_id = old.id) then
            raise exception 'outcome % has evidence and cannot be deleted (evidence is append-only)', old.id
                using errcode = 'foreign_key_violation';
        end if;
    elsif tg_table_name = 'upload' then
        if exists (select 1 from evidence where college_id = old.college_id and upload_id = old.id) then
            raise exception 'upload % has evidence and cannot be deleted (evidence is append-only)', old.id
                using errcode = 'foreign_key_violation';
        end if;
    end if;
    return old;
end;
$$;

--changeset workready:20261204-03-score-guard-per-table splitStatements:false
--comment: The same for the readiness-score guard (student ids are text, the other parents' ids bigint).
create or replace function readiness_score_parent_in_use() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'student' then
        if exists (select 1 from readiness_score where student_id = old.id and college_id = old.college_id) then
            raise exception 'student % has readiness scores and cannot be deleted', old.id
                using errcode = 'foreign_key_violation';
        end if;
    elsif tg_table_name = 'labour_function' then
        if exists (select 1 from readiness_score where labour_function_id = old.id) then
            raise exception 'labour_function % has readiness scores and cannot be deleted', old.id
                using errcode = 'foreign_key_violation';
        end if;
    elsif tg_table_name = 'mapping_set' then
        if exists (select 1 from readiness_score where mapping_set_id = old.id) then
            raise exception 'mapping_set % has readiness scores and cannot be deleted', old.id
                using errcode = 'foreign_key_violation';
        end if;
    end if;
    return old;
end;
$$;
