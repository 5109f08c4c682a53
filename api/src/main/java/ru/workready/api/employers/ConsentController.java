package ru.workready.api.employers;

import ru.workready.data.students.StudentRecords;

import ru.workready.data.employers.Consents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.Tenancy;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.employers.ConsentRepository;
import ru.workready.data.security.Role;
import ru.workready.data.students.StudentRepository;

/**
 * A student's consent to be visible to employers, recorded with its date; a withdrawal takes
 * effect for the next employer request. Role: COLLEGE of the student (who holds the signed form).
 */
@RestController
@Tag(name = "Students and readiness")
class ConsentController {

    record ConsentRequest(@Nullable Boolean consent, @Nullable LocalDate date) {
    }

    /** @param timesListedToEmployers how often the student appeared in employers' candidate lists */
    record ConsentView(String studentId, boolean consent, @Nullable LocalDate date,
                       List<ConsentDecisionView> history, long timesListedToEmployers) {
    }

    private final Consents consents;
    private final StudentRecords students;
    private final Tenancy tenancy;

    private final java.time.Clock clock;

    ConsentController(Consents consents, StudentRecords students, Tenancy tenancy,
                      java.time.Clock clock) {
        this.clock = clock;
        this.consents = consents;
        this.students = students;
        this.tenancy = tenancy;
    }

    @PutMapping("/api/students/{id}/consent")
    @Allowed(Role.COLLEGE)
    @Audited(action = "record-consent", subjectKind = "student", subject = "id")
    @Operation(summary = "Record a student's consent to be visible to employers, or its withdrawal",
            description = "Body: {\"consent\": true|false, \"date\": \"YYYY-MM-DD\"} (date defaults to today).")
    ConsentView record(@PathVariable String id, @RequestBody ConsentRequest request) {
        tenancy.requireStudent(students.find(id).orElseThrow(() -> new NotFoundException("No student with id " + id)));
        if (request.consent() == null) {
            throw new InvalidInputException(ProblemType.INVALID_CONSENT, "consent is required",
                    List.of(new InvalidInputException.Problem(null, "consent", null, "required: true or false")), 1);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = request.date() == null ? today : Inputs.requireDate("date", request.date());
        if (date.isAfter(today.plusDays(1))) {
            throw new InvalidInputException(ProblemType.INVALID_CONSENT, "the decision cannot be dated in the future",
                    List.of(new InvalidInputException.Problem(null, "date", date.toString(), "in the future")), 1);
        }
        consents.record(id, request.consent(), date);
        return view(id);
    }

    @GetMapping("/api/students/{id}/consent")
    @Allowed(Role.COLLEGE)
    @Audited(action = "read-consent", subjectKind = "student", subject = "id")
    @Operation(summary = "A student's consent and its history")
    ConsentView view(@PathVariable String id) {
        StudentRepository.Student s = tenancy.requireStudent(
                students.find(id).orElseThrow(() -> new NotFoundException("No student with id " + id)));
        return new ConsentView(id, s.employerConsent(), s.consentDate(),
                consents.history(id).stream().map(ConsentDecisionView::from).toList(),
                consents.disclosures(id));
    }
}
