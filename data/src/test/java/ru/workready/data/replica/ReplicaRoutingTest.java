package ru.workready.data.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing to a real streaming replica (bench/replica-setup.sh: cluster "15 replica" on port 5433
 * streaming from "15 main" on 5432), including what a reader sees while the replica lags. Skipped
 * where no such replica answers. Env: WORKREADY_TEST_PRIMARY_URL, WORKREADY_TEST_REPLICA_URL,
 * WORKREADY_TEST_DB_USER, WORKREADY_TEST_DB_PASSWORD.
 */
class ReplicaRoutingTest {
    private static final String USER = env("WORKREADY_TEST_DB_USER", "postgres");
    private static final String PASSWORD = env("WORKREADY_TEST_DB_PASSWORD", "postgres");
    private static final String PRIMARY_URL = env("WORKREADY_TEST_PRIMARY_URL", "jdbc:postgresql://localhost:5432/postgres");
    private static final String REPLICA_URL = env("WORKREADY_TEST_REPLICA_URL", "jdbc:postgresql://localhost:5433/postgres");

    private final String table = "replica_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private JdbcClient primary;
    private JdbcClient replica;
    private JdbcClient routed;
    private TransactionTemplate readOnly;
    private TransactionTemplate readWrite;

    @BeforeEach
    void connect() {
        assumeTrue(answers(PRIMARY_URL) && answers(REPLICA_URL), "no primary on " + PRIMARY_URL + " with a replica on "
                + REPLICA_URL + " (bench/replica-setup.sh)");
        DataSource p = new SimpleDriverDataSource(new org.postgresql.Driver(), PRIMARY_URL, USER, PASSWORD);
        DataSource r = new SimpleDriverDataSource(new org.postgresql.Driver(), REPLICA_URL, USER, PASSWORD);
        primary = JdbcClient.create(p);
        replica = JdbcClient.create(r);
        assumeTrue(replica.sql("select pg_is_in_recovery()").query(Boolean.class).single(), REPLICA_URL + " is not a standby");
        DataSource routing = ReplicaRoutingConfiguration.routing(p, r);
        routed = JdbcClient.create(routing);
        JdbcTransactionManager tm = new JdbcTransactionManager(routing);
        readOnly = new TransactionTemplate(tm);
        readOnly.setReadOnly(true);
        readWrite = new TransactionTemplate(tm);
        primary.sql("create table " + table + " (n int)").update();
        awaitOnReplica("select count(*) from pg_class where relname = '" + table + "'", 1);
    }

    @AfterEach
    void cleanUp() {
        if (primary != null) {
            replica.sql("select pg_wal_replay_resume()").query(Object.class).optional();
            primary.sql("drop table if exists " + table).update();
        }
    }

    @Test
    void readOnlyTransactionsGoToTheReplicaAndTheRestToThePrimary() {
        assertThat(inRecovery(readOnly)).isTrue();
        assertThat(inRecovery(readWrite)).isFalse();
        assertThat(routed.sql("select pg_is_in_recovery()").query(Boolean.class).single())
                .as("no transaction: the primary").isFalse();
    }

    @Test
    void aLaggingReplicaServesStaleReadsUntilItCatchesUp() {
        replica.sql("select pg_wal_replay_pause()").query(Object.class).optional(); // lag on demand
        readWrite.executeWithoutResult(s -> routed.sql("insert into " + table + " values (1)").update());

        assertThat(countIn(readOnly)).as("read-only: the replica has not replayed the insert yet").isZero();
        assertThat(countIn(readWrite)).as("read-your-writes: a read-write transaction sees it").isEqualTo(1);

        replica.sql("select pg_wal_replay_resume()").query(Object.class).optional();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        long seen = 0;
        while (seen == 0 && Instant.now().isBefore(deadline)) {
            seen = countIn(readOnly);
        }
        assertThat(seen).as("the replica catches up once replay resumes").isEqualTo(1);
    }

    private long countIn(TransactionTemplate tx) {
        Long n = tx.execute(s -> routed.sql("select count(*) from " + table).query(Long.class).single());
        return n == null ? -1 : n;
    }

    private boolean inRecovery(TransactionTemplate tx) {
        return Boolean.TRUE.equals(tx.execute(s -> routed.sql("select pg_is_in_recovery()").query(Boolean.class).single()));
    }

    private void awaitOnReplica(String sql, long expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (replica.sql(sql).query(Long.class).single() == expected) {
                return;
            }
        }
        throw new AssertionError("the replica did not replay: " + sql);
    }

    private static boolean answers(String url) {
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
