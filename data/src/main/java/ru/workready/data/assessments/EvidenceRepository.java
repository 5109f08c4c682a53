package ru.workready.data.assessments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;

/** Reads a student's evidence history (retakes included) as engine facts. */
@Repository
public class EvidenceRepository {
    private final JdbcClient jdbc;

    public EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Evidence> history(String studentId) {
        return jdbc.sql("""
                        select e.id, e.student_id, o.code, e.kind, e.grade, e.points, e.max_points, e.passed,
                               e.assessed_on, e.attempt, e.assessor, e.standard_code, e.generalized_function_code
                        from evidence e left join outcome o on o.id = e.outcome_id
                        where e.student_id = ? order by e.id""").param(studentId)
                .query((rs, n) -> {
                    EvidenceKind kind = EvidenceKind.valueOf(rs.getString(4));
                    BigDecimal points = rs.getBigDecimal(6);
                    AssessmentResult result;
                    if (points != null) {
                        result = new AssessmentResult.Points(points.doubleValue(), rs.getBigDecimal(7).doubleValue());
                    } else if (rs.getObject(8) != null) {
                        result = new AssessmentResult.PassFail(rs.getBoolean(8));
                    } else {
                        result = new AssessmentResult.Grade(rs.getInt(5));
                    }
                    return new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), kind, result,
                            rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getString(11), rs.getString(12),
                            rs.getString(13));
                })
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from evidence").query(Long.class).single();
    }
}
