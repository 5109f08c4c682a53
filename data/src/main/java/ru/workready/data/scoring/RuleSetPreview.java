package ru.workready.data.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.rulesets.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.scoring.BulkScoringRepository.StudentRow;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * A cohort under a stored rule-set version before it is activated: every student scored with what is active now and
 * with the candidate, in the rescoring job's batches; nothing is stored.
 */
@Service
public class RuleSetPreview {
    /** At most this many level changes are listed; the counts cover them all. */
    static final int MAX_CHANGES = 2000;

    /** One labour function of one student whose level the candidate changes. */
    public record LevelChange(String studentId, String function, ReadinessLevel from, ReadinessLevel to,
                              @Nullable Double readinessFrom, @Nullable Double readinessTo) {
    }

    /** The candidate against the active rule sets: counts of all changes, the first {@link #MAX_CHANGES} listed. */
    public record Preview(String candidate, String scope, @Nullable String standard, List<String> activeVersions,
                          int students, int functions, int changed, Map<String, Integer> transitions,
                          List<LevelChange> changes, boolean changesTruncated) {
    }

    private final RuleBaseRegistry registry;
    private final CohortScoring cohort;
    private final BulkScoringRepository bulk;

    RuleSetPreview(RuleBaseRegistry registry, CohortScoring cohort, BulkScoringRepository bulk) {
        this.registry = registry;
        this.cohort = cohort;
        this.bulk = bulk;
    }

    /** Give exactly one of college and region; standard (a code) limits it to one standard. */
    public Preview preview(String name, int version, @Nullable String college, @Nullable String region,
                           @Nullable String standard) {
        if ((college == null) == (region == null)) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER, "Give either college or region",
                    List.of(new Problem(null, "college", college, "give exactly one of college and region")), 1);
        }
        CompiledRuleSet candidate = registry.compiled(name, version);
        List<StudentRow> students = bulk.students(college, region);
        if (students.isEmpty()) {
            throw new NotFoundException(college != null ? "No students in college " + college
                    : "No students in region " + region);
        }
        Tally tally = new Tally();
        CohortScoring.Context ctx = cohort.context(standard);
        Map<String, CompiledRuleSet> active = new HashMap<>();
        Map<Long, Integer> rowsBound = bulk.currentRowsBound();
        for (List<StudentRow> batch : ScoringBatches.cut(students, RescoreJobs.BATCH, RescoreJobs.BATCH_ROWS,
                s -> rowsBound.getOrDefault(s.programmeId(), ScoringBatches.rowsBound(0)))) {
            var histories = cohort.histories(batch);
            var now = cohort.score(ctx, batch, histories, s -> active.computeIfAbsent(s.collegeCode(),
                    c -> registry.forCollege(c, s.region())));
            var then = cohort.score(ctx, batch, histories, s -> candidate);
            for (int k = 0; k < now.size(); k++) {
                tally.activeVersions.add(now.get(k).readiness().ruleSetVersion());
                tally.compare(now.get(k).student().id(), now.get(k).readiness().functions(),
                        then.get(k).readiness().functions());
            }
        }
        return new Preview(candidate.label(), college != null ? "COLLEGE:" + college : "REGION:" + region,
                standard, List.copyOf(tally.activeVersions), students.size(), tally.functions, tally.changed,
                tally.transitions, tally.changes, tally.changed > tally.changes.size());
    }

    /** Level changes counted function by function. */
    private static final class Tally {
        final Set<String> activeVersions = new TreeSet<>();
        final Map<String, Integer> transitions = new TreeMap<>();
        final List<LevelChange> changes = new ArrayList<>();
        int functions;
        int changed;

        void compare(String studentId, List<FunctionScore> now, List<FunctionScore> then) {
            for (int j = 0; j < now.size(); j++) {
                FunctionScore a = now.get(j);
                FunctionScore b = then.get(j);
                functions++;
                if (a.level() == b.level()) {
                    continue;
                }
                changed++;
                transitions.merge(a.level() + " → " + b.level(), 1, Integer::sum);
                if (changes.size() < MAX_CHANGES) {
                    changes.add(new LevelChange(studentId, a.code(), a.level(), b.level(), a.readiness(),
                            b.readiness()));
                }
            }
        }
    }
}
