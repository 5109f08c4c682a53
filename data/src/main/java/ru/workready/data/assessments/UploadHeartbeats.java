package ru.workready.data.assessments;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uploads in progress as the database knows them, so that any node can tell a running upload from one whose node
 * died: the node that registers an upload records its id ({@link #node()}, new at every start) and beats for it while
 * it runs, from the application's clock. A processing upload silent for {@code workready.uploads.heartbeat-timeout}
 * is marked FAILED by whichever node looks first; its transaction died with its node, so nothing of it was stored.
 */
@Repository
public class UploadHeartbeats {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration timeout;
    private final String node = UUID.randomUUID().toString();

    public UploadHeartbeats(JdbcClient jdbc, Clock clock, UploadProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = settings.heartbeatTimeout();
    }

    /** This node's id in {@code upload.node_id}. */
    public String node() {
        return node;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Beats for this node's running uploads, with the rows each has read so far. */
    public void beat(Map<Long, Long> rowsRead) {
        OffsetDateTime now = now();
        rowsRead.forEach((id, rows) -> jdbc.sql("""
                        update upload set heartbeat_at = ?, rows_read = ?
                        where id = ? and node_id = ? and status = 'PROCESSING'""")
                .params(now, rows, id, node).update());
    }

    /** Marks FAILED every processing upload whose node stopped beating; returns how many. */
    public int failAbandoned() {
        return failAbandoned(null);
    }

    /** Marks this upload FAILED if it is processing and its node stopped beating; true if it did. */
    public boolean failIfAbandoned(long uploadId) {
        return failAbandoned(uploadId) > 0;
    }

    private int failAbandoned(Long uploadId) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                        update upload
                           set status = 'FAILED', finished_at = ?,
                               detail = 'Abandoned: the node processing it stopped (no heartbeat since '
                                        || to_char(coalesce(heartbeat_at, created_at) at time zone 'UTC',
                                                   'YYYY-MM-DD HH24:MI:SS')
                                        || ' UTC); nothing was stored: send the file again'
                         where status = 'PROCESSING' and coalesce(heartbeat_at, created_at) < ?
                           and (?::bigint is null or id = ?)""")
                .params(now, now.minus(timeout), uploadId, uploadId).update();
    }
}
