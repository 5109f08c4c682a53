package ru.workready.api.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.workready.api.problems.ProblemTypes;

/** 401, 403 and 429 as problem details; ordered before the general handler, which catches everything. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemHandler {

    @ExceptionHandler(SecurityExceptions.Unauthenticated.class)
    ResponseEntity<ProblemDetail> unauthenticated(SecurityExceptions.Unauthenticated e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"")
                .body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", e.getMessage()));
    }

    @ExceptionHandler(SecurityExceptions.Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(SecurityExceptions.Forbidden e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(SecurityExceptions.RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(SecurityExceptions.RateLimited e) {
        ProblemDetail p = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", e.getMessage());
        p.setProperty("retryAfterSeconds", e.retryAfterSeconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds)).body(p);
    }

    private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(ProblemTypes.of(kind));
        p.setTitle(title);
        return p;
    }
}
