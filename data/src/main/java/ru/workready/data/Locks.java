package ru.workready.data;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transaction-scoped PostgreSQL advisory locks, for check-then-insert sequences that concurrent
 * requests would otherwise race on (a duplicate key instead of "unchanged" or the next version).
 */
public final class Locks {
    private Locks() {
    }

    /**
     * Waits for and holds, until the current transaction ends, the lock of {@code key} within
     * {@code scope}. Re-entrant within a transaction; different keys hashing alike only wait for
     * each other. Must run inside a transaction.
     */
    public static void lock(JdbcClient jdbc, String scope, String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))").params(scope, key)
                .query((rs, n) -> Boolean.TRUE).single();
    }
}
