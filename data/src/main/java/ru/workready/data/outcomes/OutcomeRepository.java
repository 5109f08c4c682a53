package ru.workready.data.outcomes;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.engine.outcomes.EmploymentStatus;

/**
 * Graduates and the observation of each that answers "what were they doing N months after graduation": the one
 * nearest to graduation + N months within ± the window, a later day then a later upload winning ties (a correction
 * is a newer upload). A graduate is a student of a programme whose graduation day (30 June of intake year + whole
 * years of study) is not after today.
 */
@Repository
public class OutcomeRepository {

    /** A graduate and their observation at the horizon (status null: none in the window). */
    public record Graduate(String studentId, String college, String fgosCode, String programme, long programmeId,
                           LocalDate graduatedOn, @Nullable EmploymentStatus status, @Nullable Boolean inSpecialty,
                           @Nullable String source, @Nullable LocalDate observedOn) {

        public int graduationYear() {
            return graduatedOn.getYear();
        }

        /** Employed or self-employed in the specialty, false if observed otherwise; null when it cannot be told. */
        public @Nullable Boolean workingInSpecialty() {
            if (status == null || !status.inRates()) {
                return null;
            }
            if (!status.working()) {
                return false;
            }
            return inSpecialty;
        }
    }

    private final JdbcClient jdbc;

    public OutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cohort's graduates (graduated by {@code today}), each with the observation nearest the horizon. */
    public List<Graduate> graduates(GraduateCohort c, int months, int windowMonths, LocalDate today) {
        return jdbc.sql("""
                        with g as (
                            select t.id, k.code as college, p.fgos_code, p.name, p.id as programme_id,
                                   """ + SpecialtySql.GRADUATION + """
                                   as graduated_on
                            from student t join programme p on p.id = t.programme_id join college k on k.id = t.college_id
                            where (cast(:college as text) is null or k.code = :college)
                              and (cast(:fgos as text) is null or p.fgos_code = :fgos)
                              and (cast(:region as text) is null or k.region = :region
                                   or k.region in (select r.name from region r where r.code = :region)))
                        select g.*, o.status, o.in_specialty, o.source, o.observed_on from g
                        left join lateral (
                            select e.status, e.in_specialty, e.source, e.observed_on from employment_record e
                            where e.student_id = g.id
                              and e.observed_on between (g.graduated_on + make_interval(months => :low))::date
                                                    and (g.graduated_on + make_interval(months => :high))::date
                            order by abs(e.observed_on - (g.graduated_on + make_interval(months => :months))::date),
                                     e.observed_on desc, e.upload_id desc, e.id desc
                            limit 1) o on true
                        where g.graduated_on <= :today
                          and (cast(:from as integer) is null or extract(year from g.graduated_on) >= :from)
                          and (cast(:to as integer) is null or extract(year from g.graduated_on) <= :to)
                        order by g.college, g.fgos_code, g.graduated_on, g.id""")
                .param("college", c.college()).param("fgos", c.fgos()).param("region", c.region())
                .param("from", c.fromYear()).param("to", c.toYear()).param("today", today)
                .param("months", months).param("low", months - windowMonths).param("high", months + windowMonths)
                .query((rs, n) -> new Graduate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7) == null ? null : EmploymentStatus.valueOf(rs.getString(7)),
                        (Boolean) rs.getObject(8), rs.getString(9), rs.getObject(10, LocalDate.class)))
                .list();
    }

    /** The ОКЗ codes that make a job count as in the programme's specialty (see {@link SpecialtySql}), in order. */
    public List<String> specialtyOkzCodes(long programmeId) {
        return jdbc.sql("select distinct code from (" + SpecialtySql.CODES + ") c where c.programme_id = ? "
                + "and c.kind = 'OKZ' and c.code <> '' order by code").param(programmeId).query(String.class).list();
    }

    /** The demo colleges (college.demo) that have no completed employment upload yet. */
    public List<String> demoCollegesWithoutEmployment() {
        return jdbc.sql("""
                        select c.code from college c where c.demo
                          and not exists (select 1 from upload u where u.college_id = c.id
                                          and u.upload_kind = 'EMPLOYMENT' and u.status = 'COMPLETED')
                        order by c.code""").query(String.class).list();
    }

    /** Whether the college exists (a report about an unknown one is a 404, not an empty report). */
    public boolean collegeExists(String code) {
        return jdbc.sql("select exists (select 1 from college where code = ?)").param(code).query(Boolean.class)
                .single();
    }
}
