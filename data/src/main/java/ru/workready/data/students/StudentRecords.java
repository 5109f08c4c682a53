package ru.workready.data.students;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ru.workready.data.assessments.EvidenceRepository;

/**
 * A college's students and the assessment records kept for each.
 */
@Service
public class StudentRecords {
    private final StudentRepository students;
    private final EvidenceRepository evidence;

    StudentRecords(StudentRepository students, EvidenceRepository evidence) {
        this.students = students;
        this.evidence = evidence;
    }

    public Optional<StudentRepository.Student> find(String id) {
        return students.find(id);
    }

    public List<StudentRepository.Student> byCollege(String collegeCode) {
        return students.byCollege(collegeCode);
    }

    public List<EvidenceRepository.EvidenceRecord> records(String studentId) {
        return evidence.records(studentId);
    }
}
