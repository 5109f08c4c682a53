package ru.workready.api.standards;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import ru.workready.api.problems.ProblemTypes;

/**
 * A multipart upload over the servlet's limits (spring.servlet.multipart.*) is refused before any
 * controller runs; answer it with the same problem type as a raw body over the limit.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The upload exceeds the limit of 20 MB per file (" + e.getMaxUploadSize() + " bytes)");
        p.setType(ProblemTypes.of("payload-too-large"));
        p.setTitle("Payload too large");
        return p;
    }
}
