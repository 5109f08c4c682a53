package ru.workready.data.assessments;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Students whose stored scores are older than their evidence. An upload marks them in the same
 * transaction that stores the evidence; rescoring removes the mark unless newer evidence came
 * in meanwhile.
 */
@Repository
public class StaleScoreRepository {

    /** Students to rescore, oldest mark first, with the time they were taken. */
    public record Batch(List<String> students, OffsetDateTime takenAt) {
    }

    private final JdbcClient jdbc;

    public StaleScoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks taken by one node for one transaction: each student with the mark's time as it was read. */
    public record Taken(List<String> students, List<OffsetDateTime> since) {
    }

    /**
     * Takes up to {@code limit} marks, oldest first, locking them for the caller's transaction and skipping those
     * another node's transaction holds: nodes running the stale-score job at once share the work, each student
     * rescored by one of them. Must run inside a transaction (the locks end with it).
     */
    public Taken takeLocked(int limit) {
        List<String> students = new java.util.ArrayList<>();
        List<OffsetDateTime> since = new java.util.ArrayList<>();
        jdbc.sql("select student_id, since from stale_score order by since limit ? for update skip locked")
                .param(limit).query(rs -> {
                    students.add(rs.getString(1));
                    since.add(rs.getObject(2, OffsetDateTime.class));
                });
        return new Taken(students, since);
    }

    /** Removes the taken marks that no upload moved meanwhile (it could not while they were locked). */
    public void clearTaken(Taken taken) {
        if (!taken.students().isEmpty()) {
            jdbc.sql("""
                            delete from stale_score s using unnest(?::text[], ?::text[]) t(student_id, since)
                            where s.student_id = t.student_id and s.since = t.since::timestamptz""")
                    .params(taken.students().toArray(String[]::new),
                            taken.since().stream().map(OffsetDateTime::toString).toArray(String[]::new))
                    .update();
        }
    }

    public Batch take(int limit) {
        OffsetDateTime now = now();
        return new Batch(jdbc.sql("select student_id from stale_score order by since limit ?").param(limit)
                .query(String.class).list(), now);
    }

    /** The database's clock: marks are compared with it, not with this machine's. */
    public OffsetDateTime now() {
        return jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
    }

    /** Removes the marks of rescored students that were set before the rescoring began. */
    public void clear(List<String> students, OffsetDateTime rescoredFrom) {
        if (!students.isEmpty()) {
            jdbc.sql("delete from stale_score where student_id = any(?) and since <= ?")
                    .params(students.toArray(String[]::new), rescoredFrom).update();
        }
    }

    public boolean isStale(String studentId) {
        return jdbc.sql("select exists (select 1 from stale_score where student_id = ?)").param(studentId)
                .query(Boolean.class).single();
    }

    public long count() {
        return jdbc.sql("select count(*) from stale_score").query(Long.class).single();
    }
}
