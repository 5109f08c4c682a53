package ru.workready.api.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.assessments.AssessmentUploadService;

/**
 * A college of its own (uniquely named, in a region of its own) whose students follow the demo
 * programme 09.02.07, so that tests can activate rule sets and rescore without touching DEMO.
 *
 * <p>Each student has: ПК 1.1 course grade 3 (recent) → A/01.3 PARTIALLY_READY; ПК 1.2 course
 * grade 5 assessed 2024-01-10 → A/02.3 READY under the default, excluded by a stale limit under a year.
 */
public record ScoringFixture(String college, String region, List<String> students) {

    public static ScoringFixture create(JdbcClient jdbc, AssessmentUploadService uploads, int count) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String college = "T6-" + suffix;
        String region = "T6-REGION-" + suffix;
        long collegeId = jdbc.sql("insert into college (code, name, region) values (?, ?, ?) returning id")
                .params(college, "Test college " + suffix, region).query(Long.class).single();
        long programmeId = jdbc.sql("""
                        select p.id from programme p join college c on c.id = p.college_id
                        where c.code = 'DEMO' and p.fgos_code = '09.02.07' order by p.id limit 1""")
                .query(Long.class).single();
        List<String> students = new ArrayList<>();
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on\n");
        for (int i = 1; i <= count; i++) {
            String id = college + "-" + String.format("%03d", i);
            jdbc.sql("insert into student (id, college_id, programme_id) values (?, ?, ?)")
                    .params(id, collegeId, programmeId).update();
            students.add(id);
            csv.append(id).append(";ПК 1.1;COURSE_GRADE;3;2026-06-01\n");
            csv.append(id).append(";ПК 1.2;COURSE_GRADE;5;2024-01-10\n");
        }
        uploads.upload(college, "fixture.csv", null, csv.toString().getBytes(StandardCharsets.UTF_8));
        return new ScoringFixture(college, region, students);
    }
}
