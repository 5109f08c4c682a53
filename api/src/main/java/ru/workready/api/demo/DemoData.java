package ru.workready.api.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.standards.StandardImportService;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.programmes.Outcome;
import ru.workready.engine.programmes.Programme;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo into an empty database through the product's own import paths: the real
 * Ministry XML files, the demo programme (ФГОС СПО 09.02.07) in five intakes ({@link DemoIntake}) with their
 * mappings to 06.001, one college with their synthetic students and a seeded spread of results of every kind; and a
 * second college of the same region and specialty ({@link DemoIntake#SECOND}) for the regional training order.
 */
@Component
class DemoData implements ApplicationRunner {
    static final String COLLEGE = "DEMO";
    public static final String REGION = "Демо-регион";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final StandardImportService standardImport;
    private final StandardRepository standards;
    private final ProgrammeRepository programmes;
    private final MappingImportService mappingImport;
    private final StudentRepository students;
    private final AssessmentUploadService uploads;
    private final ReadinessService readiness;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;
    private final ru.workready.data.colleges.RegionRepository regions;
    private final ru.workready.data.demo.DemoRepository demoState;
    private final ru.workready.data.colleges.CollegeRepository colleges;

    DemoData(DemoSwitch demo, StandardImportService standardImport,
             StandardRepository standards, ProgrammeRepository programmes, MappingImportService mappingImport,
             StudentRepository students, AssessmentUploadService uploads, ReadinessService readiness,
             TransactionTemplate tx, java.time.Clock clock, ru.workready.data.colleges.RegionRepository regions,
             ru.workready.data.colleges.CollegeRepository colleges, ru.workready.data.demo.DemoRepository demoState) {
        this.demoState = demoState;
        this.regions = regions;
        this.colleges = colleges;
        this.enabled = demo.enabled();
        this.standardImport = standardImport;
        this.standards = standards;
        this.programmes = programmes;
        this.mappingImport = mappingImport;
        this.students = students;
        this.uploads = uploads;
        this.readiness = readiness;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || demoState.removed()) {
            return;
        }
        if (programmes.collegeId(COLLEGE).isEmpty()) {
            tx.executeWithoutResult(status -> load());
        }
        // a demo loaded before the second college existed gets it on its next start
        if (programmes.collegeId(DemoIntake.SECOND_COLLEGE).isEmpty()) {
            tx.executeWithoutResult(status -> loadSecondCollege());
        }
    }

    private void load() {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources("classpath*:reference/standards/*.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            standardImport.importXml(bytes(file));
        }
        // everything the demo creates is marked as demo: its region, its college (see DemoSwitch for removal)
        regions.ensure("DEMO", REGION, true);
        long collegeId = colleges.insert(COLLEGE, "Демонстрационный колледж информационных технологий", "ДКИТ",
                REGION, null, null, true);
        int[] counts = loadIntakes(collegeId, DemoIntake.ALL);
        log.info("Demo data loaded: {} standards files, college {}, {} intakes, {} students, {} results",
                files.length, COLLEGE, DemoIntake.ALL.size(), counts[0], counts[1]);
    }

    /** DEMO2: the same specialty in the same region, so that the region's training order splits between two. */
    private void loadSecondCollege() {
        long collegeId = colleges.insert(DemoIntake.SECOND_COLLEGE, "Демонстрационный политехнический колледж",
                "ДПК", REGION, null, null, true);
        int[] counts = loadIntakes(collegeId, DemoIntake.SECOND);
        log.info("Demo college {} loaded: {} intakes, {} students, {} results", DemoIntake.SECOND_COLLEGE,
                DemoIntake.SECOND.size(), counts[0], counts[1]);
    }

    /** Each intake's programme, mapping, roster and (when it has them) results; {students, results} loaded. */
    private int[] loadIntakes(long collegeId, List<DemoIntake> intakes) {
        DemoCalendar cal = DemoCalendar.of(clock);
        Programme programme = JsonMapper.builder().build()
                .readValue(bytes(new org.springframework.core.io.ClassPathResource("demo/programme-09.02.07.json")),
                        Programme.class);
        int resultCount = 0;
        int studentCount = 0;
        for (DemoIntake intake : intakes) {
            Programme cohort = new Programme(programme.fgosCode(), programme.name(), programme.qualification(),
                    programme.qualificationLevel(), cal.year(intake.year()), programme.activities(),
                    programme.outcomes());
            long programmeId = programmes.insert(collegeId, cohort);
            mappingImport.importCsv(programmeId, edition(intake), "demo",
                    bytes(new org.springframework.core.io.ClassPathResource(intake.mappingFile())));
            students.insertAll(roster(intake, collegeId, programmeId, cal));
            studentCount += intake.students();
            if (!intake.results()) {
                continue;
            }
            // one upload per intake, each with its own idempotency key
            AssessmentUploadService.UploadResult r = uploads.upload(intake.college(), "demo-results-" + intake.year()
                            + ".csv", intake.current() ? "demo" : "demo-" + intake.year(),
                    results(cohort, intake, cal).getBytes(StandardCharsets.UTF_8));
            readiness.rescore(r.affectedStudents());
            resultCount += r.rows();
        }
        return new int[] {studentCount, resultCount};
    }

    /** The edition of 06.001 the intake's programme was mapped to: 679н (2013) before the 2022 edition took over. */
    private long edition(DemoIntake intake) {
        return intake.oldEdition()
                ? standards.findEdition("06.001", "679н", LocalDate.of(2013, 11, 18)).orElseThrow()
                : standards.currentEdition("06.001").orElseThrow();
    }

    private List<StudentRepository.Student> roster(DemoIntake intake, long collegeId, long programmeId,
                                                   DemoCalendar cal) {
        List<StudentRepository.Student> roster = new ArrayList<>();
        for (int i = 1; i <= intake.students(); i++) {
            boolean consent = intake.current() && i % 3 != 0;
            roster.add(new StudentRepository.Student(intake.studentId(i), collegeId, intake.college(), programmeId,
                    "ИСП-" + cal.year(intake.year()) % 100 + (i <= intake.students() / 2 ? "-1" : "-2"), consent,
                    consent ? cal.date(2026, 9, 1) : null));
        }
        return roster;
    }

    /**
     * Seeded synthetic results: each student has an ability; course grades for every outcome,
     * module exams and employer-rated practice for professional outcomes, a demonstration exam
     * for ПМ.01, retakes for failed exams, a championship for the best and an independent
     * assessment (НОК) for two of them. The last three students of the current intake have started late and have
     * little evidence. A past intake's dates lie as many years earlier as it was admitted earlier.
     */
    static String results(Programme programme, DemoIntake intake, DemoCalendar written) {
        DemoCalendar cal = new DemoCalendar(written.shiftYears() + intake.year() - DemoIntake.CURRENT_YEAR);
        Random random = new Random(intake.seed());
        StringBuilder csv = new StringBuilder(
                "student_id;outcome_code;kind;result;max_points;assessed_on;attempt;assessor;standard_code;generalized_function;"
                        + "certificate_number\n");
        for (int i = 1; i <= intake.students(); i++) {
            String id = intake.studentId(i);
            double ability = Math.min(1, 0.25 + 0.75 * random.nextDouble() + intake.abilityShift());
            boolean late = intake.current() && i > intake.students() - 3;
            for (Outcome o : programme.outcomes()) {
                boolean professional = o.activityCode() != null;
                if (late && (!professional || !o.code().startsWith("ПК 1"))) {
                    continue;
                }
                row(csv, id, o.code(), "COURSE_GRADE", grade(ability, random), "", cal.date(2025, 6, 20).toString(), 1, "");
                if (!professional || late) {
                    continue;
                }
                int exam = grade(ability, random);
                row(csv, id, o.code(), "MODULE_EXAM", exam, "", cal.date(2025, 12, 25).toString(), 1, "");
                if (exam == 2) {
                    row(csv, id, o.code(), "MODULE_EXAM", grade(ability + 0.15, random), "", cal.date(2026, 1, 20).toString(), 2, "");
                }
                if (!o.code().startsWith("ПК 4")) {
                    row(csv, id, o.code(), "EMPLOYER_PRACTICE", grade(ability, random), "", cal.date(2026, 5, 30).toString(), 1,
                            "ООО «Демо-Софт»");
                }
                if (o.code().startsWith("ПК 1")) {
                    int points = (int) Math.round(Math.min(100, Math.max(0, 100 * (ability + 0.15 * random.nextGaussian()))));
                    row(csv, id, o.code(), "DEMO_EXAM", points, "100", cal.date(2026, 6, 15).toString(), 1, "ЦПДЭ Демо");
                }
            }
            if (ability > 0.9) {
                row(csv, id, "ПК 1.2", "CHAMPIONSHIP", 70 + random.nextInt(30), "100", cal.date(2026, 3, 10).toString(), 1,
                        "Чемпионат «Профессионалы», региональный этап");
            }
            // independent assessments for DEMO only: their certificate numbers below are unique per year
            if (intake.college().equals(COLLEGE) && (i == 5 || i == 12)) {
                csv.append(id).append(";;INDEPENDENT_ASSESSMENT;pass;;").append(cal.date(2026, 6, 30))
                        .append(";1;ЦОК Демо;06.001;A;06.00100.01-").append(cal.year(2026)).append('-')
                        .append(i).append('\n');
            }
        }
        return csv.toString();
    }

    private static int grade(double ability, Random random) {
        double v = ability + 0.18 * random.nextGaussian();
        return v >= 0.85 ? 5 : v >= 0.6 ? 4 : v >= 0.35 ? 3 : 2;
    }

    private static void row(StringBuilder csv, String id, String outcome, String kind, int result, String max,
                            String date, int attempt, String assessor) {
        csv.append(id).append(';').append(outcome).append(';').append(kind).append(';').append(result).append(';')
                .append(max).append(';').append(date).append(';').append(attempt).append(';').append(assessor)
                .append(";;;\n");
    }

    private static byte[] bytes(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
