package ru.workready.api.problems;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.workready.data.ConflictException;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.assessments.UploadSpool;

/**
 * Every error leaves as an RFC 9457 problem detail with a stable type; nothing internal (stack
 * traces, SQL) reaches the client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    ProblemHandler(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
                   @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail p = problem(e.type(), e.getMessage());
        if (!e.problems().isEmpty()) {
            p.setProperty("problems", e.problems());
            p.setProperty("problemCount", e.problemCount());
        }
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(e.type(), e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    /**
     * A unique key or foreign key the database refused: mostly two requests racing for the same
     * row. The SQL and constraint names stay in the log.
     */
    @ExceptionHandler({DataIntegrityViolationException.class, DuplicateKeyException.class})
    ProblemDetail conflict(DataAccessException e) {
        if (ru.workready.data.DatabaseFailures.refusedValue(e)) {
            // SQLSTATE class 22 (a NUL in text, a date or number out of range): the input's fault, not a
            // conflict; the input checks should have named the field, this is the backstop
            log.warn("Value refused by the database: {}", e.getMostSpecificCause().getMessage());
            return problem(ProblemType.INVALID_INPUT,
                    "A value of the request cannot be stored (a NUL character, or a date or number out of range)");
        }
        log.warn("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(ProblemType.CONFLICT,
                "The request conflicts with the current state of the data (possibly a concurrent change); "
                        + "reload and try again");
    }

    /** A multipart request that cannot be parsed (no boundary, truncated parts, not multipart at all). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException e) {
        log.info("Malformed multipart request: {}", e.getMostSpecificCause().getMessage());
        return problem(ProblemType.INVALID_MULTIPART,
                "The multipart request could not be read");
    }

    /** The client went away or broke the body off mid-upload: its doing, so no error in our log. */
    @ExceptionHandler(BodyReadException.class)
    ProblemDetail unreadableBody(BodyReadException e) {
        log.info("Request body could not be read: {}", e.getCause().getMessage());
        return problem(ProblemType.UNREADABLE_BODY,
                "The request body could not be read to its end");
    }

    /** An upload spooled past its limit (the use case's own exception, the same answer). */
    @ExceptionHandler(UploadSpool.TooLargeException.class)
    ProblemDetail uploadTooLarge(UploadSpool.TooLargeException e) {
        return problem(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    /** An upload body that broke off while it was spooled. */
    @ExceptionHandler(UploadSpool.UnreadableBodyException.class)
    ProblemDetail uploadUnreadable(UploadSpool.UnreadableBodyException e) {
        return unreadableBody(new BodyReadException(e.getCause()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidParameter(e.getName());
    }

    private static ProblemDetail invalidParameter(String name) {
        return problem(ProblemType.INVALID_PARAMETER,
                "Parameter '" + name + "' has an invalid value");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (ru.workready.data.DatabaseFailures.refusedValue(e)) {
            log.warn("Value refused by the database: {}", e.toString());
            return problem(ProblemType.INVALID_INPUT,
                    "A value of the request cannot be stored (a NUL character, or a date or number out of range)");
        }
        if (isClientAbort(e)) {
            log.info("Client aborted the request: {}", e.toString());
            return problem(ProblemType.UNREADABLE_BODY,
                    "The request body could not be read to its end");
        }
        log.error("Unexpected error", e);
        return problem(ProblemType.INTERNAL_ERROR,
                "The request could not be completed; the error has been logged");
    }

    /** A body cut off at its size limit while a converter read it is a 413, not a malformed body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        tools.jackson.core.JacksonException json = null;
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(ProblemType.PAYLOAD_TOO_LARGE.status()).body(tooLarge(tooLarge));
            }
            if (t instanceof tools.jackson.core.JacksonException j && json == null) {
                json = j;
            }
            if (t instanceof InvalidInputException invalid) {
                // a value the shared input checks refused while the body was read: named by its full path
                return ResponseEntity.status(invalid.type().status()).body(invalidInput(atPath(invalid, json)));
            }
        }
        if (json != null && !json.getPath().isEmpty()) {
            // a value of the wrong shape (a date that is none, a number that is text): named by its path
            String field = path(json);
            return ResponseEntity.badRequest().body(invalidInput(new InvalidInputException(ProblemType.INVALID_JSON,
                    "Invalid value of '" + field + "'", java.util.List.of(new InvalidInputException.Problem(null,
                    field, null, "not a valid value for this field")), 1)));
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** The refusal with its field named by the JSON path Jackson read it at (results[0].assessedOn). */
    private static InvalidInputException atPath(InvalidInputException e, tools.jackson.core.@Nullable JacksonException json) {
        if (json == null || json.getPath().isEmpty() || e.problems().size() != 1 || e instanceof ConflictException) {
            return e;
        }
        String path = path(json);
        InvalidInputException.Problem p = e.problems().get(0);
        String field = path.isEmpty() ? p.column() : path;
        return new InvalidInputException(e.type(), "Invalid value of '" + field + "': " + p.reason(),
                java.util.List.of(new InvalidInputException.Problem(p.row(), field, p.value(), p.reason())), 1);
    }

    private static String path(tools.jackson.core.JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference r : json.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ru.workready.data.Inputs.shown(r.getPropertyName()));
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Tomcat's ClientAbortException (an IOException), anywhere in the causes, without depending on Tomcat. */
    private static boolean isClientAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    /** A parameter object (e.g. a report query) with a value of the wrong type: as for a single parameter. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        FieldError mismatch = ex.getBindingResult().getFieldErrors().stream().filter(FieldError::isBindingFailure)
                .findFirst().orElse(null);
        if (mismatch == null) {
            return super.handleMethodArgumentNotValid(ex, headers, status, request);
        }
        ProblemDetail p = invalidParameter(mismatch.getField());
        return handleExceptionInternal(ex, p, headers, HttpStatusCode.valueOf(p.getStatus()), request);
    }

    /**
     * A multipart upload over the servlet's limits (spring.servlet.multipart.*) is refused before
     * any controller runs; answer it with the same problem type as a raw body over the limit.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail p = problem(ProblemType.PAYLOAD_TOO_LARGE,
                "The upload exceeds the limit of " + readable(maxFileSize) + " per file and "
                        + readable(maxRequestSize) + " per request");
        return handleExceptionInternal(ex, p, headers, HttpStatusCode.valueOf(p.getStatus()), request);
    }

    /** 20 MB, 512 KB, 100 bytes: as the limits are usually configured. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes > 0 && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p
                && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            // Spring's own refusals (405, 415, ...) keep Spring's title; an unlisted status still gets its http-NNN
            p.setType(ProblemType.ofHttpStatus(statusCode.value()).map(ProblemTypes::of)
                    .orElse(java.net.URI.create(ProblemTypes.BASE + "http-" + statusCode.value())));
        }
        return response;
    }

    static ProblemDetail problem(ProblemType type, String detail) {
        return ProblemTypes.problem(type, detail);
    }
}
