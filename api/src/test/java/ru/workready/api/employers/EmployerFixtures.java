package ru.workready.api.employers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.programmes.Programme;

/**
 * Uniquely named colleges, cohorts and stored scores for employer tests, so that they neither
 * see nor disturb the demo data and each other (the database is shared by all tests).
 */
final class EmployerFixtures {
    private final JdbcClient jdbc;
    private final ProgrammeRepository programmes;
    private final StudentRepository students;
    final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final String region = "Регион-" + tag;

    EmployerFixtures(JdbcClient jdbc, ProgrammeRepository programmes, StudentRepository students) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.students = students;
    }

    /** A college of this fixture's region. */
    long college(String code) {
        return programmes.insertCollege(code + "-" + tag, "Колледж " + code, region);
    }

    String collegeCode(String code) {
        return code + "-" + tag;
    }

    /** A programme (no outcomes, no mapping: its students' scores are the ones the test stores). */
    long programme(long collegeId, String fgos, int intakeYear) {
        return programmes.insert(collegeId, new Programme(fgos, "Программа " + fgos, "Техник", 5, intakeYear,
                List.of(), List.of()));
    }

    /** Students named {@code <prefix>-<tag>-NN}; consent as given. */
    List<String> students(long collegeId, String collegeCode, long programmeId, String prefix, boolean... consent) {
        List<StudentRepository.Student> roster = new ArrayList<>();
        for (int i = 0; i < consent.length; i++) {
            roster.add(new StudentRepository.Student(String.format("%s-%s-%02d", prefix, tag, i + 1), collegeId,
                    collegeCode, programmeId, null, consent[i], consent[i] ? LocalDate.of(2026, 9, 1) : null));
        }
        students.insertAll(roster);
        return roster.stream().map(StudentRepository.Student::id).toList();
    }

    static boolean[] consenting(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    long function(String code) {
        return jdbc.sql("""
                        select f.id from labour_function f join professional_standard s on s.id = f.standard_id
                        where s.code = '06.001' and s.is_current and f.code = ?""").param(code)
                .query(Long.class).single();
    }

    /** Stores a score as the scoring service would (explanation with one mapped outcome). */
    void score(String student, String function, String level, Double readiness) {
        jdbc.sql("""
                        insert into readiness_score (college_id, student_id, labour_function_id, readiness, coverage,
                                                     level, explanation, rule_set_version)
                        values ((select college_id from student where id = ?), ?, ?, ?, 1.0, ?, ?::jsonb, 'test')""")
                .params(student, student, function(function), readiness, level, """
                        {"rules":["test"],"reason":"test","outcomes":[{"outcomeCode":"ПК 1.1","type":"EXACT",
                         "mappingWeight":1.0,"critical":true,"mastery":%s,
                         "evidence":[{"kind":"COURSE_GRADE"}]}]}""".formatted(readiness == null ? "null" : readiness))
                .update();
    }

    void scoreAll(List<String> students, String function, String level, double readiness) {
        students.forEach(s -> score(s, function, level, readiness));
    }
}
