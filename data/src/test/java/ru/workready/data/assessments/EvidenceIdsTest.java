package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.data.DataTest;

/** Blocks of evidence ids: consecutive, never shared with ids drawn by the column's default meanwhile. */
class EvidenceIdsTest extends DataTest {
    @Autowired
    EvidenceIds ids;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;

    @Test
    void aSourceHandsOutGrowingIdsInDoublingBlocks() {
        List<Long> drawn = tx.execute(status -> {
            EvidenceIds.Source source = ids.source(jdbc);
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < EvidenceIds.FIRST_BLOCK * 3 + 5; i++) {
                all.add(source.next());
            }
            return all;
        });
        assertThat(drawn).doesNotHaveDuplicates().isSorted();
        assertThat(drawn.get(EvidenceIds.FIRST_BLOCK - 1) - drawn.get(0)).isEqualTo(EvidenceIds.FIRST_BLOCK - 1);
        // the sequence is as it was: one by one, its cache kept
        assertThat(jdbc.sql("select increment_by from pg_sequences where sequencename = 'evidence_id_seq'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void blocksAndTheDefaultNeverMeetUnderConcurrency() throws Exception {
        CompletableFuture<List<Long>> defaults = CompletableFuture.supplyAsync(() -> {
            List<Long> got = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                got.add(jdbc.sql("select nextval('evidence_id_seq')").query(Long.class).single());
            }
            return got;
        });
        List<long[]> blocks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long first = ids.reserve(500);
            blocks.add(new long[] {first, first + 499});
        }
        Set<Long> seen = new HashSet<>(defaults.get());
        for (long[] b : blocks) {
            for (long id = b[0]; id <= b[1]; id++) {
                assertThat(seen.add(id)).as("id %d given twice", id).isTrue();
            }
        }
    }

    /** Two nodes reserving at once take turns: disjoint blocks, no deadlock, no fallback. */
    @Test
    void reservationsAtOnceNeverShareAnIdNorDeadlock() throws Exception {
        List<CompletableFuture<List<Long>>> nodes = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                List<Long> firsts = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    firsts.add(ids.reserve(1000));
                }
                return firsts;
            }));
        }
        Set<Long> seen = new HashSet<>();
        for (CompletableFuture<List<Long>> node : nodes) {
            for (long first : node.get()) {
                for (long id = first; id < first + 1000; id++) {
                    assertThat(seen.add(id)).as("id %d given twice", id).isTrue();
                }
            }
        }
        assertThat(seen).hasSize(3 * 15 * 1000);
    }

    @Test
    void aSequenceLockedTooLongFallsBackToOneByOne() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select nextval('evidence_id_seq')"); // holds its lock until rollback
            List<Long> drawn = tx.execute(status -> {
                EvidenceIds.Source source = ids.source(jdbc);
                return List.of(source.next(), source.next(), source.next());
            });
            assertThat(drawn).doesNotHaveDuplicates().isSorted();
            holder.rollback();
        }
    }
}
