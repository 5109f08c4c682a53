package ru.workready.api.assessments;

import ru.workready.data.assessments.UploadRunner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.BodyLimit;
import ru.workready.api.security.Tenancy;
import ru.workready.data.outcomes.EmploymentUploadService;
import ru.workready.data.security.Role;

/** Colleges upload their graduates' employment records through the same path as results and rosters. */
@RestController
@Tag(name = "Assessments")
class EmploymentUploadController {
    private final UploadRunner runner;
    private final EmploymentUploadService employment;
    private final Tenancy tenancy;

    EmploymentUploadController(UploadRunner runner, EmploymentUploadService employment, Tenancy tenancy) {
        this.runner = runner;
        this.employment = employment;
        this.tenancy = tenancy;
    }

    @PostMapping(path = "/api/colleges/{college}/employment", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson",
            "application/jsonl", "application/json-lines",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Allowed(Role.COLLEGE)
    @BodyLimit(value = AssessmentController.MAX_BYTES, property = AssessmentController.MAX_BYTES_PROPERTY)
    @Audited(action = "upload-employment", subjectKind = "college", subject = "college")
    @Operation(summary = "Upload graduates' employment records (CSV, JSON, JSON Lines, XLSX): all or nothing, "
            + "idempotent", description = "Columns: student_id, observed_on, status (EMPLOYED, SELF_EMPLOYED, "
            + "CONTINUING_EDUCATION, ARMY, PARENTAL_LEAVE, UNEMPLOYED, UNKNOWN), source (COLLEGE_SURVEY, EMPLOYER, "
            + "OFFICIAL) required; employer, region (code or official name), okz_code (ОКЗ), okpdtr_code (ОКПДТР), "
            + "in_specialty (yes/no; empty: derived from the codes of the standards the programme is mapped to). "
            + "countsByKind counts the rows by status. docs/validity.md")
    ResponseEntity<AssessmentController.UploadView> upload(@PathVariable String college,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestParam(name = "fileName", required = false) @Nullable String fileName,
            HttpServletRequest request) {
        tenancy.requireCollege(college);
        return AssessmentController.respond(college, runner.run(employment, college, fileName, key, UploadBodies.of(request)));
    }
}
