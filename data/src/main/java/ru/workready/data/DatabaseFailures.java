package ru.workready.data;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Telling "the database went away" (restart, failover, closed connections) from a bug, for code outside the data layer. */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /**
     * True when the database refused a value itself (SQLSTATE class 22, data exception: a NUL in
     * text, a date or number out of range), anywhere in the causes: the input's fault, a 400.
     */
    public static boolean refusedValue(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database being unavailable is anywhere in the cause chain: Spring's resource
     * failures, a pool timeout, a refused connection, or SQLSTATE class 08 (connection exception) or
     * 57P (operator intervention: shutdown, terminated session).
     */
    public static boolean unavailable(@Nullable Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof DataAccessResourceFailureException || c instanceof TransientDataAccessResourceException
                    || c instanceof CannotCreateTransactionException || c instanceof SQLTransientConnectionException
                    || c instanceof java.net.ConnectException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // a rollback on a connection the database already closed hides what the work ran into
            if (c instanceof TransactionSystemException tx && (unavailable(tx.getApplicationException())
                    || tx.getCause() instanceof SQLException sql && (sql.getSQLState() == null
                    || sql.getMessage() != null && sql.getMessage().contains("closed")))) {
                return true;
            }
        }
        return false;
    }
}
