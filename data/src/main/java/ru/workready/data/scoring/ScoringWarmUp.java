package ru.workready.data.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.workready.data.StartUpWarmUp;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.rulesets.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.scoring.BulkScoringRepository.StudentRow;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.scoring.CurrentEvidence;

/**
 * Once the application is ready ({@link StartUpWarmUp}), scores made-up students in memory against a programme that
 * has an active mapping, with its college's rule set: the JIT compiles the scoring path (the rules'
 * generated code, the engine, the rows a batch writes) before the first rescoring job or readiness read needs it. A
 * node's first job after a start otherwise ran at half the speed of its second (docs/benchmarks.md). Nothing is read
 * per student and nothing is stored; {@code workready.scoring.warm-up-students} = 0 turns it off.
 */
@Component
public class ScoringWarmUp extends StartUpWarmUp {
    private static final EvidenceKind[] KINDS = {EvidenceKind.COURSE_GRADE, EvidenceKind.EMPLOYER_PRACTICE,
            EvidenceKind.MODULE_EXAM, EvidenceKind.DEMO_EXAM, EvidenceKind.CHAMPIONSHIP};

    private final CohortScoring cohort;
    private final RuleBaseRegistry ruleBases;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScoringWarmUp(CohortScoring cohort, RuleBaseRegistry ruleBases, JdbcClient jdbc, Clock clock,
                  ScoringProperties settings) {
        super("scoring", settings.warmUpStudents());
        this.cohort = cohort;
        this.ruleBases = ruleBases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected String items() {
        return "made-up students scored";
    }

    /** Scores {@code count} made-up students; 0 when no programme has an active mapping yet. */
    @Override
    public int run(int count) {
        List<StudentRow> programme = jdbc.sql("""
                        select s.id, s.college_id, c.code, c.region, s.programme_id
                        from mapping_set m join student s on s.programme_id = m.programme_id
                        join college c on c.id = s.college_id
                        where m.is_active order by m.id limit 1""")
                .query((rs, n) -> new StudentRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).list();
        if (programme.isEmpty()) {
            return 0;
        }
        StudentRow model = programme.get(0);
        CohortScoring.Context ctx = cohort.context(null);
        List<String> outcomes = ctx.targets(model.programmeId()).stream()
                .flatMap(t -> t.mapping().mappings().stream()).map(Mapping::outcomeCode).distinct().toList();
        CompiledRuleSet rules = ruleBases.forCollege(model.collegeCode(), model.region());
        Random random = new Random(1);
        LocalDate today = LocalDate.now(clock);
        int scored = 0;
        for (int i = 0; i < count; i += 100) {
            List<StudentRow> batch = new ArrayList<>();
            java.util.Map<String, List<Evidence>> histories = new java.util.HashMap<>();
            for (int j = 0; j < 100; j++) {
                StudentRow s = new StudentRow("warm-up-" + (i + j), model.collegeId(), model.collegeCode(),
                        model.region(), model.programmeId());
                batch.add(s);
                histories.put(s.id(), history(s.id(), outcomes, random, today));
            }
            List<CohortScoring.Scored> result = cohort.score(ctx, batch, histories, s -> rules);
            scored += batch.size();
            CohortScoring.rows(result, OffsetDateTime.now(clock), i % 200 == 0);
        }
        return scored;
    }

    /** A history like an upload's: 60 results over the outcomes, every kind, retakes, dates over three years. */
    private static List<Evidence> history(String student, List<String> outcomes, Random random, LocalDate today) {
        CurrentEvidence current = new CurrentEvidence();
        for (int k = 0; k < 60; k++) {
            EvidenceKind kind = KINDS[random.nextInt(KINDS.length)];
            AssessmentResult result = switch (kind) {
                case COURSE_GRADE, MODULE_EXAM -> new AssessmentResult.Grade(2 + random.nextInt(4));
                case EMPLOYER_PRACTICE -> new AssessmentResult.PassFail(random.nextInt(5) > 0);
                default -> new AssessmentResult.Points(random.nextInt(101), 100);
            };
            current.add(new Evidence(k, student, outcomes.get(random.nextInt(outcomes.size())), kind, result,
                    today.minusDays(random.nextInt(1095)), 1 + random.nextInt(2), null, null, null));
        }
        return current.list();
    }
}
