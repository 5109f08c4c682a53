package ru.workready.data.students;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;
import ru.workready.data.assessments.CopyWriter;
import ru.workready.data.assessments.Findings;
import ru.workready.data.assessments.UploadKind;
import ru.workready.data.assessments.UploadLoader;
import ru.workready.data.csv.CsvReader;

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
    private static final Set<String> YES = Set.of("true", "yes", "да", "1", "y", "д", "+");
    private static final Set<String> NO = Set.of("false", "no", "нет", "0", "n", "н", "-");
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

    @Override
    public Stager stager(JdbcClient jdbc, long uploadId, long collegeId, String collegeCode, long bytes) {
        jdbc.sql(STAGING).update();
        Map<String, Integer> counts = new HashMap<>();
        return new Stager() {
            @Override
            public String copySql() {
                return "copy roster_staging from stdin";
            }

            @Override
            public SetProblems setProblems(JdbcClient jdbc, int limit) {
                return RosterUploadService.this.setProblems(jdbc, collegeId, collegeCode, limit);
            }

            @Override
            public Moved move(JdbcClient jdbc, long stagedRows) {
                // work_mem for this transaction only: the move sorts the whole file once, better in memory
                jdbc.sql("set local work_mem = '512MB'").update();
                return RosterUploadService.this.move(jdbc, uploadId, collegeId, collegeCode, stagedRows);
            }

            @Override
            public void stage(CsvReader.Row row, CopyWriter out, Findings findings) {
                stageRow(row, out, findings);
            }

            @Override
            public Map<String, Integer> counts() {
                return counts;
            }
        };
    }

    /** Checks one row on its own and copies it to staging; what needs the database waits for setProblems. */
    private static void stageRow(CsvReader.Row row, CopyWriter out, Findings findings) {
        int n = row.number();
        String id = row.get("student_id");
        if (id == null) {
            findings.problem(n, "student_id", null, "required");
        }
        String programme = row.get("programme");
        if (programme == null) {
            findings.problem(n, "programme", null, "required (the ФГОС code, e.g. 09.02.07)");
        }
        Integer year = intakeYear(row, findings);
        Boolean consent = employerConsent(row, findings);
        String dateText = row.get("consent_date");
        LocalDate date = consentDate(row, findings);
        if (Boolean.TRUE.equals(consent) && date == null && dateText == null) {
            findings.problem(n, "consent_date", null, "required when employer_consent is yes");
        }
        out.value(n).text(id).text(programme).value(year).text(row.get("group")).text(row.get("last_name"))
                .text(row.get("first_name")).text(row.get("middle_name")).value(consent).value(date);
        out.endRow();
    }

    /** The intake year, null if absent or bad (a bad one is a finding). */
    private static @Nullable Integer intakeYear(CsvReader.Row row, Findings findings) {
        String yearText = row.get("intake_year");
        if (yearText == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(yearText);
            if (!Inputs.inRange(year)) {
                findings.problem(row.number(), "intake_year", yearText, Inputs.YEAR_REASON);
                return null;
            }
            return year;
        } catch (NumberFormatException e) {
            findings.problem(row.number(), "intake_year", yearText, "not a year");
            return null;
        }
    }

    /** Consent to be seen by employers: false if absent, null if not a yes or a no (a finding). */
    private static @Nullable Boolean employerConsent(CsvReader.Row row, Findings findings) {
        String consentText = row.get("employer_consent");
        if (consentText == null) {
            return false;
        }
        String v = consentText.toLowerCase(Locale.ROOT);
        Boolean consent = YES.contains(v) ? Boolean.TRUE : NO.contains(v) ? Boolean.FALSE : null;
        if (consent == null) {
            findings.problem(row.number(), "employer_consent", consentText, "expected yes/no (да/нет, true/false)");
        }
        return consent;
    }

    /** The date consent was given, null if absent or bad (a bad one is a finding). */
    private static @Nullable LocalDate consentDate(CsvReader.Row row, Findings findings) {
        String dateText = row.get("consent_date");
        if (dateText == null) {
            return null;
        }
        LocalDate date = Inputs.parseDate(dateText);
        if (date == null) {
            findings.problem(row.number(), "consent_date", dateText, "not a date (expected YYYY-MM-DD or DD.MM.YYYY)");
        } else if (!Inputs.inRange(date)) {
            findings.problem(row.number(), "consent_date", dateText, Inputs.DATE_REASON);
            return null;
        }
        return date;
    }

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
        recordConsentChanges(jdbc, collegeId);
        long[] counts = upsertStudents(jdbc, collegeId, collegeCode);
        // ... then the consent of students seen for the first time
        recordFirstConsents(jdbc);
        return new Moved(counts[0] + counts[1], List.of(), (int) (counts[0] + counts[1]), Map.of("NEW",
                (int) counts[0], "UPDATED", (int) counts[1]));
    }

    private void recordConsentChanges(JdbcClient jdbc, long collegeId) {
        jdbc.sql("""
                        insert into employer_consent_event (student_id, consented, decided_on)
                        select s.student_id, s.employer_consent, coalesce(s.consent_date, ?)
                        from roster_staging s join student t on t.id = s.student_id and t.college_id = ?
                        where t.employer_consent is distinct from s.employer_consent""")
                .params(java.time.LocalDate.now(clock), collegeId).update();
    }

    private static final String UPSERT_STUDENTS = """
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

    /** Adds the new students and updates the known ones; answers {added, updated}. */
    private static long[] upsertStudents(JdbcClient jdbc, long collegeId, String collegeCode) {
        long[] counts = {0, 0};
        jdbc.sql(UPSERT_STUDENTS)
                .param("college", collegeId).param("code", collegeCode)
                .query(rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                });
        return counts;
    }

    private static void recordFirstConsents(JdbcClient jdbc) {
        jdbc.sql("""
                        insert into employer_consent_event (student_id, consented, decided_on)
                        select s.student_id, true, s.consent_date from roster_staging s
                        where s.employer_consent
                          and not exists (select 1 from employer_consent_event e where e.student_id = s.student_id)""")
                .update();
    }
}
