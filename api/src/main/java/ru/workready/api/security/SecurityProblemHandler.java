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

/** 401 for a controller that needs a {@link Caller} and got none; ordered before the general handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemHandler {

    @ExceptionHandler(SecurityExceptions.Unauthenticated.class)
    ResponseEntity<ProblemDetail> unauthenticated(SecurityExceptions.Unauthenticated e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"")
                .body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(ProblemTypes.of(kind));
        p.setTitle(title);
        return p;
    }
}
