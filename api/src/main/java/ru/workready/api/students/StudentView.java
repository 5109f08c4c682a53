package ru.workready.api.students;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import ru.workready.data.students.StudentRepository;

/** A student as the API lists it. */
record StudentView(String id, long collegeId, String collegeCode, long programmeId, @Nullable String groupCode,
                   boolean employerConsent, @Nullable LocalDate consentDate) {

    static StudentView from(StudentRepository.Student s) {
        return new StudentView(s.id(), s.collegeId(), s.collegeCode(), s.programmeId(), s.groupCode(),
                s.employerConsent(), s.consentDate());
    }
}
