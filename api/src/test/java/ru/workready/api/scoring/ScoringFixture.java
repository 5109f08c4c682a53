package ru.workready.api.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.testing.TestClock;
import ru.workready.engine.programmes.Programme;
import tools.jackson.databind.json.JsonMapper;

/**
 * A college of its own (uniquely named, in a region of its own) with its own copy of the demo
 * programme 09.02.07 and its mapping to 06.001, so that tests can activate rule sets and rescore
 * without touching DEMO, its programme's reports or its cohort.
 *
 * <p>Each student has: ПК 1.1 course grade 3 assessed two months before the tests' today → A/01.3
 * PARTIALLY_READY; ПК 1.2 course grade 5 assessed three years before it → A/02.3 READY under the default,
 * excluded by a stale limit under a year. Dates are relative to {@link TestClock}.
 */
public record ScoringFixture(String college, String region, List<String> students) {

    public static ScoringFixture create(ApplicationContext app, int count) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return create(app, count, null, "T6-REGION-" + suffix);
    }

    /**
     * As {@link #create(ApplicationContext, int)}, with the programme's intake year (null: the demo programme's) in a
     * given region (created when new).
     */
    public static ScoringFixture create(ApplicationContext app, int count, @Nullable Integer intakeYear,
                                        String region) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        ProgrammeRepository programmes = app.getBean(ProgrammeRepository.class);
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String college = "T6-" + suffix;
        long collegeId = programmes.insertCollege(college, "Test college " + suffix, region);
        Programme demo = JsonMapper.builder().build().readValue(resource("/demo/programme-09.02.07.json"),
                Programme.class);
        long programmeId = programmes.insert(collegeId, intakeYear == null ? demo : new Programme(demo.fgosCode(),
                demo.name(), demo.qualification(), demo.qualificationLevel(), intakeYear, demo.activities(),
                demo.outcomes()));
        long standardId = app.getBean(StandardRepository.class).currentEdition("06.001").orElseThrow();
        app.getBean(MappingImportService.class).importCsv(programmeId, standardId, "test",
                resource("/demo/mapping-06.001.csv"));
        List<String> students = new ArrayList<>();
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on\n");
        java.time.LocalDate recent = TestClock.today().minusMonths(2);
        java.time.LocalDate old = TestClock.today().minusYears(3);
        for (int i = 1; i <= count; i++) {
            String id = college + "-" + String.format("%03d", i);
            jdbc.sql("insert into student (id, college_id, programme_id) values (?, ?, ?)")
                    .params(id, collegeId, programmeId).update();
            students.add(id);
            csv.append(id).append(";ПК 1.1;COURSE_GRADE;3;").append(recent).append('\n');
            csv.append(id).append(";ПК 1.2;COURSE_GRADE;5;").append(old).append('\n');
        }
        app.getBean(AssessmentUploadService.class).upload(college, "fixture.csv", null,
                csv.toString().getBytes(StandardCharsets.UTF_8));
        return new ScoringFixture(college, region, students);
    }

    private static byte[] resource(String path) {
        try (InputStream in = ScoringFixture.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
