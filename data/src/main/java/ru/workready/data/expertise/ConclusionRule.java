package ru.workready.data.expertise;

import java.util.Collection;
import java.util.List;
import ru.workready.data.expertise.Expertise.Decision;
import ru.workready.data.expertise.Expertise.ProposalKind;
import ru.workready.data.expertise.Expertise.RowConclusion;
import ru.workready.data.expertise.Expertise.Verdict;

/**
 * The documented rule (docs/expertise.md): a row is DISPUTED when any expert disagrees; else CHANGES_PROPOSED when
 * any proposes another type, weight or critical flag; else APPROVED when at least {@code minAgreements} experts agree
 * (a setting of the expertise, 1 by default); else NOT_REVIEWED. The set takes its worst row, and a proposed missing
 * row makes it at least CHANGES_PROPOSED; comments on uncovered ТФ are remarks and do not change it.
 */
public final class ConclusionRule {
    private ConclusionRule() {
    }

    public static RowConclusion row(Collection<Decision> decisions, int minAgreements) {
        long agree = count(decisions, Verdict.AGREE);
        if (count(decisions, Verdict.DISAGREE) > 0) {
            return RowConclusion.DISPUTED;
        }
        if (count(decisions, Verdict.PROPOSE) > 0) {
            return RowConclusion.CHANGES_PROPOSED;
        }
        return agree >= minAgreements ? RowConclusion.APPROVED : RowConclusion.NOT_REVIEWED;
    }

    public static RowConclusion set(List<RowConclusion> rows, Collection<ProposalKind> proposals) {
        RowConclusion worst = RowConclusion.APPROVED;
        for (RowConclusion r : rows) {
            worst = r.ordinal() > worst.ordinal() ? r : worst;
        }
        if (proposals.contains(ProposalKind.MISSING_ROW) && worst.ordinal() < RowConclusion.CHANGES_PROPOSED.ordinal()) {
            worst = RowConclusion.CHANGES_PROPOSED;
        }
        return worst;
    }

    static long count(Collection<Decision> decisions, Verdict verdict) {
        return decisions.stream().filter(d -> d.verdict() == verdict).count();
    }
}
