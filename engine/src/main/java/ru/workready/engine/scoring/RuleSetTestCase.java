package ru.workready.engine.scoring;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule set's own test case: input facts → expected levels (and, optionally, the deciding rule
 * per function and the evidence the rules must exclude). Run before a version can be activated.
 */
public record RuleSetTestCase(String name, List<FunctionFacts> functions, List<CriticalOutcome> critical,
                              List<EvidenceFacts> evidence, Map<String, ReadinessLevel> expectLevels,
                              Map<String, String> expectRules, List<Long> expectExcluded) {
    public RuleSetTestCase(String name, @Nullable List<FunctionFacts> functions,
                           @Nullable List<CriticalOutcome> critical, @Nullable List<EvidenceFacts> evidence,
                           @Nullable Map<String, ReadinessLevel> expectLevels, @Nullable Map<String, String> expectRules,
                           @Nullable List<Long> expectExcluded) {
        this.name = name == null ? "" : name;
        this.functions = functions == null ? List.of() : List.copyOf(functions);
        this.critical = critical == null ? List.of() : List.copyOf(critical);
        this.evidence = evidence == null ? List.of() : List.copyOf(evidence);
        this.expectLevels = expectLevels == null ? Map.of() : Map.copyOf(expectLevels);
        this.expectRules = expectRules == null ? Map.of() : Map.copyOf(expectRules);
        this.expectExcluded = expectExcluded == null ? List.of() : List.copyOf(expectExcluded);
    }
}
