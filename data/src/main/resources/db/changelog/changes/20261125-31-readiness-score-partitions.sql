--liquibase formatted sql

--changeset workready:20261125-31-readiness-score-partitions splitStatements:false
--comment: Scores partitioned by college (issue 10): a college's rescore and reads touch one partition only.
--comment: college_id is the student's, backfilled here and written by every score writer. The key includes it
--comment: (a partitioned table's unique keys must). The foreign keys are gone: they cost a lookup per row on
--comment: 1.6 M-row rescores, scores are written only by the scoring code from rows it has just read, and the
--comment: parents are guarded below instead (students, functions and mapping sets are never deleted by the app).
alter table readiness_score rename to readiness_score_unpartitioned;
alter table readiness_score_unpartitioned rename constraint readiness_score_pkey to readiness_score_unpartitioned_pkey;

create table readiness_score (
    college_id         bigint        not null,
    student_id         text          not null,
    labour_function_id bigint        not null,
    readiness          numeric(6, 5),
    coverage           numeric(6, 5) not null,
    level              text          not null,
    explanation        jsonb         not null,
    rule_set_version   text          not null,
    mapping_set_id     bigint,
    computed_at        timestamptz   not null default now(),
    primary key (student_id, labour_function_id, college_id)
) partition by hash (college_id);

do $$
begin
    for i in 0..15 loop
        execute format('create table readiness_score_p%s partition of readiness_score '
                       'for values with (modulus 16, remainder %s)', lpad(i::text, 2, '0'), i);
    end loop;
end;
$$;

insert into readiness_score (college_id, student_id, labour_function_id, readiness, coverage, level, explanation,
                             rule_set_version, mapping_set_id, computed_at)
select s.college_id, r.student_id, r.labour_function_id, r.readiness, r.coverage, r.level, r.explanation,
       r.rule_set_version, r.mapping_set_id, r.computed_at
from readiness_score_unpartitioned r join student s on s.id = r.student_id;

drop table readiness_score_unpartitioned;

create function readiness_score_parent_in_use() returns trigger language plpgsql as $$
begin
    if (tg_table_name = 'student' and exists (select 1 from readiness_score
                                              where student_id = old.id and college_id = old.college_id))
       or (tg_table_name = 'labour_function' and exists (select 1 from readiness_score
                                                         where labour_function_id = old.id))
       or (tg_table_name = 'mapping_set' and exists (select 1 from readiness_score where mapping_set_id = old.id)) then
        raise exception '% % has readiness scores and cannot be deleted', tg_table_name, old.id
            using errcode = 'foreign_key_violation';
    end if;
    return old;
end;
$$;
create trigger student_score_guard before delete on student
    for each row execute function readiness_score_parent_in_use();
create trigger labour_function_score_guard before delete on labour_function
    for each row execute function readiness_score_parent_in_use();
create trigger mapping_set_score_guard before delete on mapping_set
    for each row execute function readiness_score_parent_in_use();
