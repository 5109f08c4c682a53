package ru.workready.data.students;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.workready.data.ProblemType;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.assessments.UploadKind;
import ru.workready.data.assessments.UploadLoader;

/**
 * A college's student roster (контингент): new students are added, known ones updated (group,
 * programme version, names, consent). Names are optional: a college may stay pseudonymous.
 * Consent to be seen by employers needs the date it was given.
 *
 * <p>Student ids are unique across colleges, so a new student's id must lie in the college's
 * namespace: it starts with the college code and '-' (and no longer college code claims it). An id
 * outside it is refused with the same problem whether another college uses it or nobody does, so an
 * upload never tells a college that an id belongs to another college. Own students keep their ids.
 */
@Service
public class RosterUploadService implements UploadLoader {

    /** Columns of a roster file; the first two are required. */
    public static final List<String> COLUMNS = List.of("student_id", "programme", "intake_year", "group",
            "last_name", "first_name", "middle_name", "employer_consent", "consent_date");
    private final java.time.Clock clock;

    public RosterUploadService(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public UploadKind kind() {
        return UploadKind.STUDENTS;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.INVALID_STUDENT_FILE;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS.subList(0, 2);
    }

    private static final String STAGING = """
                create temporary table roster_staging (
                    row_number integer, student_id text, programme text, intake_year integer, group_code text,
                    last_name text, first_name text, middle_name text, employer_consent boolean, consent_date date
                ) on commit drop""";

    /**
     * The problems only the whole file shows: an id listed twice, a new id outside the college's namespace, an
     * unknown programme, or a programme with several versions and no intake year. Listed up to :limit, all counted.
     */
    private static final String SET_PROBLEMS = """
            with s as (
                select s.*, count(*) over (partition by s.student_id) as copies,
                       (select count(*) from programme p where p.college_id = :college
                          and p.fgos_code = s.programme
                          and (s.intake_year is null or p.intake_year = s.intake_year)) as programmes,
                       exists (select 1 from student o where o.id = s.student_id
                               and o.college_id = :college) as own,
                       -- the college's namespace: "<code>-…", unless a longer college code claims the id
                       starts_with(s.student_id, :code || '-')
                         and not exists (select 1 from college c where length(c.code) > length(:code)
                                         and starts_with(s.student_id, c.code || '-')) as in_namespace
                from roster_staging s)
            select row_number, col, val, reason, count(*) over () from (
                select row_number, 'student_id' as col, student_id as val,
                       'listed more than once in the file' as reason
                from s where copies > 1
                union all
                -- whether the id is another college's or free, the answer is the same: never
                -- "another college's student" (which would tell one college about another's ids)
                select row_number, 'student_id', student_id,
                       'a new student''s id must start with ' || :code || '-'
                from s where student_id is not null and not own
                  and (not in_namespace or exists (select 1 from student o where o.id = s.student_id
                                                     and o.college_id <> :college))
                union all
                select row_number, 'programme', programme || coalesce(' ' || intake_year, ''),
                       'no such programme of college ' || :code
                from s where programme is not null and programmes = 0
                union all
                select row_number, 'intake_year', null,
                       'required: the college has several versions of programme ' || programme
                from s where programme is not null and programmes > 1) p
            order by row_number, col limit :limit""";

    /** The rows that pass the set checks, inserted as new students or updating the college's own; counts both. */
    private static final String UPSERT = """
            with ok as (
                select s.*, (select p.id from programme p where p.college_id = :college
                               and p.fgos_code = s.programme
                               and (s.intake_year is null or p.intake_year = s.intake_year)) as programme_id,
                       count(*) over (partition by s.student_id) as copies
                from roster_staging s
                where (select count(*) from programme p where p.college_id = :college
                         and p.fgos_code = s.programme
                         and (s.intake_year is null or p.intake_year = s.intake_year)) = 1
                  -- own students, or new ids in the college's namespace (see setProblems)
                  and (exists (select 1 from student o where o.id = s.student_id and o.college_id = :college)
                       or (starts_with(s.student_id, :code || '-')
                           and not exists (select 1 from college c where length(c.code) > length(:code)
                                           and starts_with(s.student_id, c.code || '-')))))
            , up as (
            insert into student as t (id, college_id, programme_id, group_code, employer_consent, consent_date,
                                      last_name, first_name, middle_name)
            select student_id, :college, programme_id, group_code, employer_consent, consent_date,
                   last_name, first_name, middle_name
            from ok where copies = 1
            on conflict (id) do update set programme_id = excluded.programme_id,
                group_code = excluded.group_code, employer_consent = excluded.employer_consent,
                consent_date = excluded.consent_date, last_name = excluded.last_name,
                first_name = excluded.first_name, middle_name = excluded.middle_name
            where t.college_id = excluded.college_id
            returning (xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from up""";

    @Override
    public Stager stager(JdbcClient jdbc, long uploadId, long collegeId, String collegeCode, long bytes) {
        jdbc.sql(STAGING).update();
        return new RosterStager(this, uploadId, collegeId, collegeCode);
    }

    SetProblems setProblems(JdbcClient jdbc, long collegeId, String collegeCode, int limit) {
        long[] total = {0};
        List<Problem> listed = jdbc.sql(SET_PROBLEMS)
                .param("college", collegeId).param("code", collegeCode).param("limit", limit)
                .query((rs, n) -> {
                    total[0] = rs.getLong(5);
                    return new Problem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
                })
                .list();
        return new SetProblems(listed, total[0]);
    }

    Moved move(JdbcClient jdbc, long uploadId, long collegeId, String collegeCode, long stagedRows) {
        // consent decisions are kept as history (employer_consent_event): changes of known students first ...
        jdbc.sql("""
                        insert into employer_consent_event (student_id, consented, decided_on)
                        select s.student_id, s.employer_consent, coalesce(s.consent_date, ?)
                        from roster_staging s join student t on t.id = s.student_id and t.college_id = ?
                        where t.employer_consent is distinct from s.employer_consent""")
                .params(java.time.LocalDate.now(clock), collegeId).update();
        long[] counts = upsertStudents(jdbc, collegeId, collegeCode);
        // ... then the consent of students seen for the first time
        jdbc.sql("""
                        insert into employer_consent_event (student_id, consented, decided_on)
                        select s.student_id, true, s.consent_date from roster_staging s
                        where s.employer_consent
                          and not exists (select 1 from employer_consent_event e where e.student_id = s.student_id)""")
                .update();
        return new Moved(counts[0] + counts[1], List.of(), (int) (counts[0] + counts[1]), Map.of("NEW",
                (int) counts[0], "UPDATED", (int) counts[1]));
    }

    /** Inserts the new students and updates the known ones that pass the set checks; returns {new, updated}. */
    private static long[] upsertStudents(JdbcClient jdbc, long collegeId, String collegeCode) {
        long[] counts = {0, 0};
        jdbc.sql(UPSERT)
                .param("college", collegeId).param("code", collegeCode)
                .query(rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                });
        return counts;
    }
}
