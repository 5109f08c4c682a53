package ru.workready.api.employers;

import ru.workready.data.employers.EmployerAsOf;
import ru.workready.data.employers.EmployerQueries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.ApiTest;
import ru.workready.data.employers.CohortAggregates;
import ru.workready.data.employers.CohortAggregates.LevelRule;
import ru.workready.data.employers.CohortFilter;
import ru.workready.data.employers.CohortRepository;
import ru.workready.data.employers.CohortRepository.MemberStandings;
import ru.workready.data.employers.DemandTargets;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.employers.JobFit;
import ru.workready.engine.employers.ProfileFunction;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.employers.Standing;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * The SQL aggregation of employer queries gives exactly what the former in-Java evaluation gave
 * (every student's rows read, JobFit per student, grouped and suppressed in Java — kept below as
 * the reference), on random cohorts: random group sizes around K, consent, levels (unscored ones
 * included), readiness at and around the thresholds, importances, must-haves and minimum levels.
 */
class SqlAggregatesMatchJavaTest extends ApiTest {
    private static final List<String> FUNCTIONS = List.of("A/01.3", "A/02.3", "A/03.3", "A/04.3", "A/05.3");
    private static final double[] TRICKY = {0.75, 0.5, 0.74999, 0.49999, 0.0, 1.0, 0.33333, 0.66667};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;
    @Autowired
    CohortRepository cohorts;
    @Autowired
    CohortAggregates aggregates;
    @Autowired
    EmployerQueries queries;

    static Stream<Long> seeds() {
        return LongStream.range(0, 12).mapToObj(i -> 0x5EED_0000L + i * 7919);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sqlAggregationEqualsTheInJavaOne(long seed) {
        Random random = new Random(seed);
        EmployerFixtures fx = new EmployerFixtures(jdbc, programmes, students);
        int colleges = 1 + random.nextInt(3);
        for (int c = 0; c < colleges; c++) {
            long college = fx.college("P" + c);
            for (int p = 0, programmes = 1 + random.nextInt(3); p < programmes; p++) {
                long programme = fx.programme(college, p % 2 == 0 ? "09.02.07" : "09.02.01", 2022 + random.nextInt(2) + p);
                int size = random.nextInt(4) == 0 ? random.nextInt(5) : 5 + random.nextInt(10);
                boolean[] consent = new boolean[size];
                boolean fewWithdrew = random.nextBoolean();
                for (int i = 0; i < size; i++) {
                    consent[i] = fewWithdrew ? random.nextInt(6) != 0 : random.nextInt(10) != 0 || size > 10;
                }
                for (String student : fx.students(college, fx.collegeCode("P" + c), programme, "Q" + c + p, consent)) {
                    for (String function : FUNCTIONS) {
                        if (random.nextInt(6) == 0) {
                            continue;
                        }
                        ReadinessLevel level = ReadinessLevel.values()[random.nextInt(ReadinessLevel.values().length)];
                        Double r = random.nextInt(8) == 0 ? null
                                : random.nextBoolean() ? TRICKY[random.nextInt(TRICKY.length)]
                                : Math.round(random.nextDouble() * 100000) / 100000.0;
                        fx.score(student, function, level.name(), r);
                    }
                }
            }
        }
        List<ProfileFunction> profile = new ArrayList<>();
        List<String> shuffled = new ArrayList<>(FUNCTIONS);
        java.util.Collections.shuffle(shuffled, random);
        for (String code : shuffled.subList(0, 1 + random.nextInt(FUNCTIONS.size()))) {
            ReadinessLevel min = random.nextInt(3) == 0 ? null
                    : random.nextBoolean() ? ReadinessLevel.READY : ReadinessLevel.PARTIALLY_READY;
            profile.add(new ProfileFunction(fx.function(code), "06.001", code, 1 + random.nextInt(5),
                    random.nextInt(3) == 0, min));
        }
        CohortFilter filter = new CohortFilter(fx.region, null, random.nextInt(4) == 0 ? "09.02.07" : null, null);
        String context = "seed " + seed + ", profile " + profile;

        EmployerQueries.Subject subject = new EmployerQueries.Subject(profile, false);
        assertThat(queries.aggregate(subject, filter)).as(context).isEqualTo(reference(subject, filter));
        EmployerQueries.Subject one = new EmployerQueries.Subject(
                List.of(DemandTargets.asProfileFunction(new ru.workready.data.employers.EmployerRepository.FunctionRef(
                        profile.get(0).labourFunctionId(), 0, "06.001", "424н", profile.get(0).code(), "", "A", 3))), true);
        assertThat(queries.aggregate(one, filter)).as(context + ", one ТФ").isEqualTo(reference(one, filter));

        List<MemberStandings> all = cohorts.standings(filter, ids(profile), false);
        int limit = 1 + random.nextInt(20);
        List<String> expectedRanking = all.stream().filter(m -> m.member().consent())
                .sorted(Comparator.comparing((MemberStandings m) -> !JobFit.of(profile, m.standings()).mustHavesMet())
                        .thenComparing(m -> -JobFit.of(profile, m.standings()).fit())
                        .thenComparing(m -> m.member().studentId()))
                .limit(limit).map(m -> m.member().studentId()).toList();
        List<CohortAggregates.Ranked> top = aggregates.top(filter, profile, limit);
        assertThat(top.stream().map(r -> r.member().studentId()).toList()).as(context + ", candidates")
                .isEqualTo(expectedRanking);
        Map<String, MemberStandings> byId = new LinkedHashMap<>();
        all.forEach(m -> byId.put(m.member().studentId(), m));
        top.forEach(r -> assertThat(r.standings()).as(context).isEqualTo(byId.get(r.member().studentId()).standings()));

        // a qualification: READY when every ТФ is, per group
        for (CohortAggregates.Group g : aggregates.groups(filter, profile, LevelRule.QUALIFICATION).list()) {
            List<MemberStandings> members = all.stream().filter(m -> m.member().collegeCode().equals(g.key().collegeCode())
                    && m.member().fgosCode().equals(g.key().fgosCode())
                    && m.member().graduationYear() == g.key().graduationYear()).toList();
            long ready = members.stream().filter(m -> profile.stream().allMatch(f -> {
                Standing s = m.standings().get(f.labourFunctionId());
                return s != null && s.level() == ReadinessLevel.READY;
            })).count();
            assertThat(g.students()).as(context).isEqualTo(members.size());
            assertThat(g.counts().get(ReadinessLevel.READY)).as(context + ", qualification").isEqualTo(ready);
            assertThat(g.counts().get(ReadinessLevel.NOT_READY)).as(context).isEqualTo(members.size() - ready);
        }
    }

    private static List<Long> ids(List<ProfileFunction> profile) {
        return profile.stream().map(ProfileFunction::labourFunctionId).toList();
    }

    /** The in-Java aggregation (the SQL one's reference, and the as-of one): every student's standings in the heap. */
    private EmployerQueries.Aggregate reference(EmployerQueries.Subject subject, CohortFilter filter) {
        return EmployerAsOf.aggregate(subject, cohorts.standings(filter, ids(subject.functions()), false));
    }
}
