package ru.workready.api.scoring;

import ru.workready.data.scoring.Moment;

import ru.workready.data.scoring.ReadinessService;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.ApiTest;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.assessments.EvidenceRepository;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.scoring.ScoreRepository;
import ru.workready.data.scoring.ScoringProperties;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.data.testing.TestClock;
import ru.workready.engine.scoring.EvidenceContribution;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.scoring.OutcomeContribution;
import ru.workready.engine.scoring.StudentReadiness;

/**
 * Property: a student's readiness as of a day D equals the readiness computed "today" on a copy of the data that holds
 * only the evidence assessed up to D, with the clock moved to D. For each seed: a random evidence history (outcomes
 * mapped or not, every kind but НОК, grades, points and pass/fail, retakes with attempts, dates over eight years) is
 * uploaded for one student; for a few random days D (some of them evidence dates, to test the boundary), a copy
 * student of the same programme gets the rows dated up to D in the same order, and is scored by a ReadinessService
 * whose clock is fixed at D, and straight by the engine (the copy's whole history, ScoringInput at D, the same rule
 * set), so that the date filter itself is checked against data that needs none. Every function score, outcome mastery and evidence contribution must agree. A failure
 * names its seed; {@code -Dworkready.property.seed=N} reruns one.
 */
class AsOfPropertyTest extends ApiTest {
    private static final List<String> OUTCOMES = List.of("ОК 04", "ПК 1.1", "ПК 1.2", "ПК 1.3", "ПК 1.4", "ПК 1.5",
            "ПК 2.1", "ПК 2.2", "ПК 2.3", "ПК 2.4", "ПК 2.5");
    private static final List<String> KINDS = List.of("COURSE_GRADE", "EMPLOYER_PRACTICE", "MODULE_EXAM", "DEMO_EXAM",
            "CHAMPIONSHIP");
    private static final String HEADER = "student_id;outcome_code;kind;result;max_points;assessed_on;attempt\n";

    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcClient jdbc;

    static Stream<Long> seeds() {
        String one = System.getProperty("workready.property.seed");
        return one != null ? Stream.of(Long.parseLong(one)) : LongStream.rangeClosed(1, 12).map(i -> i * 7919).boxed();
    }

    /** One CSV row without the student id; assessed is its date. */
    private record Row(String rest, LocalDate assessed) {
        String line(String student) {
            return student + ";" + rest + "\n";
        }
    }

