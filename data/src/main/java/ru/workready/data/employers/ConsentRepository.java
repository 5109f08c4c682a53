package ru.workready.data.employers;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.NotFoundException;

/**
 * A student's consent to be visible to employers (согласие на передачу сведений работодателям):
 * the latest decision on the student row, every decision in the history.
 */
@Repository
public class ConsentRepository {

    public record Decision(boolean consented, LocalDate decidedOn) {
    }

    private final JdbcClient jdbc;

    public ConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(String studentId, boolean consented, LocalDate decidedOn) {
        int n = jdbc.sql("update student set employer_consent = ?, consent_date = ? where id = ?")
                .params(consented, decidedOn, studentId).update();
        if (n == 0) {
            throw new NotFoundException("No student with id " + studentId);
        }
        jdbc.sql("insert into employer_consent_event (student_id, consented, decided_on) values (?, ?, ?)")
                .params(studentId, consented, decidedOn).update();
    }

    /** Audits that these students were listed to the employer as candidates for the profile. */
    public void disclosed(long employerId, long profileId, List<String> studentIds) {
        jdbc.sql("""
                        insert into candidate_disclosure (employer_id, profile_id, student_id)
                        select ?, ?, unnest(?::text[])""")
                .params(employerId, profileId, studentIds.toArray(String[]::new)).update();
    }

    /** How many times the student was listed to employers (their right to know who saw them). */
    public long disclosures(String studentId) {
        return jdbc.sql("select count(*) from candidate_disclosure where student_id = ?").param(studentId)
                .query(Long.class).single();
    }

    public List<Decision> history(String studentId) {
        return jdbc.sql("select consented, decided_on from employer_consent_event where student_id = ? order by id")
                .param(studentId)
                .query((rs, n) -> new Decision(rs.getBoolean(1), rs.getObject(2, LocalDate.class))).list();
    }
}
