package ru.workready.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseFailuresTest {
    @Test
    void theDatabaseGoingAwayIsFoundAnywhereInTheChain() {
        assertThat(DatabaseFailures.unavailable(new CompletionException(new IllegalStateException("Writing failed",
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException(new SQLException("I/O error", "08006"))))
                .isTrue();
        // a rollback on a closed connection hides the original failure
        assertThat(DatabaseFailures.unavailable(new CompletionException(new TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void bugsAndBadDataAreNot() {
        assertThat(DatabaseFailures.unavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.unavailable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseFailures.unavailable(null)).isFalse();
    }
}
