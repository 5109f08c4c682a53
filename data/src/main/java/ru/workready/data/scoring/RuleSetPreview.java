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
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.rulesets.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.rulesets.RuleSetRepository;
import ru.workready.data.scoring.BulkScoringRepository.StudentRow;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * A cohort (a college or a region) under a rule-set version before it is activated: every student is
 * scored under what is active now and under the candidate, in the rescoring's batches, and the level
 * changes are counted (the first {@value #MAX_CHANGES} listed). Nothing is stored.
 */
@Service
public class RuleSetPreview {
    static final int MAX_CHANGES = 2000;

    /** One function of one student whose level the candidate changes; readiness unrounded. */
    public record LevelChange(String studentId, String function, ReadinessLevel from, ReadinessLevel to,
                              @Nullable Double readinessFrom, @Nullable Double readinessTo) {
    }

    /** The comparison: the candidate's label, the versions active now, and the changes. */
    public record Preview(String candidate, List<String> activeVersions, int students, int functions, int changed,
                          Map<String, Integer> transitions, List<LevelChange> changes) {
        public boolean changesTruncated() {
            return changed > changes.size();
        }
    }

    private final CohortScoring cohort;
    private final BulkScoringRepository bulk;
    private final RuleSetRepository ruleSets;
    private final RuleBaseRegistry registry;

    RuleSetPreview(CohortScoring cohort, BulkScoringRepository bulk, RuleSetRepository ruleSets,
                   RuleBaseRegistry registry) {
        this.cohort = cohort;
        this.bulk = bulk;
        this.ruleSets = ruleSets;
        this.registry = registry;
    }

    /** Give exactly one of college and region; standard (a code) limits it to one standard. */
    public Preview preview(String name, int version, @Nullable String college, @Nullable String region,
                           @Nullable String standard) {
        if ((college == null) == (region == null)) {
            throw new InvalidInputException("invalid-parameter", "Give either college or region",
                    List.of(new Problem(null, "college", college, "give exactly one of college and region")), 1);
        }
        CompiledRuleSet candidate = registry.compiled(ruleSets.find(name, version)
                .orElseThrow(() -> new NotFoundException("No rule set " + name + " version " + version)));
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
                tally.add(now.get(k).student().id(), now.get(k).readiness().functions(),
                        then.get(k).readiness().functions());
            }
        }
        return new Preview(candidate.label(), List.copyOf(tally.activeVersions), students.size(), tally.functions,
                tally.changed, tally.transitions, tally.changes);
    }

    /** The counts so far. */
    private static final class Tally {
        final Set<String> activeVersions = new TreeSet<>();
        final Map<String, Integer> transitions = new TreeMap<>();
        final List<LevelChange> changes = new ArrayList<>();
        int functions;
        int changed;

        void add(String studentId, List<FunctionScore> a, List<FunctionScore> b) {
            for (int j = 0; j < a.size(); j++) {
                functions++;
                if (a.get(j).level() != b.get(j).level()) {
                    changed++;
                    transitions.merge(a.get(j).level() + " → " + b.get(j).level(), 1, Integer::sum);
                    if (changes.size() < MAX_CHANGES) {
                        changes.add(new LevelChange(studentId, a.get(j).code(), a.get(j).level(), b.get(j).level(),
                                a.get(j).readiness(), b.get(j).readiness()));
                    }
                }
            }
        }
    }
}
