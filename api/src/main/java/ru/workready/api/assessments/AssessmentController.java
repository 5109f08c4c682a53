package ru.workready.api.assessments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.problems.Bodies;
import ru.workready.api.scoring.ReadinessService;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.BodyLimit;
import ru.workready.api.security.Tenancy;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.security.Role;

/** Colleges upload assessment results; the affected students are rescored at once. */
@RestController
@Tag(name = "Assessments")
class AssessmentController {
    static final long MAX_CSV_BYTES = 50L * 1024 * 1024;

    record UploadView(long uploadId, boolean duplicate, int rows, Map<String, Integer> countsByKind,
                      List<String> affectedStudents, int rescoredStandards, List<String> warnings) {
    }

    private final AssessmentUploadService uploads;
    private final ReadinessService readiness;
    private final Tenancy tenancy;

    AssessmentController(AssessmentUploadService uploads, ReadinessService readiness, Tenancy tenancy) {
        this.uploads = uploads;
        this.readiness = readiness;
        this.tenancy = tenancy;
    }

    @PostMapping(path = "/api/colleges/{college}/assessments",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Allowed(Role.COLLEGE)
    @BodyLimit(MAX_CSV_BYTES)
    @Audited(action = "upload-assessments", subjectKind = "college", subject = "college")
    @Operation(summary = "Upload a CSV of assessment results (all or nothing; idempotent by content or key)",
            description = "Columns: student_id, kind, result, assessed_on (required), outcome_code, max_points, "
                    + "attempt, assessor, standard_code, generalized_function, comment. UTF-8 or Windows-1251, "
                    + "';' or ','. Kinds: COURSE_GRADE, EMPLOYER_PRACTICE, MODULE_EXAM, DEMO_EXAM, CHAMPIONSHIP, "
                    + "INDEPENDENT_ASSESSMENT.")
    ResponseEntity<UploadView> upload(@PathVariable String college,
                                      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                      @RequestParam(name = "fileName", required = false) @Nullable String fileName,
                                      HttpServletRequest request) throws IOException {
        tenancy.requireCollege(college);
        byte[] content = Bodies.read(request.getInputStream(), MAX_CSV_BYTES);
        AssessmentUploadService.UploadResult r = uploads.upload(college, fileName, key, content);
        int rescored = r.duplicate() ? 0 : readiness.rescore(r.affectedStudents());
        return ResponseEntity.status(r.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new UploadView(r.uploadId(), r.duplicate(), r.rows(), r.countsByKind(), r.affectedStudents(),
                        rescored, r.warnings()));
    }
}
