package ru.workready.data.reports;

import static ru.workready.engine.Decimals.four;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.reports.CohortReport.CohortFunction;
import ru.workready.data.reports.CohortReport.KindDrag;
import ru.workready.data.reports.CohortReport.OutcomeDrag;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.KindAggregate;
import ru.workready.data.reports.ReportRepository.LevelCount;
import ru.workready.data.reports.ReportRepository.OutcomeAggregate;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * One ТФ's row of the cohort report from its aggregates: level counts, the share READY and mean readiness, the
 * outcomes and evidence kinds dragging it down — suppressed ({@link SmallCells}) when the reader is not the
 * programme's own college.
 */
final class CohortFunctions {
    private static final int DRAGS_LISTED = 3;

    /** Levels below "partially ready" as employers see them: one coarse NOT_READY count, refined here. */
    private static final List<ReadinessLevel> NOT_READY_FAMILY = List.of(ReadinessLevel.NOT_READY,
            ReadinessLevel.INSUFFICIENT_EVIDENCE, ReadinessLevel.UNMAPPED, ReadinessLevel.ABOVE_PROGRAMME_LEVEL);

    private CohortFunctions() {
    }

    /** The students of one ТФ by level, and what the scored ones add up to. */
    private record Tally(Map<ReadinessLevel, Integer> raw, int scored, int unscored, @Nullable Double share,
                         @Nullable Double mean) {
        static Tally of(List<LevelCount> counts, int students) {
            Map<ReadinessLevel, Integer> raw = new EnumMap<>(ReadinessLevel.class);
            int scored = 0;
            int ready = 0;
            double readinessSum = 0;
            int readinessCount = 0;
            for (LevelCount c : counts) {
                ReadinessLevel level = ReadinessLevel.valueOf(c.level());
                raw.merge(level, c.students(), Integer::sum);
                if (level.scored()) {
                    scored += c.students();
                    ready += level == ReadinessLevel.READY ? c.students() : 0;
                    readinessSum += c.readinessSum();
                    readinessCount += c.readinessCount();
                }
            }
            int unscored = Math.max(0, students - raw.values().stream().mapToInt(Integer::intValue).sum());
            return new Tally(raw, scored, unscored, scored == 0 ? null : four((double) ready / scored),
                    readinessCount == 0 ? null : four(readinessSum / readinessCount));
        }

        int count(ReadinessLevel level) {
            return raw.getOrDefault(level, 0);
        }
    }

    /** The level counts published, with the students not scored. */
    private record Published(Map<ReadinessLevel, @Nullable Integer> levels, @Nullable Integer unscored) {
    }

    static CohortFunction of(Provenance.Source source, FunctionRow f, List<LevelCount> counts,
                             List<OutcomeAggregate> outcomes, List<KindAggregate> kinds, int students,
                             boolean suppress) {
        Tally t = Tally.of(counts, students);
        if (!suppress) {
            Map<ReadinessLevel, @Nullable Integer> levels = new EnumMap<>(ReadinessLevel.class);
            levels.putAll(t.raw());
            return new CohortFunction(source.standardCode(), f.code(), f.name(), f.qualificationLevel(), levels,
                    t.unscored(), t.scored(), t.share(), t.mean(), outcomeDrags(outcomes, false),
                    kindDrags(kinds, false), null);
        }
        return suppressed(source, f, t, outcomes, kinds, students);
    }

    /** A row that publishes no number, for the given reason. */
    static CohortFunction hidden(Provenance.Source source, FunctionRow f, SmallCells.Reason reason) {
        return new CohortFunction(source.standardCode(), f.code(), f.name(), f.qualificationLevel(), hiddenLevels(),
                null, null, null, null, List.of(), List.of(), reason);
    }

    private static CohortFunction suppressed(Provenance.Source source, FunctionRow f, Tally t,
                                             List<OutcomeAggregate> outcomes, List<KindAggregate> kinds,
                                             int students) {
        // the coarse partition employers see (READY, PARTIALLY_READY, the rest) first, so that this row and the
        // employer aggregate of the same ТФ and group hide the same counts; then the rest within its published total
        int partially = t.count(ReadinessLevel.PARTIALLY_READY);
        int readyCount = t.count(ReadinessLevel.READY);
        Long[] coarse = SmallCells.suppressParts(new long[] {readyCount, partially, students - readyCount - partially});
        if (coarse == null) {
            return hidden(source, f, SmallCells.Reason.NO_SAFE_COMPLEMENT);
        }
        Published published = published(t, coarse);
        Map<ReadinessLevel, @Nullable Integer> levels = published.levels();
        boolean hidden = levels.containsValue(null) || published.unscored() == null;
        // scored = the sum of the four scored levels, published only when each of them is
        Integer shownScored = Arrays.stream(ReadinessLevel.values()).filter(ReadinessLevel::scored)
                .allMatch(l -> levels.get(l) != null) ? t.scored() : null;
        boolean enough = shownScored != null && !SmallCells.tooSmall(shownScored);
        List<OutcomeDrag> drags = outcomeDrags(outcomes, true);
        List<KindDrag> kindDrags = kindDrags(kinds, true);
        hidden |= drags.size() < Math.min(DRAGS_LISTED, outcomes.size())
                || kindDrags.size() < Math.min(DRAGS_LISTED, kinds.size())
                || drags.stream().anyMatch(d -> d.meanMastery() == null || d.withoutEvidence() == null);
        hidden |= (t.share() != null || t.mean() != null) && !enough;
        return new CohortFunction(source.standardCode(), f.code(), f.name(), f.qualificationLevel(), levels,
                published.unscored(), shownScored,
                enough && levels.get(ReadinessLevel.READY) != null ? t.share() : null,
                enough ? t.mean() : null, drags, kindDrags, hidden ? SmallCells.Reason.SMALL_COUNTS : null);
    }

