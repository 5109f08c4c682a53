package ru.workready.api.outcomes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.outcomes.EmploymentUploadService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.programmes.ActivityKind;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.programmes.Programme;

/**
 * A college of its own (uniquely named) with a 09.02.07 programme of the given intake (graduating 30 June of intake + 4,
 * the default 46 months of study), ПК 1.1 → A/01.3 and ПК 1.2 → A/02.3 (EXACT) mapped to 06.001, and students with the
 * results the test writes. Employment records go through the upload path.
 */
record OutcomeFixture(ApplicationContext app, String college, long programmeId, LocalDate graduation,
                      List<String> students) {

    static OutcomeFixture create(ApplicationContext app, int intake, int count) {
        return create(app, intake, count, UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }

    /**
     * With a college code of the caller's choosing (OUT-{suffix}), so that anything derived from the students' ids
     * (the demo's seeded employment records) is the same on every run; the suffix must be new to the database.
     */
    static OutcomeFixture create(ApplicationContext app, int intake, int count, String suffix) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        ProgrammeRepository programmes = app.getBean(ProgrammeRepository.class);
        String college = "OUT-" + suffix;
        long collegeId = programmes.insertCollege(college, "Колледж исходов " + suffix, "OUT-REGION-" + suffix);
        long programmeId = programmes.insert(collegeId, new Programme("09.02.07", "Программа исходов", "Программист", 4,
                intake, List.of(new ActivityKind("ВД 1", "ПМ.01", "Разработка")),
                List.of(new Outcome("ПК 1.1", OutcomeKind.PROFESSIONAL, "Формировать алгоритмы", "ВД 1"),
                        new Outcome("ПК 1.2", OutcomeKind.PROFESSIONAL, "Разрабатывать модули", "ВД 1"))));
        app.getBean(MappingImportService.class).importCsv(programmeId,
                app.getBean(StandardRepository.class).currentEdition("06.001").orElseThrow(), "test", """
                        outcome_code,function_code,type,weight
                        ПК 1.1,A/01.3,EXACT,1.0
                        ПК 1.2,A/02.3,EXACT,1.0
                        """.getBytes(StandardCharsets.UTF_8));
        List<String> students = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = college + "-" + String.format("%03d", i);
            jdbc.sql("insert into student (id, college_id, programme_id) values (?, ?, ?)")
                    .params(id, collegeId, programmeId).update();
            students.add(id);
        }
        return new OutcomeFixture(app, college, programmeId, LocalDate.of(intake + 4, 6, 30), students);
    }

    /** Uploads results: CSV rows "student_id;outcome_code;kind;result;assessed_on". */
    void results(String rows) {
        app.getBean(AssessmentUploadService.class).upload(college, "results.csv", null,
                ("student_id;outcome_code;kind;result;assessed_on\n" + rows).getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads employment records through the upload path: rows after the header below. */
    EmploymentUploadService.Result employment(String rows) {
        return app.getBean(EmploymentUploadService.class).upload(college, "employment.csv",
                ("student_id;observed_on;status;source;okz_code;in_specialty\n" + rows).getBytes(StandardCharsets.UTF_8));
    }
}
