package ru.workready.api.assessments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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
import ru.workready.data.assessments.UploadLoader;
import ru.workready.data.assessments.UploadRunner;
import ru.workready.data.outcomes.EmploymentUploadService;
import ru.workready.data.security.Role;
import ru.workready.data.students.RosterUploadService;

/** Colleges upload their student roster and their graduates' employment records through the same path as results. */
@RestController
@Tag(name = "Assessments")
class RosterAndEmploymentController {
    private final UploadRunner runner;
    private final RosterUploadService roster;
    private final EmploymentUploadService employment;
    private final Tenancy tenancy;

    RosterAndEmploymentController(UploadRunner runner, RosterUploadService roster, EmploymentUploadService employment,
                                  Tenancy tenancy) {
        this.runner = runner;
        this.roster = roster;
        this.employment = employment;
        this.tenancy = tenancy;
    }

    @PostMapping(path = "/api/colleges/{college}/students", consumes = {
            AssessmentController.CSV, AssessmentController.TEXT, AssessmentController.BYTES, AssessmentController.JSON,
            AssessmentController.NDJSON, AssessmentController.JSONL, AssessmentController.JSON_LINES,
            AssessmentController.XLSX})
    @Allowed(Role.COLLEGE)
    @BodyLimit(value = AssessmentController.MAX_BYTES, property = AssessmentController.MAX_BYTES_PROPERTY)
    @Audited(action = "upload-roster", subjectKind = "college", subject = "college")
    @Operation(summary = "Upload the student roster (CSV, JSON, JSON Lines, XLSX): all or nothing, idempotent",
            description = "Columns: student_id, programme (ФГОС code) required; intake_year (when the college has "
                    + "several versions of the programme), group, last_name, first_name, middle_name, "
                    + "employer_consent (yes/no), consent_date (required with consent). New students are added, "
                    + "known ones updated; countsByKind tells NEW and UPDATED.")
    ResponseEntity<AssessmentController.UploadView> roster(@PathVariable String college,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestParam(name = "fileName", required = false) @Nullable String fileName,
            HttpServletRequest request) {
        return run(roster, college, fileName, key, request);
    }

    @PostMapping(path = "/api/colleges/{college}/employment", consumes = {
            AssessmentController.CSV, AssessmentController.TEXT, AssessmentController.BYTES, AssessmentController.JSON,
            AssessmentController.NDJSON, AssessmentController.JSONL, AssessmentController.JSON_LINES,
            AssessmentController.XLSX})
    @Allowed(Role.COLLEGE)
    @BodyLimit(value = AssessmentController.MAX_BYTES, property = AssessmentController.MAX_BYTES_PROPERTY)
    @Audited(action = "upload-employment", subjectKind = "college", subject = "college")
    @Operation(summary = "Upload graduates' employment records (CSV, JSON, JSON Lines, XLSX): all or nothing, "
            + "idempotent", description = "Columns: student_id, observed_on, status (EMPLOYED, SELF_EMPLOYED, "
            + "CONTINUING_EDUCATION, ARMY, PARENTAL_LEAVE, UNEMPLOYED, UNKNOWN), source (COLLEGE_SURVEY, EMPLOYER, "
            + "OFFICIAL) required; employer, region (code or official name), okz_code (ОКЗ), okpdtr_code (ОКПДТР), "
            + "in_specialty (yes/no; empty: derived from the codes of the standards the programme is mapped to). "
            + "countsByKind counts the rows by status. docs/validity.md")
    ResponseEntity<AssessmentController.UploadView> employment(@PathVariable String college,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestParam(name = "fileName", required = false) @Nullable String fileName,
            HttpServletRequest request) {
        return run(employment, college, fileName, key, request);
    }

    private ResponseEntity<AssessmentController.UploadView> run(UploadLoader loader, String college,
                                                                @Nullable String fileName, @Nullable String key,
                                                                HttpServletRequest request) {
        tenancy.requireCollege(college);
        return AssessmentController.respond(college, runner.run(loader, college, fileName, key,
                UploadBodies.of(request)));
    }
}
