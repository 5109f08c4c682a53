package ru.workready.data.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.data.expertise.Expertise.Decision;
import ru.workready.data.expertise.Expertise.ProposalKind;
import ru.workready.data.expertise.Expertise.RowConclusion;
import ru.workready.data.expertise.Expertise.Verdict;

/** The documented conclusion rule, checked on seeded random panels of experts. */
class ConclusionRuleTest {
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneOffset.UTC);

    static LongStream seeds() {
        return new Random(21).longs(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRowIsApprovedOnlyWhenNobodyObjectsAndEnoughAgree(long seed) {
        System.out.println("ConclusionRuleTest seed " + seed);
        Random random = new Random(seed);
        List<Decision> decisions = new ArrayList<>();
        int experts = random.nextInt(5);
        for (int i = 0; i < experts; i++) {
            if (random.nextInt(4) > 0) {
                Verdict v = Verdict.values()[random.nextInt(3)];
                decisions.add(new Decision(1, "e" + i, "Эксперт " + i, v, v == Verdict.DISAGREE ? "нет" : null, null,
                        v == Verdict.PROPOSE ? 0.5 : null, null, AT));
            }
        }
        int min = 1 + random.nextInt(3);
        RowConclusion c = ConclusionRule.row(decisions, min);
        long agree = decisions.stream().filter(d -> d.verdict() == Verdict.AGREE).count();
        boolean disagree = decisions.stream().anyMatch(d -> d.verdict() == Verdict.DISAGREE);
        boolean propose = decisions.stream().anyMatch(d -> d.verdict() == Verdict.PROPOSE);
        assertThat(c == RowConclusion.APPROVED).isEqualTo(!disagree && !propose && agree >= min);
        assertThat(c == RowConclusion.DISPUTED).isEqualTo(disagree);
        assertThat(c == RowConclusion.CHANGES_PROPOSED).isEqualTo(!disagree && propose);
        // the set is never better than any of its rows, and a proposed missing row keeps it from APPROVED
        List<RowConclusion> rows = List.of(c, RowConclusion.values()[random.nextInt(4)]);
        RowConclusion set = ConclusionRule.set(rows, Set.of(ProposalKind.MISSING_ROW));
        assertThat(rows).allMatch(r -> set.ordinal() >= r.ordinal());
        assertThat(set.ordinal()).isGreaterThanOrEqualTo(RowConclusion.CHANGES_PROPOSED.ordinal());
        assertThat(ConclusionRule.set(List.of(RowConclusion.APPROVED), Set.of(ProposalKind.UNCOVERED_FUNCTION)))
                .isEqualTo(RowConclusion.APPROVED);
    }
}
