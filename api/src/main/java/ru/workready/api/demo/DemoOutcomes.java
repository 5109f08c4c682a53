package ru.workready.api.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.outcomes.EmploymentUploadService;
import ru.workready.data.outcomes.GraduateCohort;
import ru.workready.data.outcomes.OutcomeRepository;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.StudentReadiness;

/**
 * Synthetic, seeded employment records of the demo's graduates (every student of a demo college whose programme
 * graduated at least six months before today), loaded once through the employment upload path. Each graduate is
 * scored as of graduation; the chance of working in the specialty (15 %) rises by 35 points with READY in each of
 * two ТФ (A/01.3 and B/02.4 where the standard has them, else its first two scored ТФ) and nothing else; ТФ that move
 * with those predict too (in the demo's results one ability drives every ТФ, docs/validity.md). About one in ten
 * does not answer. A job in the specialty carries an ОКЗ code of the programme's own standard edition, so the
 * specialty is derived.
 */
@Component
class DemoOutcomes {
    static final long SEED = 20261205L;
    static final List<String> DRIVERS = List.of("A/01.3", "B/02.4");
    private static final List<String> OTHER_JOBS = List.of("4110", "5223", "8322", "9329");
    private static final Logger log = LoggerFactory.getLogger(DemoOutcomes.class);

    private final boolean enabled;
    private final OutcomeRepository outcomes;
    private final ReadinessService readiness;
    private final MappingRepository mappings;
    private final EmploymentUploadService uploads;
    private final Clock clock;

    DemoOutcomes(DemoSwitch demo, OutcomeRepository outcomes, ReadinessService readiness,
                 MappingRepository mappings, EmploymentUploadService uploads, Clock clock) {
        this.enabled = demo.enabled();
        this.outcomes = outcomes;
        this.readiness = readiness;
        this.mappings = mappings;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** After the demo data (an application runner) is in: each demo college without employment records gets them. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled) {
            return;
        }
        for (String college : outcomes.demoCollegesWithoutEmployment()) {
            int rows = load(college);
            if (rows > 0) {
                log.info("Demo employment records: {} rows for college {}", rows, college);
            }
        }
    }

    /** Generates and uploads the records of one college's graduates; the rows stored (0 when nobody graduated). */
    int load(String college) {
        LocalDate today = LocalDate.now(clock);
        StringBuilder csv = new StringBuilder("student_id;observed_on;status;source;employer;region;okz_code;"
                + "in_specialty\n");
        java.util.Map<Long, List<String>> specialty = new java.util.HashMap<>();
        int rows = 0;
        for (OutcomeRepository.Graduate g : outcomes.graduates(new GraduateCohort(college, null, null, null,
                null), 12, 3, today)) {
            if (g.graduatedOn().plusMonths(6).isAfter(today)) {
                continue;
            }
            double chance = chance(readingAtGraduation(g));
            Random random = new Random(SEED ^ g.studentId().hashCode());
            // a code of the programme's own standards (editions differ: 2512 in 2022, 2132 in 2013), so it derives
            List<String> codes = specialty.computeIfAbsent(g.programmeId(), outcomes::specialtyOkzCodes);
            for (int months : new int[] {6, 12, 24}) {
                LocalDate day = g.graduatedOn().plusMonths(months).minusDays(random.nextInt(21));
                if (!day.isAfter(today)) {
                    rows += row(csv, g.studentId(), day, months, chance, codes, random);
                }
            }
        }
        if (rows == 0) {
            return 0;
        }
        return uploads.upload(college, "demo-employment.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).rows();
    }

    private @Nullable StudentReadiness readingAtGraduation(OutcomeRepository.Graduate g) {
        List<String> codes = mappings.mappedStandardCodes(g.programmeId());
        String standard = codes.contains("06.001") ? "06.001" : codes.isEmpty() ? null : codes.get(0);
        return standard == null ? null : readiness.asOf(g.studentId(), standard, g.graduatedOn()).readiness();
    }

    /** 15 % by default, 35 points more for each driving ТФ that is READY at graduation. */
    static double chance(@Nullable StudentReadiness r) {
        if (r == null) {
            return 0.15;
        }
        List<FunctionScore> scored = r.functions().stream().filter(f -> f.level().scored()).toList();
        Set<String> codes = scored.stream().map(FunctionScore::code).collect(Collectors.toSet());
        List<String> drivers = codes.containsAll(DRIVERS) ? DRIVERS
                : scored.stream().limit(2).map(FunctionScore::code).toList();
        long ready = scored.stream().filter(f -> drivers.contains(f.code()) && f.level() == ReadinessLevel.READY)
                .count();
        return 0.15 + 0.35 * ready;
    }

    /** One observation (or none: no answer); the later, the more settled the graduates are. */
    private static int row(StringBuilder csv, String id, LocalDate day, int months, double chance, List<String> codes,
                           Random random) {
        double u = random.nextDouble();
        if (u < 0.05) {
            return 0; // never answered
        }
        String source = u < 0.75 ? "COLLEGE_SURVEY" : u < 0.9 ? "EMPLOYER" : "OFFICIAL";
        String line;
        double v = random.nextDouble();
        if (v < 0.05) {
            line = "UNKNOWN;" + source + ";;;;";
        } else if (random.nextDouble() < chance * (months == 6 ? 0.8 : 1.0)) {
            line = "EMPLOYED;" + source + ";ООО «Демо-Софт»;DEMO;"
                    + (codes.isEmpty() ? ";да" : pick(codes, random) + ";");
        } else {
            double w = random.nextDouble();
            line = w < 0.5 ? "EMPLOYED;" + source + ";;DEMO;" + pick(OTHER_JOBS, random) + ";"
                    : w < (months == 6 ? 0.8 : 0.65) ? "CONTINUING_EDUCATION;" + source + ";;;;"
                    : w < 0.85 ? "UNEMPLOYED;" + source + ";;;;" : "ARMY;" + source + ";;;;";
        }
        csv.append(id).append(';').append(day).append(';').append(line).append('\n');
        return 1;
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