    /** READY and PARTIALLY_READY as the coarse partition published them; the rest suppressed within its total. */
    private static Published published(Tally t, Long[] coarse) {
        long[] fineParts = new long[NOT_READY_FAMILY.size() + 1];
        for (int i = 0; i < NOT_READY_FAMILY.size(); i++) {
            fineParts[i] = t.count(NOT_READY_FAMILY.get(i));
        }
        fineParts[NOT_READY_FAMILY.size()] = t.unscored();
        Long[] fine = coarse[2] == null ? null : SmallCells.suppressParts(fineParts);
        if (fine == null) {
            fine = new Long[fineParts.length];
        }
        Map<ReadinessLevel, @Nullable Integer> levels = new EnumMap<>(ReadinessLevel.class);
        levels.put(ReadinessLevel.READY, toInt(coarse[0]));
        levels.put(ReadinessLevel.PARTIALLY_READY, toInt(coarse[1]));
        for (int i = 0; i < NOT_READY_FAMILY.size(); i++) {
            levels.put(NOT_READY_FAMILY.get(i), toInt(fine[i]));
        }
        return new Published(levels, toInt(fine[NOT_READY_FAMILY.size()]));
    }

    private static Map<ReadinessLevel, @Nullable Integer> hiddenLevels() {
        Map<ReadinessLevel, @Nullable Integer> levels = new EnumMap<>(ReadinessLevel.class);
        for (ReadinessLevel l : ReadinessLevel.values()) {
            levels.put(l, null);
        }
        return levels;
    }

    /**
     * The lowest mean mastery first; an outcome nobody has evidence for is the worst. Suppressed:
     * outcomes judged for fewer than K students are left out, a mean over fewer than K students with
     * evidence is withheld, and the counts without evidence and below 0.5 are suppressed as parts of
     * the outcome's students.
     */
    private static List<OutcomeDrag> outcomeDrags(List<OutcomeAggregate> outcomes, boolean suppress) {
        List<OutcomeDrag> drags = new ArrayList<>();
        for (OutcomeAggregate o : outcomes) {
            Double mean = o.meanMastery() == null ? null : four(o.meanMastery());
            if (!suppress) {
                drags.add(new OutcomeDrag(o.outcomeCode(), mean, o.withoutEvidence(), o.weak()));
                continue;
            }
            if (SmallCells.tooSmall(o.students())) {
                continue;
            }
            Long[] parts = SmallCells.suppressParts(new long[] {o.withoutEvidence(), o.weak(),
                    Math.max(0, o.students() - o.withoutEvidence() - o.weak())});
            drags.add(new OutcomeDrag(o.outcomeCode(),
                    SmallCells.tooSmall(o.students() - o.withoutEvidence()) ? null : mean,
                    parts == null ? null : toInt(parts[0]), parts == null ? null : toInt(parts[1])));
        }
        return drags.stream()
                .sorted(Comparator.comparing((OutcomeDrag d) -> d.meanMastery() == null ? -1 : d.meanMastery())
                        .thenComparing(d -> -(nz(d.withoutEvidence()) + nz(d.weak())))
                        .thenComparing(OutcomeDrag::outcomeCode))
                .limit(DRAGS_LISTED).toList();
    }

    /** The lowest mean score first; suppressed: kinds whose results belong to fewer than K students are left out. */
    private static List<KindDrag> kindDrags(List<KindAggregate> kinds, boolean suppress) {
        return kinds.stream()
                .filter(k -> !suppress || !SmallCells.tooSmall(k.students()))
                .map(k -> new KindDrag(EvidenceKind.valueOf(k.kind()), four(k.meanScore()), k.results()))
                .sorted(Comparator.comparingDouble(KindDrag::meanScore).thenComparing(KindDrag::kind))
                .limit(DRAGS_LISTED).toList();
    }

    private static @Nullable Integer toInt(@Nullable Long v) {
        return v == null ? null : v.intValue();
    }

    private static int nz(@Nullable Integer v) {
        return v == null ? 0 : v;
    }
}
