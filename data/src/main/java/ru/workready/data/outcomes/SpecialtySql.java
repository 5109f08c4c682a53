package ru.workready.data.outcomes;

/**
 * The SQL that says whether a graduate's job is in their specialty: the occupation codes (ОКЗ) of the standards the
 * student's programme is mapped to (the standard's own list and its ОТФ lists) and their ОКПДТР professions, as
 * imported from the Ministry's XML. A code matches when its digits equal a listed code's (the Ministry writes some
 * ОКЗ codes with a trailing dot); a coarser code (a two-digit ОКЗ group) is not taken as a match.
 */
final class SpecialtySql {
    private SpecialtySql() {
    }

    /** The graduation day of a programme {@code p}: 30 June of intake year + whole years of study. */
    static final String GRADUATION = "make_date(p.intake_year + cast(ceil(p.study_months / 12.0) as integer), 6, 30)";

    /** Codes per programme: (programme_id, kind OKZ|OKPDTR, code digits), over its active mapping sets. */
    static final String CODES = """
            select ms.programme_id, 'OKZ' as kind, regexp_replace(e->>'code', '[^0-9]', '', 'g') as code
            from mapping_set ms join professional_standard ps on ps.id = ms.standard_id
            cross join lateral jsonb_array_elements(coalesce(ps.details->'okz', '[]'::jsonb)) e
            where ms.is_active
            union
            select ms.programme_id, k.kind, regexp_replace(e->>'code', '[^0-9]', '', 'g')
            from mapping_set ms join generalized_function g on g.standard_id = ms.standard_id
            cross join lateral (values ('OKZ', g.requirements->'okz'), ('OKPDTR', g.requirements->'okpdtr')) k(kind, list)
            cross join lateral jsonb_array_elements(coalesce(k.list, '[]'::jsonb)) e
            where ms.is_active""";

    /** Moves the checked staging rows into employment_record, deriving in_specialty where it is not given. */
    static final String MOVE = """
            with codes as (""" + CODES + """
            ), rows as (
                select s.*, t.programme_id,
                       exists (select 1 from codes c where c.programme_id = t.programme_id and c.kind = 'OKZ'
                               and c.code = s.okz_code) as okz_match,
                       exists (select 1 from codes c where c.programme_id = t.programme_id and c.kind = 'OKPDTR'
                               and c.code = s.okpdtr_code) as okpdtr_match,
                       (select r.code from region r where r.code = s.region or r.name = s.region) as region_code
                from employment_staging s join student t on t.id = s.student_id and t.college_id = :college)
            insert into employment_record (upload_id, college_id, student_id, row_number, observed_on, status, employer,
                                           region, okz_code, okpdtr_code, in_specialty, in_specialty_basis, source,
                                           recorded_at)
            select :upload, :college, student_id, row_number, observed_on, status, employer, region_code, okz_code,
                   okpdtr_code,
                   case when status not in ('EMPLOYED', 'SELF_EMPLOYED') then null
                        when in_specialty is not null then in_specialty
                        when okz_match or okpdtr_match then true
                        when okz_code is not null or okpdtr_code is not null then false end,
                   case when status not in ('EMPLOYED', 'SELF_EMPLOYED') then 'NONE'
                        when in_specialty is not null then 'GIVEN'
                        when okz_match then 'OKZ'
                        when okpdtr_match then 'OKPDTR'
                        when okz_code is not null then 'OKZ'
                        when okpdtr_code is not null then 'OKPDTR'
                        else 'NONE' end,
                   source, :recorded
            from rows""";
}
