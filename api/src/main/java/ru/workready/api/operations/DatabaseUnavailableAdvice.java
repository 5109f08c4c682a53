package ru.workready.api.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.workready.api.problems.ProblemTypes;
import ru.workready.data.ProblemType;

/**
 * The database restarting, failing over or out of connections is the server's temporary state,
 * not a bug: 503 with Retry-After, so clients and load balancers retry. The request's transaction
 * was rolled back, so an upload that failed this way stored nothing and can be sent again; the
 * connection pool reconnects by itself once the database is back.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);
    static final String RETRY_AFTER_SECONDS = ProblemTypes.DATABASE_UNAVAILABLE_RETRY_SECONDS;

    /** For alerting: requests answered 503 because the database was away (Prometheus: workready_database_unavailable_total). */
    private final Counter unavailableCount;

    DatabaseUnavailableAdvice(ObjectProvider<MeterRegistry> registry) {
        // web slice tests have no registry
        this.unavailableCount = Counter.builder(ProblemTypes.DATABASE_UNAVAILABLE_METRIC)
                .description("Requests answered 503 because the database was unavailable")
                .register(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return serviceUnavailable();
    }

    /**
     * A rollback on a connection the database already closed fails too, and that failure hides
     * the original one: look at what the request itself ran into.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException e) {
        if (isUnavailable(e.getApplicationException()) || isUnavailable(e.getCause())) {
            log.warn("Database unavailable: {}", e.getMessage());
            return serviceUnavailable();
        }
        log.error("Unexpected transaction failure", e);
        ProblemDetail p = ProblemTypes.problem(ProblemType.INTERNAL_ERROR,
                "The request could not be completed; the error has been logged");
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    private static boolean isUnavailable(Throwable t) {
        return t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                || t instanceof CannotCreateTransactionException;
    }

    private ResponseEntity<ProblemDetail> serviceUnavailable() {
        unavailableCount.increment();
        ProblemDetail p = ProblemTypes.problem(ProblemType.DATABASE_UNAVAILABLE,
                ProblemTypes.DATABASE_UNAVAILABLE_DETAIL);
        return ResponseEntity.status(p.getStatus())
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .body(p);
    }
}
