-- Region-scale data (bench/region-load.sh): :colleges colleges of region 'Регион-бенч', each with a copy of
-- the demo programme 09.02.07 and its active mapping to 06.001, :students students spread over them,
-- and about 60 evidence rows per student (course grades for all 24 outcomes, module exams and
-- employer-evaluated practice for the 15 ПК, demonstration exams for ВД 1-2) drawn from a
-- per-student ability. Stored scores for ОТФ A feed the employer aggregates. Generated inside
-- PostgreSQL: one set-based insert per table, the server's bulk path like COPY.
\timing on
create temporary table demo_programme as
  select p.id from programme p join college c on c.id = p.college_id
  where c.code = 'DEMO' and p.fgos_code = '09.02.07' order by p.id limit 1;

insert into college (code, name, region)
  select 'RB' || lpad(i::text, 2, '0'), 'Колледж региона № ' || i, 'Регион-бенч' from generate_series(1, :colleges) i;

insert into programme (college_id, fgos_code, name, qualification, qualification_level, intake_year, study_months)
  select c.id, p.fgos_code, p.name, p.qualification, p.qualification_level, p.intake_year, p.study_months
  from college c cross join programme p
  where c.region = 'Регион-бенч' and p.id = (select id from demo_programme);

insert into activity_kind (programme_id, code, module_code, name)
  select np.id, a.code, a.module_code, a.name
  from programme np join college c on c.id = np.college_id and c.region = 'Регион-бенч'
  cross join activity_kind a where a.programme_id = (select id from demo_programme);

insert into outcome (programme_id, activity_kind_id, code, kind, name, parent_code)
  select np.id, na.id, o.code, o.kind, o.name, o.parent_code
  from programme np join college c on c.id = np.college_id and c.region = 'Регион-бенч'
  cross join outcome o
  left join activity_kind a on a.id = o.activity_kind_id
  left join activity_kind na on na.programme_id = np.id and na.code = a.code
  where o.programme_id = (select id from demo_programme);

insert into mapping_set (programme_id, standard_id, version, author)
  select np.id, ms.standard_id, 1, 'bench'
  from programme np join college c on c.id = np.college_id and c.region = 'Регион-бенч'
  cross join mapping_set ms where ms.programme_id = (select id from demo_programme) and ms.is_active;

insert into mapping (mapping_set_id, outcome_id, labour_function_id, element_id, type, weight, critical)
  select nms.id, no.id, m.labour_function_id, m.element_id, m.type, m.weight, m.critical
  from mapping_set ms join mapping m on m.mapping_set_id = ms.id join outcome o on o.id = m.outcome_id
  join mapping_set nms on nms.standard_id = ms.standard_id and nms.author = 'bench'
  join outcome no on no.programme_id = nms.programme_id and no.code = o.code
  where ms.programme_id = (select id from demo_programme) and ms.is_active;

insert into student (id, college_id, programme_id, group_code, employer_consent, consent_date)
  select 'R' || lpad(i::text, 6, '0'), p.college_id, p.id, 'ИСП-' || (1 + i % 4), i % 3 <> 0, date '2026-09-01'
  from generate_series(1, :students) i
  join college c on c.code = 'RB' || lpad((1 + i % :colleges)::text, 2, '0')
  join programme p on p.college_id = c.id;

insert into upload (college_id, content_hash, file_name, row_count)
  select id, 'bench-region-' || code, 'generated', 0 from college where region = 'Регион-бенч';

insert into evidence (upload_id, college_id, row_number, student_id, outcome_id, kind, grade, points, max_points,
                      assessed_on, attempt, assessor)
  select u.id, s.college_id, 1, s.id, o.id, k.kind,
         case when k.kind = 'DEMO_EXAM' then null
              else least(5, greatest(2, round(2.2 + 3 * s.ability + random() - 0.5)))::smallint end,
         case when k.kind = 'DEMO_EXAM' then least(100, greatest(0, round(100 * s.ability + 30 * (random() - 0.5)))) end,
         case when k.kind = 'DEMO_EXAM' then 100 end,
         k.assessed_on, 1, 'генератор'
  from (select id, college_id, programme_id, 0.25 + 0.7 * (abs(hashtext(id)) % 1000) / 1000.0 as ability
        from student where id like 'R%') s
  join upload u on u.college_id = s.college_id
  join outcome o on o.programme_id = s.programme_id
  join (values ('COURSE_GRADE', date '2025-06-20', false, false),
               ('MODULE_EXAM', date '2025-12-25', true, false),
               ('EMPLOYER_PRACTICE', date '2026-05-30', true, false),
               ('DEMO_EXAM', date '2026-06-15', true, true)) k(kind, assessed_on, professional_only, demo_only)
    on (not k.professional_only or o.kind = 'PROFESSIONAL')
   and (not k.demo_only or o.code like 'ПК 1.%' or o.code like 'ПК 2.%');

insert into readiness_score (student_id, labour_function_id, readiness, coverage, level, explanation, rule_set_version)
  select s.id, f.id, x.r, 1.0,
         case when x.r >= 0.75 then 'READY' when x.r >= 0.5 then 'PARTIALLY_READY' else 'NOT_READY' end,
         '{"rules":[],"reason":"bench","outcomes":[]}', 'bench'
  from student s
  cross join labour_function f
  join professional_standard ps on ps.id = f.standard_id and ps.code = '06.001' and ps.is_current
  join generalized_function g on g.id = f.generalized_function_id and g.code = 'A'
  cross join lateral (select round((0.25 + 0.7 * (abs(hashtext(s.id)) % 1000) / 1000.0
                                    + 0.2 * (random() - 0.5))::numeric, 4) as r) x
  where s.id like 'R%'
on conflict do nothing;
analyze;
select (select count(*) from college where region = 'Регион-бенч') as colleges,
       (select count(*) from student where id like 'R%') as students,
       (select count(*) from evidence e join upload u on u.id = e.upload_id where u.content_hash like 'bench-region-%') as evidence,
       (select count(*) from readiness_score where student_id like 'R%') as scores;
