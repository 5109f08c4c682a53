package ru.workready.api.assessments;

import ru.workready.data.assessments.UploadRunner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.language.InRussian;
import ru.workready.api.language.Russian;
import ru.workready.api.language.RussianProblems;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.BodyLimit;
import ru.workready.api.security.Tenancy;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.assessments.UploadKind;
import ru.workready.data.assessments.UploadService;
import ru.workready.data.assessments.UploadStatus;
import ru.workready.data.security.Role;

/**
 * Colleges upload assessment results; an upload is a resource with a status. Small uploads are
 * processed in the request and rescore their students at once; large ones run in the background.
 */
@RestController
@Tag(name = "Assessments")
@Allowed(Role.COLLEGE)
class AssessmentController {
    /** The largest upload (a spooled stream, not held in memory); workready.uploads.max-bytes. */
    static final String MAX_BYTES_PROPERTY = "workready.uploads.max-bytes";
    static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    /** The media types an upload is accepted as; the format is told from the content where the type is generic. */
    static final String CSV = "text/csv";
    static final String TEXT = MediaType.TEXT_PLAIN_VALUE;
    static final String BYTES = MediaType.APPLICATION_OCTET_STREAM_VALUE;
    static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";
    static final String JSON_LINES = "application/json-lines";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** An upload as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UploadView(long uploadId, UploadKind kind, String status, boolean duplicate, @Nullable String fileName,
                      @Nullable String format, @Nullable String encoding, long bytes, int rows, long rowsRead,
                      Map<String, Integer> countsByKind, @Nullable List<String> affectedStudents, int studentCount,
                      int rescoredStandards, long staleScores, List<String> warnings, int warningCount,
                      @Nullable List<Problem> problems, @Nullable Integer problemCount, @Nullable String detail,
                      OffsetDateTime createdAt, @Nullable OffsetDateTime finishedAt) implements InRussian {

        @Override
        public UploadView inRussian() {
            return new UploadView(uploadId, kind, status, duplicate, fileName, format, encoding, bytes, rows, rowsRead,
                    countsByKind, affectedStudents, studentCount, rescoredStandards, staleScores,
                    warnings.stream().map(Russian::text).toList(), warningCount, problems == null ? null
                    : problems.stream().map(p -> (Problem) RussianProblems.translated(p)).toList(), problemCount,
                    Russian.text(detail), createdAt, finishedAt);
        }

        static UploadView of(UploadStatus u, boolean duplicate, @Nullable List<String> students, int rescored) {
            boolean rejected = !u.problems().isEmpty() || u.problemCount() > 0;
            return new UploadView(u.id(), u.kind(), u.status(), duplicate, u.fileName(), u.format(), u.encoding(),
                    u.bytes(), u.rows(), u.rowsRead(), u.countsByKind(), students, u.studentCount(), rescored,
                    u.staleScores(), u.warnings(), u.warningCount(), rejected ? u.problems() : null,
                    rejected ? u.problemCount() : null, u.detail(), u.createdAt(), u.finishedAt());
        }
    }

    private final UploadRunner runner;
    private final AssessmentUploadService assessments;
    private final UploadService uploads;
    private final Tenancy tenancy;

    AssessmentController(UploadRunner runner, AssessmentUploadService assessments, UploadService uploads,
                         Tenancy tenancy) {
        this.runner = runner;
        this.assessments = assessments;
        this.uploads = uploads;
        this.tenancy = tenancy;
    }

    @PostMapping(path = "/api/colleges/{college}/assessments", consumes = {CSV, TEXT, BYTES, JSON, NDJSON, JSONL,
            JSON_LINES, XLSX})
    @BodyLimit(value = MAX_BYTES, property = MAX_BYTES_PROPERTY)
    @Audited(action = "upload-assessments", subjectKind = "college", subject = "college")
    @Operation(summary = "Upload assessment results (CSV, JSON array or JSON Lines, XLSX): all or nothing, idempotent",
            description = "Columns: student_id, kind, result, assessed_on (required), programme, outcome_code, "
                    + "max_points, attempt, assessor, standard_code, generalized_function, certificate_number, "
                    + "conclusion, place, comment. CSV in UTF-8 (with or without BOM) or Windows-1251, ';' or ','. "
                    + "Kinds: COURSE_GRADE, EMPLOYER_PRACTICE, MODULE_EXAM, DEMO_EXAM, CHAMPIONSHIP, "
                    + "INDEPENDENT_ASSESSMENT. 201 when stored, 200 for a repeat (same content or Idempotency-Key), "
                    + "202 when processing in the background (large files, or Prefer: respond-async); a CSV of "
                    + "more than 1 MB processed in the background is read while its body still arrives.")
    ResponseEntity<UploadView> upload(@PathVariable String college,
                                      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                      @RequestParam(name = "fileName", required = false) @Nullable String fileName,
                                      HttpServletRequest request) {
        tenancy.requireCollege(college);
        return respond(college, runner.run(assessments, college, fileName, key, UploadBodies.of(request)));
    }

    @GetMapping("/api/colleges/{college}/uploads/{id}")
    @Operation(summary = "An upload: status, progress, counts by kind, warnings, problems, stale scores")
    ResponseEntity<UploadView> upload(@PathVariable String college, @PathVariable long id) {
        // another college's upload id answers like an unknown one: the status is looked up within the college
        tenancy.requireCollege(college);
        UploadStatus upload = uploads.status(college, id);
        return withRetryAfter(ResponseEntity.ok(), UploadStatus.PROCESSING.equals(upload.status()))
                .body(UploadView.of(upload, false, null, 0));
    }

    @GetMapping("/api/colleges/{college}/uploads")
    @Operation(summary = "The college's latest uploads, newest first")
    List<UploadView> uploads(@PathVariable String college, @RequestParam(defaultValue = "50") int limit) {
        tenancy.requireCollege(college);
        return uploads.recent(college, Math.max(1, Math.min(limit, 500))).stream()
                .map(u -> UploadView.of(u, false, null, 0)).toList();
    }

    /**
     * 201 stored, 200 repeat, 202 running in the background; Location names the upload resource, and Retry-After
     * when to read it while it runs.
     */
    static ResponseEntity<UploadView> respond(String college, UploadRunner.Started s) {
        HttpStatus status = s.duplicate() ? HttpStatus.OK : s.async() ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return withRetryAfter(ResponseEntity.status(status), s.async())
                .location(URI.create("/api/colleges/" + college + "/uploads/" + s.upload().id()))
                .body(UploadView.of(s.upload(), s.duplicate(), s.async() ? null : s.students(), s.rescoredStandards()));
    }

    /**
     * A running upload's answer says when to ask again (RFC 9110 Retry-After, in seconds): every read of the status
     * is a request the node serves while it loads the file (docs/benchmarks.md: polling every 10 ms slowed a
     * million-row upload by a fifth), and a second is finer than an upload of any size needs.
     */
    private static ResponseEntity.BodyBuilder withRetryAfter(ResponseEntity.BodyBuilder response, boolean running) {
        return running ? response.header("Retry-After", "1") : response;
    }
}