    private static List<Row> history(Random random, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        int n = 5 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            String outcome = OUTCOMES.get(random.nextInt(OUTCOMES.size()));
            String kind = KINDS.get(random.nextInt(KINDS.size()));
            LocalDate on = today.minusDays(random.nextInt(8 * 366));
            String result;
            String max = "";
            int r = random.nextInt(10);
            if (r < 6) {
                result = String.valueOf(2 + random.nextInt(4));
            } else if (r < 8) {
                int m = 10 + random.nextInt(91);
                result = String.valueOf(random.nextInt(m + 1));
                max = String.valueOf(m);
            } else {
                result = random.nextBoolean() ? "зачтено" : "не зачтено";
            }
            int attempt = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
            rows.add(new Row(outcome + ";" + kind + ";" + result + ";" + max + ";" + on + ";" + attempt, on));
            if (random.nextInt(5) == 0) {
                // a retake or a correction of the same outcome and kind, on the same day or later
                LocalDate later = on.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(400));
                if (!later.isAfter(today)) {
                    rows.add(new Row(outcome + ";" + kind + ";" + (2 + random.nextInt(4)) + ";;" + later + ";"
                            + (attempt + 1), later));
                }
            }
        }
        return rows;
    }

    private void upload(String college, StringBuilder csv) {
        app.getBean(AssessmentUploadService.class).upload(college, "property.csv", null,
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readinessAsOfADayIsReadinessOnThatDayWithTheEvidenceKnownThen(long seed) {
        Random random = new Random(seed);
        LocalDate today = TestClock.today();
        ScoringFixture fixture = ScoringFixture.create(app, 1);
        String student = fixture.students().get(0);
        StudentRepository students = app.getBean(StudentRepository.class);
        StudentRepository.Student s = students.find(student).orElseThrow();
        // the fixture's own rows (uploaded first): ПК 1.1 grade 3 two months ago, ПК 1.2 grade 5 three years ago
        List<Row> base = List.of(new Row("ПК 1.1;COURSE_GRADE;3;;" + today.minusMonths(2) + ";1", today.minusMonths(2)),
                new Row("ПК 1.2;COURSE_GRADE;5;;" + today.minusYears(3) + ";1", today.minusYears(3)));
        List<Row> random1 = history(random, today);
        StringBuilder csv = new StringBuilder(HEADER);
        random1.forEach(r -> csv.append(r.line(student)));
        upload(fixture.college(), csv);

        ReadinessService service = app.getBean(ReadinessService.class);
        for (int k = 0; k < 3; k++) {
            LocalDate day = random.nextBoolean() && !random1.isEmpty()
                    ? random1.get(random.nextInt(random1.size())).assessed()
                    : today.minusDays(random.nextInt(9 * 366));
            String copy = student + "-D" + k;
            jdbc.sql("insert into student (id, college_id, programme_id) values (?, ?, ?)")
                    .params(copy, s.collegeId(), s.programmeId()).update();
            StringBuilder copyCsv = new StringBuilder(HEADER);
            Stream.concat(base.stream(), random1.stream()).filter(r -> !r.assessed().isAfter(day))
                    .forEach(r -> copyCsv.append(r.line(copy)));
            if (copyCsv.length() > HEADER.length()) {
                upload(fixture.college(), copyCsv);
            }
            StudentReadiness asOf = service.asOf(student, "06.001", Moment.of(day)).readiness();
            ReadinessService onThatDay = new ReadinessService(students, app.getBean(ProgrammeRepository.class),
                    app.getBean(MappingRepository.class), app.getBean(StandardRepository.class),
                    app.getBean(EvidenceRepository.class), app.getBean(ScoreRepository.class),
                    app.getBean(RuleBaseRegistry.class), Clock.fixed(day.atTime(12, 0).atZone(TestClock.ZONE)
                    .toInstant(), TestClock.ZONE), new ScoringProperties(10, 0));
            StudentReadiness then = onThatDay.current(copy, "06.001").readiness();
            // and straight through the engine: the copy's whole history (nothing filtered), evaluated at D
            MappingRepository.ActiveMapping mapping = app.getBean(MappingRepository.class)
                    .active(s.programmeId(), "06.001").orElseThrow();
            StudentReadiness engine = app.getBean(RuleBaseRegistry.class).forCollege(s.collegeCode()).readiness()
                    .evaluate(new ScoringInput(copy, app.getBean(StandardRepository.class)
                            .load(mapping.standardId(), false).orElseThrow(),
                            app.getBean(ProgrammeRepository.class).summary(s.programmeId()).orElseThrow()
                                    .qualificationLevel(), mapping.mappings(),
                            app.getBean(EvidenceRepository.class).history(s.collegeId(), copy), day));
            String what = "seed " + seed + ", as of " + day;
            assertThat(asOf.functions().stream().map(AsOfPropertyTest::comparable).toList()).as(what + " (engine)")
                    .isEqualTo(engine.functions().stream().map(AsOfPropertyTest::comparable).toList());
            assertThat(asOf.ruleSetVersion()).as(what).isEqualTo(then.ruleSetVersion());
            assertThat(asOf.functions().stream().map(AsOfPropertyTest::comparable).toList()).as(what)
                    .isEqualTo(then.functions().stream().map(AsOfPropertyTest::comparable).toList());
            assertThat(asOf.generalizedFunctions()).as(what).isEqualTo(then.generalizedFunctions());
        }
    }

    /** A function score without the evidence rows' ids (the copy's rows have their own). */
    private static List<Object> comparable(FunctionScore f) {
        List<Object> outcomes = new ArrayList<>();
        for (OutcomeContribution o : f.outcomes()) {
            List<Object> evidence = new ArrayList<>();
            for (EvidenceContribution e : o.evidence()) {
                evidence.add(List.of(e.kind(), e.assessedOn(), e.attempt(), e.score(), e.weight(), e.superseded(),
                        e.excluded(), String.valueOf(e.rule()), e.contribution()));
            }
            outcomes.add(List.of(o.outcomeCode(), o.type(), o.mappingWeight(), o.critical(),
                    String.valueOf(o.mastery()), evidence));
        }
        return List.of(f.code(), f.level(), String.valueOf(f.readiness()), f.coverage(), f.reason(), f.rules(),
                String.valueOf(f.decidedBy()), outcomes);
    }
}
