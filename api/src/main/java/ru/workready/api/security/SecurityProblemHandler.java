package ru.workready.api.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.workready.api.problems.ProblemTypes;
import ru.workready.data.ProblemType;

/** 401 for a controller that needs a {@link Caller} and got none; ordered before the general handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemHandler {

    @ExceptionHandler(SecurityExceptions.Unauthenticated.class)
    ResponseEntity<ProblemDetail> unauthenticated(SecurityExceptions.Unauthenticated e) {
        return ResponseEntity.status(ProblemType.UNAUTHENTICATED.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"")
                .body(ProblemTypes.problem(ProblemType.UNAUTHENTICATED, e.getMessage()));
    }
}
