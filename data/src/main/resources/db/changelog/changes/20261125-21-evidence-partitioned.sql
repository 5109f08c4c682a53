--liquibase formatted sql

--changeset workready:20261125-21-evidence-partitioned splitStatements:false
--comment: Issue 10: evidence partitioned natively by the student's college (hash, 16 partitions), so that a
--comment: college's upload and a college's rescoring touch one partition. The rows keep their ids; the id comes from
--comment: a plain sequence with a cache (identity columns are not inherited by partitions before PostgreSQL 17, and
--comment: an upload COPYs into its college's partition directly). Runs in one transaction: nothing half-migrated.
alter table evidence rename to evidence_before_partitioning;
alter table evidence_before_partitioning alter column id drop identity if exists;

create sequence evidence_id_seq as bigint cache 1000;
select setval('evidence_id_seq', coalesce((select max(id) from evidence_before_partitioning), 0) + 1, false);

create table evidence (
    id                        bigint      not null default nextval('evidence_id_seq'),
    -- the student's college: the partition key, carried by every read of a student's or college's evidence
    college_id                bigint      not null,
    upload_id                 bigint      not null,
    row_number                integer     not null,
    student_id                text        not null,
    outcome_id                bigint,
    standard_code             text,
    generalized_function_code text,
    kind                      text        not null constraint evidence_kind_check
        check (kind in ('COURSE_GRADE', 'EMPLOYER_PRACTICE', 'MODULE_EXAM', 'DEMO_EXAM', 'CHAMPIONSHIP',
                        'INDEPENDENT_ASSESSMENT')),
    grade                     smallint    constraint evidence_grade_check check (grade between 2 and 5),
    points                    numeric,
    max_points                numeric     constraint evidence_max_points_check check (max_points > 0),
    passed                    boolean,
    assessed_on               date        not null,
    attempt                   integer     not null default 1 constraint evidence_attempt_check check (attempt >= 1),
    assessor                  text,
    comment                   text,
    recorded_at               timestamptz not null default now(),
    certificate_number        text,
    conclusion                text,
    place                     integer     constraint evidence_place_check check (place >= 1),
    constraint evidence_target_check check (outcome_id is not null or generalized_function_code is not null),
    constraint evidence_result_check check (grade is not null or points is not null or passed is not null)
) partition by hash (college_id);
alter sequence evidence_id_seq owned by evidence.id;

do $$
begin
    for r in 0..15 loop
        execute format('create table evidence_p%s partition of evidence for values with (modulus 16, remainder %s)',
                       lpad(r::text, 2, '0'), r);
    end loop;
end;
$$;

insert into evidence (id, college_id, upload_id, row_number, student_id, outcome_id, standard_code,
                      generalized_function_code, kind, grade, points, max_points, passed, assessed_on, attempt,
                      assessor, comment, recorded_at, certificate_number, conclusion, place)
select e.id, coalesce(s.college_id, u.college_id), e.upload_id, e.row_number, e.student_id, e.outcome_id,
       e.standard_code, e.generalized_function_code, e.kind, e.grade, e.points, e.max_points, e.passed, e.assessed_on,
       e.attempt, e.assessor, e.comment, e.recorded_at, e.certificate_number, e.conclusion, e.place
from evidence_before_partitioning e
left join student s on s.id = e.student_id
left join upload u on u.id = e.upload_id
order by 2, e.student_id, e.id;

drop table evidence_before_partitioning;

-- Built after the copy, in bulk, one per partition. One index only, and a hash index: evidence is read by
-- student with equality (student_id = ?, = any(?)), and an upload's rows arrive in file order, i.e. in random
-- student order, where a B-tree on text costs three times as much per row as a hash index (docs/benchmarks.md).
-- No primary-key index: ids come from a sequence, nothing refers to them, and evidence is append-only.
create index evidence_student_idx on evidence using hash (student_id);

create trigger evidence_append_only before update or delete on evidence
    for each row execute function evidence_is_append_only();

-- the delete guards look in the parent's college partition only
create or replace function evidence_parent_in_use() returns trigger language plpgsql as $$
begin
    if (tg_table_name = 'student'
            and exists (select 1 from evidence where college_id = old.college_id and student_id = old.id))
       or (tg_table_name = 'outcome' and exists (select 1 from evidence where outcome_id = old.id))
       or (tg_table_name = 'upload'
            and exists (select 1 from evidence where college_id = old.college_id and upload_id = old.id)) then
        raise exception '% % has evidence and cannot be deleted (evidence is append-only)', tg_table_name, old.id
            using errcode = 'foreign_key_violation';
    end if;
    return old;
end;
$$;

analyze evidence;
