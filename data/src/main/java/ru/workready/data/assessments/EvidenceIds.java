package ru.workready.data.assessments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence ids for a large upload, taken from {@code evidence_id_seq} in blocks rather than by the column's default
 * row by row: {@code nextval} as a default costs PostgreSQL about half a microsecond a row (its permission check
 * and relation look-up), a third of what a bulk COPY into the upload's own partition costs the server
 * (docs/benchmarks.md). A block is reserved in a short transaction of its own on a second connection:
 * {@code ALTER SEQUENCE … INCREMENT BY n} and one {@code nextval}, which blocks every other {@code nextval} of the
 * sequence until it commits (milliseconds), so no other row, on any node, gets an id of the block. Ids still grow
 * with arrival within the upload, as the engine's retake order needs. Should the sequence stay locked by another
 * transaction past {@link #LOCK_TIMEOUT}, the block is drawn with {@code nextval} in the upload's own transaction
 * instead (slower, never wrong).
 */
@Component
public class EvidenceIds {
    private static final Logger log = LoggerFactory.getLogger(EvidenceIds.class);
    static final String LOCK_TIMEOUT = "2s";
    static final int FIRST_BLOCK = 4_096;
    static final int LARGEST_BLOCK = 262_144;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    EvidenceIds(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Ids for one upload, in blocks that double from {@link #FIRST_BLOCK} (few ids wasted by a small file). */
    public Source source(JdbcClient uploadTransaction) {
        return new Source(uploadTransaction);
    }

    /** The ids of one upload, handed out one by one. */
    public final class Source {
        private final JdbcClient uploadTransaction;
        private long[] fallback = new long[0];
        private long next;
        private long end;
        private int fallbackAt;
        private int blockSize = FIRST_BLOCK;

        private Source(JdbcClient uploadTransaction) {
            this.uploadTransaction = uploadTransaction;
        }

        public long next() {
            if (next < end) {
                return next++;
            }
            if (fallbackAt < fallback.length) {
                return fallback[fallbackAt++];
            }
            refill();
            return next();
        }

        private void refill() {
            int n = blockSize;
            blockSize = Math.min(LARGEST_BLOCK, blockSize * 2);
            try {
                next = reserve(n);
                end = next + n;
            } catch (DataAccessException e) {
                log.info("Evidence ids drawn one by one for a block of {}: the sequence stayed locked ({})", n,
                        e.getMostSpecificCause().getMessage());
                fallback = uploadTransaction.sql("select nextval('evidence_id_seq') from generate_series(1, ?)")
                        .param(n).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
                fallbackAt = 0;
            }
        }
    }

    /**
     * The first of {@code n} consecutive ids that no other row gets. The {@code ALTER} takes the sequence's lock before
     * anything reads the sequence: a {@code nextval} (or a read of its last value) first would hold the weaker lock the
     * {@code ALTER} then waits for, and two nodes reserving at once would deadlock. Its settings to restore are read
     * from the catalog, which takes no lock on it.
     */
    long reserve(int n) {
        Long first = ownTransaction.execute(status -> {
            jdbc.execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
            var seq = jdbc.queryForMap("select seqincrement as increment_by, seqcache as cache_size from pg_sequence "
                    + "where seqrelid = 'evidence_id_seq'::regclass");
            jdbc.execute("alter sequence evidence_id_seq increment by " + n + " cache 1");
            boolean neverCalled = Boolean.TRUE.equals(jdbc.queryForObject("""
                    select last_value is null from pg_sequences
                    where schemaname = current_schema() and sequencename = 'evidence_id_seq'""", Boolean.class));
            long last = jdbc.queryForObject("select nextval('evidence_id_seq')", Long.class);
            if (neverCalled) {
                // a sequence never called answers its start value whatever the increment: the block is the next step
                last = jdbc.queryForObject("select nextval('evidence_id_seq')", Long.class);
            }
            jdbc.execute("alter sequence evidence_id_seq increment by " + seq.get("increment_by")
                    + " cache " + seq.get("cache_size"));
            return last - n + 1;
        });
        return java.util.Objects.requireNonNull(first);
    }
}
