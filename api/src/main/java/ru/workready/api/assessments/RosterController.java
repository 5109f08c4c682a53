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
import ru.workready.data.security.Role;
import ru.workready.data.students.RosterUploadService;

/** Colleges upload their student roster through the same path as results. */
@RestController
@Tag(name = "Assessments")
class RosterController {
    private final UploadRunner runner;
    private final RosterUploadService roster;
    private final Tenancy tenancy;

    RosterController(UploadRunner runner, RosterUploadService roster, Tenancy tenancy) {
        this.runner = runner;
        this.roster = roster;
        this.tenancy = tenancy;
    }

    @PostMapping(path = "/api/colleges/{college}/students", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson",
            "application/jsonl", "application/json-lines",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Allowed(Role.COLLEGE)
    @BodyLimit(value = AssessmentController.MAX_BYTES, property = AssessmentController.MAX_BYTES_PROPERTY)
    @Audited(action = "upload-roster", subjectKind = "college", subject = "college")
    @Operation(summary = "Upload the student roster (CSV, JSON, JSON Lines, XLSX): all or nothing, idempotent",
            description = "Columns: student_id, programme (ФГОС code) required; intake_year (when the college has "
                    + "several versions of the programme), group, last_name, first_name, middle_name, "
                    + "employer_consent (yes/no), consent_date (required with consent). New students are added, "
                    + "known ones updated; countsByKind tells NEW and UPDATED.")
    ResponseEntity<AssessmentController.UploadView> upload(@PathVariable String college,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestParam(name = "fileName", required = false) @Nullable String fileName,
            HttpServletRequest request) {
        tenancy.requireCollege(college);
        return AssessmentController.respond(college, runner.run(roster, college, fileName, key, UploadBodies.of(request)));
    }
}
