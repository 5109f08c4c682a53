package ru.workready.api.trainingorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.employers.DemandService;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.testing.TestClock;
import ru.workready.engine.programmes.Programme;
import tools.jackson.databind.json.JsonMapper;

/**
 * A region of its own with two colleges training 09.02.07 (the demo programme and its mapping to 06.001), years
 * relative to {@link TestClock}:
 * <ul>
 *   <li>A: a past intake (graduated two summers before the next intake) of 8 graduates, 6 with ПК 1.2 graded 5 (A/02.3
 *       READY at graduation) and 2 graded 2; a current intake of 20 students; capacity 24 places;</li>
 *   <li>B: a past intake of 5 graduates, 2 graded 5 and 3 graded 2; a current intake of 10; no capacity known.</li>
 * </ul>
 * Demand for the year the next intake graduates: 40 people for ТФ 06.001 A/02.3 (declared), 10 for the specialty
 * 09.02.07 and 7 for 35.02.01, which no college trains (forecast).
 */
record OrderFixture(String region, String collegeA, String collegeB, int nextIntake, int needYear) {

    static OrderFixture create(ApplicationContext app) {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String region = "ORDER-REGION-" + tag;
        LocalDate today = TestClock.today();
        int nextIntake = today.isBefore(LocalDate.of(today.getYear(), 9, 1)) ? today.getYear() : today.getYear() + 1;
        int pastIntake = nextIntake - 6;
        LocalDate assessed = LocalDate.of(pastIntake + 2, 3, 1);
        String a = "ORD-A-" + tag;
        String b = "ORD-B-" + tag;
        college(app, a, region, pastIntake, 6, 2, nextIntake - 1, 20, assessed);
        college(app, b, region, pastIntake, 2, 3, nextIntake - 1, 10, assessed);
        int needYear = nextIntake + 4;
        app.getBean(DemandService.class).upload(List.of(new DemandService.DemandDraft(region, needYear, 40, null, null,
                "06.001", "A/02.3", "fixture")));
        return new OrderFixture(region, a, b, nextIntake, needYear);
    }

    String forecastCsv() {
        return "region;year;fgos_code;count;source\n" + region + ";" + needYear + ";09.02.07;10;прогноз\n" + region + ";"
                + needYear + ";35.02.01;7;прогноз\n";
    }

    String capacityCsv() {
        return "college;fgos_code;places\n" + collegeA + ";09.02.07;24\n";
    }

    String topRegionCsv() {
        return "region;list_year;fgos_code;name;rank\n" + region + ";" + nextIntake + ";09.02.07;Информационные системы "
                + "и программирование;1\n" + region + ";" + nextIntake + ";35.02.01;Лесное и лесопарковое хозяйство;2\n";
    }

    private static void college(ApplicationContext app, String code, String region, int pastIntake, int ready,
                                int notReady, int currentIntake, int current, LocalDate assessed) {
        ProgrammeRepository programmes = app.getBean(ProgrammeRepository.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long collegeId = programmes.insertCollege(code, "Колледж " + code, region);
        long past = programme(app, collegeId, pastIntake);
        long now = programme(app, collegeId, currentIntake);
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on\n");
        for (int i = 1; i <= ready + notReady; i++) {
            String id = code + "-P" + i;
            jdbc.sql("insert into student (id, college_id, programme_id) values (?, ?, ?)").params(id, collegeId, past)
                    .update();
            csv.append(id).append(";ПК 1.2;COURSE_GRADE;").append(i <= ready ? 5 : 2).append(';').append(assessed)
                    .append('\n');
        }
        for (int i = 1; i <= current; i++) {
            jdbc.sql("insert into student (id, college_id, programme_id) values (?, ?, ?)")
                    .params(code + "-N" + i, collegeId, now).update();
        }
        app.getBean(AssessmentUploadService.class).upload(code, "fixture.csv", null,
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static long programme(ApplicationContext app, long collegeId, int intake) {
        Programme demo = JsonMapper.builder().build().readValue(resource("/demo/programme-09.02.07.json"),
                Programme.class);
        long id = app.getBean(ProgrammeRepository.class).insert(collegeId, new Programme(demo.fgosCode(), demo.name(),
                demo.qualification(), demo.qualificationLevel(), intake, demo.activities(), demo.outcomes()));
        long standardId = app.getBean(StandardRepository.class).currentEdition("06.001").orElseThrow();
        app.getBean(MappingImportService.class).importCsv(id, standardId, "test", resource("/demo/mapping-06.001.csv"));
        return id;
    }

    private static byte[] resource(String path) {
        try (InputStream in = OrderFixture.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
