package ru.workready.data.students;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Students (pseudonymous ids given by their college). */
@Repository
public class StudentRepository {

    /** A student as stored. */
    public record Student(String id, long collegeId, String collegeCode, long programmeId, @Nullable String groupCode,
                          boolean employerConsent, @Nullable LocalDate consentDate) {
    }

    private static final String SELECT = """
            select s.id, s.college_id, c.code, s.programme_id, s.group_code, s.employer_consent, s.consent_date
            from student s join college c on c.id = s.college_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public StudentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insertAll(List<Student> students) {
        template.batchUpdate("""
                        insert into student (id, college_id, programme_id, group_code, employer_consent, consent_date)
                        values (?, ?, ?, ?, ?, ?)""",
                students.stream().map(s -> new Object[] {s.id(), s.collegeId(), s.programmeId(), s.groupCode(),
                        s.employerConsent(), s.consentDate()}).toList());
    }

    public Optional<Student> find(String id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(this::map).optional();
    }

    public List<Student> byCollege(String collegeCode) {
        return jdbc.sql(SELECT + " where c.code = ? order by s.id").param(collegeCode).query(this::map).list();
    }

    private Student map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Student(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getBoolean(6), rs.getObject(7, LocalDate.class));
    }
}
