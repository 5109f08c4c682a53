package ru.workready.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the API answers (RFC 9457): the slug is the last segment of the problem detail's type URI
 * (clients branch on it, so a slug never changes), the HTTP status it is answered with, and its title. The table of
 * docs/problems.md lists them all with their meaning. The status is a plain int so that the data module needs no web
 * library; 400 kinds are raised as {@link InvalidInputException}, 409 kinds as {@link ConflictException}, 404 kinds as
 * {@link NotFoundException}, the others by the api module itself.
 */
public enum ProblemType {
    // 400: the input as a whole or one value of it
    INVALID_INPUT("invalid-input", 400, "Invalid input"),
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter"),
    INVALID_JSON("invalid-json", 400, "Invalid input"),
    INVALID_HEADER("invalid-header", 400, "Invalid input"),
    INVALID_XLSX("invalid-xlsx", 400, "Invalid input"),
    INVALID_CSV("invalid-csv", 400, "Invalid input"),
    INVALID_MULTIPART("invalid-multipart", 400, "Invalid multipart request"),
    UNREADABLE_BODY("unreadable-body", 400, "Unreadable request body"),
    INVALID_REQUEST_PATH("invalid-request-path", 400, "Invalid request"),
    INVALID_SCOPE("invalid-scope", 400, "Invalid input"),
    // 400: the files and bodies of one use case
    INVALID_ASSESSMENT_FILE("invalid-assessment-file", 400, "Invalid input"),
    INVALID_STUDENT_FILE("invalid-student-file", 400, "Invalid input"),
    INVALID_EMPLOYMENT_FILE("invalid-employment-file", 400, "Invalid input"),
    INVALID_PROGRAMME("invalid-programme", 400, "Invalid input"),
    INVALID_MAPPING("invalid-mapping", 400, "Invalid input"),
    INVALID_STANDARD_XML("invalid-standard-xml", 400, "Invalid input"),
    INVALID_RULE_SET("invalid-rule-set", 400, "Invalid input"),
    INVALID_WHAT_IF("invalid-what-if", 400, "Invalid input"),
    INVALID_RESCORING_JOB("invalid-rescoring-job", 400, "Invalid input"),
    INVALID_AS_OF("invalid-as-of", 400, "Invalid input"),
    INVALID_VERSIONS("invalid-versions", 400, "Invalid input"),
    INVALID_KNOWN_AT("invalid-known-at", 400, "Invalid input"),
    NO_VERSIONS_AS_OF("no-versions-as-of", 400, "Invalid input"),
    INVALID_REPORT_PARAMETER("invalid-report-parameter", 400, "Invalid input"),
    INVALID_CONSENT("invalid-consent", 400, "Invalid input"),
    INVALID_EMPLOYER("invalid-employer", 400, "Invalid input"),
    INVALID_JOB_PROFILE("invalid-job-profile", 400, "Invalid input"),
    INVALID_DEMAND("invalid-demand", 400, "Invalid input"),
    INVALID_EXPERTISE("invalid-expertise", 400, "Invalid input"),
    INVALID_EXPERTISE_ANSWER("invalid-expertise-answer", 400, "Invalid input"),
    INVALID_EXPERTISE_DECISION("invalid-expertise-decision", 400, "Invalid input"),
    INVALID_EXPERTISE_PROPOSAL("invalid-expertise-proposal", 400, "Invalid input"),
    INVALID_COLLEGE("invalid-college", 400, "Invalid input"),
    INVALID_ORGANISATION("invalid-organisation", 400, "Invalid input"),
    INVALID_KEY_REQUEST("invalid-key-request", 400, "Invalid input"),
    INVALID_FORECAST("invalid-forecast", 400, "Invalid input"),
    INVALID_CAPACITY("invalid-capacity", 400, "Invalid input"),
    INVALID_TOP_REGION("invalid-top-region", 400, "Invalid input"),
    // 401, 403, 404
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    // 409: well-formed input that conflicts with the stored state
    CONFLICT("conflict", 409, "Conflict"),
    COLLEGE_CONFLICT("college-conflict", 409, "Conflict"),
    DEMO_CONFLICT("demo-conflict", 409, "Conflict"),
    EMPLOYER_CONFLICT("employer-conflict", 409, "Conflict"),
    JOB_PROFILE_CONFLICT("job-profile-conflict", 409, "Conflict"),
    ORGANISATION_CONFLICT("organisation-conflict", 409, "Conflict"),
    EXPERTISE_CONFLICT("expertise-conflict", 409, "Conflict"),
    PROGRAMME_VERSION_CONFLICT("programme-version-conflict", 409, "Conflict"),
    STANDARD_EDITION_CONFLICT("standard-edition-conflict", 409, "Conflict"),
    RULE_SET_CONFLICT("rule-set-conflict", 409, "Conflict"),
    ROLLBACK_CONFLICT("rollback-conflict", 409, "Conflict"),
    RESCORING_JOB_CONFLICT("rescoring-job-conflict", 409, "Conflict"),
    UPLOAD_CONFLICT("upload-conflict", 409, "Conflict"),
    // 413, 429, 5xx
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "Database unavailable"),
    SHUTTING_DOWN("shutting-down", 503, "Shutting down"),
    // Spring MVC's own refusals (an unknown path, a wrong method or media type), typed by their status
    HTTP_400("http-400", 400, "Bad Request"),
    HTTP_404("http-404", 404, "Not Found"),
    HTTP_405("http-405", 405, "Method Not Allowed"),
    HTTP_406("http-406", 406, "Not Acceptable"),
    HTTP_415("http-415", 415, "Unsupported Media Type"),
    HTTP_500("http-500", 500, "Internal Server Error"),
    HTTP_503("http-503", 503, "Service Unavailable");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The last segment of the type URI: stable, clients depend on it. */
    public String slug() {
        return slug;
    }

    /** The HTTP status the problem is answered with. */
    public int status() {
        return status;
    }

    /** The problem detail's title (in English; the api translates it when Russian is preferred). */
    public String title() {
        return title;
    }

    /** The kind for Spring MVC's own refusal with this status ({@code http-NNN}), if the app can answer it. */
    public static Optional<ProblemType> ofHttpStatus(int status) {
        String slug = "http-" + status;
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** This kind, failing fast when it is not answered with {@code expected} (a 400 kind raised as a conflict). */
    ProblemType requireStatus(int expected) {
        if (status != expected) {
            throw new IllegalArgumentException("Problem type " + slug + " is answered " + status + ", not " + expected);
        }
        return this;
    }
}
