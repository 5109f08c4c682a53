package ru.workready.data.scoring;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Rescoring jobs as the database keeps them ({@code rescore_job}): progress, heartbeat, a cancel asked on any node, and
 * the ending. The scores themselves are {@link BulkScoringRepository}'s.
 */
@Repository
public class RescoreJobRepository {
    private final JdbcTemplate template;
    private final java.time.Clock clock;

    RescoreJobRepository(JdbcTemplate template, java.time.Clock clock) {
        this.template = template;
        this.clock = clock;
    }

    // A job's times come from the application's clock: heartbeats decide when a job counts as abandoned.
    public long startJob(String scopeKind, String scopeCode, int total) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return template.queryForObject("""
                insert into rescore_job (scope_kind, scope_code, status, total, started_at, heartbeat_at)
                values (?, ?, 'RUNNING', ?, ?, ?)
                returning id""", Long.class, scopeKind, scopeCode, total, now, now);
    }

    /** Records a batch's progress and beats; answers whether any node asked the job to stop meanwhile. */
    public boolean progress(long jobId, int done, long scores) {
        return template.query("update rescore_job set done = ?, scores = ?, heartbeat_at = ? where id = ? "
                        + "returning cancel_requested", (rs, n) -> rs.getBoolean(1),
                done, scores, OffsetDateTime.now(clock), jobId).stream().findFirst().orElse(false);
    }

    /** Asks a running job to stop, whichever node runs it; false if it is not running. */
    public boolean requestCancel(long jobId) {
        return template.update("update rescore_job set cancel_requested = true where id = ? and status = 'RUNNING'",
                jobId) > 0;
    }

    public void finishJob(long jobId, String status, int done, long scores, @Nullable String error) {
        template.update("update rescore_job set status = ?, done = ?, scores = ?, error = ?, finished_at = ? "
                + "where id = ?", status, done, scores, error, OffsetDateTime.now(clock), jobId);
    }

    /**
     * Ends the jobs still RUNNING whose heartbeat is older than {@code silentFor}: their node died
     * without a word (a graceful stop or a database failure records its own ending). Their finished
     * batches stay written, each student's scores whole.
     */
    public int failAbandonedJobs(java.time.Duration silentFor) {
        return template.update("""
                update rescore_job
                   set status = 'FAILED', finished_at = ?,
                       error = 'abandoned: the node running it stopped without ending it (no progress since '
                               || to_char(heartbeat_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC); '
                               || done || ' of ' || total || ' students were rescored, each one whole; start the job again'
                 where status = 'RUNNING' and heartbeat_at < ?""",
                OffsetDateTime.now(clock), OffsetDateTime.now(clock).minus(silentFor));
    }

    /** A job as stored. */
    public record Job(long id, String scopeKind, String scopeCode, String status, int total, int done, long scores,
                      @Nullable String error, java.time.OffsetDateTime startedAt,
                      java.time.@Nullable OffsetDateTime finishedAt) {
    }

    public java.util.Optional<Job> job(long id) {
        return template.query("select id, scope_kind, scope_code, status, total, done, scores, error, started_at, "
                        + "finished_at from rescore_job where id = ?",
                (rs, n) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getLong(7), rs.getString(8),
                        rs.getObject(9, java.time.OffsetDateTime.class), rs.getObject(10, java.time.OffsetDateTime.class)),
                id).stream().findFirst();
    }
}
