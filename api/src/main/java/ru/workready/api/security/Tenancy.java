package ru.workready.api.security;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.workready.data.NotFoundException;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.Role;
import ru.workready.data.students.StudentRepository.Student;
import ru.workready.data.trainingorder.PlanningScope;

/**
 * Tenancy checks for controllers. A subject the caller may not see is answered exactly like one
 * that does not exist (404 with the same detail), so that no tenant can probe another's ids.
 */
@Component
public class Tenancy {
    private final ProgrammeRepository programmes;

    public Tenancy(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    /** A COLLEGE key acts only on its own college; other roles pass (their {@link Allowed} decides). */
    public void requireCollege(String collegeCode) {
        Caller caller = Caller.current();
        if (caller.is(Role.COLLEGE) && !collegeCode.equals(caller.college())) {
            throw new NotFoundException("No college with code " + collegeCode);
        }
    }

    /**
     * A COLLEGE key acts only on its own programmes, chosen by id or by college, ФГОС code and intake
     * year; the 404s read as the report service's own for a programme that does not exist.
     */
    public void requireProgramme(@Nullable Long id, @Nullable String college, @Nullable String fgos,
                                 @Nullable Integer year) {
        Caller caller = Caller.current();
        if (!caller.is(Role.COLLEGE)) {
            return;
        }
        if (id != null) {
            if (!programmes.summary(id).map(p -> p.collegeCode().equals(caller.college())).orElse(false)) {
                throw new NotFoundException("No programme with id " + id);
            }
        } else if (college != null && !college.strip().equals(caller.college())) {
            throw new NotFoundException("No programme " + fgos + " of college " + college + " with intake year " + year);
        }
    }

    /**
     * An EMPLOYER key acts only for its own employer: the employer whose code is the key's
     * organisation code. Another employer reads as an unknown one.
     */
    public void requireEmployer(String employerCode) {
        Caller caller = Caller.current();
        if (caller.is(Role.EMPLOYER) && !employerCode.equals(caller.organisation())) {
            throw new NotFoundException("No employer with code " + employerCode);
        }
    }

    /**
     * The planning scope of the caller: a CURRICULUM_DESIGNER key is limited to its organisation's region (a bound
     * REGION organisation's, or its college's); other roles are limited by their {@link Allowed} and their own checks.
     */
    public PlanningScope planningScope() {
        Caller caller = Caller.current();
        return caller.is(Role.CURRICULUM_DESIGNER) ? new PlanningScope(caller.region()) : PlanningScope.ANY;
    }

    /** A region (official name) outside the caller's planning scope reads as an unknown one (404). */
    public String requireRegion(String officialRegion, String asNamed) {
        if (!planningScope().allows(officialRegion)) {
            throw new NotFoundException("No region " + asNamed);
        }
        return officialRegion;
    }

    /** Whether the caller may see this student's personal data. */
    public boolean maySee(Student student) {
        Caller caller = Caller.current();
        switch (caller.role()) {
            case ADMIN:
                return true;
            case COLLEGE:
                return student.collegeCode().equals(caller.college());
            case EMPLOYER:
                return student.employerConsent();
            default:
                return false;
        }
    }

    /** The student, if the caller may see them; otherwise the same 404 as for an unknown id. */
    public Student requireStudent(Student student) {
        if (!maySee(student)) {
            throw new NotFoundException("No student with id " + student.id());
        }
        return student;
    }
}
