package ru.workready.data.outcomes;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.assessments.UploadLoader.SetProblems;

/** The checks of an employment file that need the database: each listed with its row, column and reason. */
final class EmploymentChecks {
    private EmploymentChecks() {
    }

    static SetProblems problems(JdbcClient jdbc, long collegeId, String collegeCode, int limit) {
        long[] total = {0};
        List<Problem> listed = jdbc.sql("""
                        with s as (
                            select s.*, t.id is not null as own, """ + SpecialtySql.GRADUATION + """
                                   as graduated_on,
                                   count(*) over (partition by s.student_id, s.observed_on) as copies
                            from employment_staging s
                            left join student t on t.id = s.student_id and t.college_id = :college
                            left join programme p on p.id = t.programme_id)
                        select row_number, col, val, reason, count(*) over () from (
                            select row_number, 'student_id' as col, student_id as val,
                                   'unknown student of college ' || :code as reason
                            from s where student_id is not null and not own
                            union all
                            select row_number, 'observed_on', observed_on::text,
                                   'listed more than once for this student and day'
                            from s where copies > 1 and observed_on is not null
                            union all
                            select row_number, 'observed_on', observed_on::text,
                                   'before the student''s graduation on ' || graduated_on
                            from s where own and observed_on < graduated_on
                            union all
                            select row_number, 'region', region,
                                   'unknown region; give its code or official name (GET /api/regions)'
                            from s where region is not null
                              and not exists (select 1 from region r where r.code = s.region or r.name = s.region)) p
                        order by row_number, col limit :limit""")
                .param("college", collegeId).param("code", collegeCode).param("limit", limit)
                .query((rs, n) -> {
                    total[0] = rs.getLong(5);
                    return new Problem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
                })
                .list();
        return new SetProblems(listed, total[0]);
    }
}
