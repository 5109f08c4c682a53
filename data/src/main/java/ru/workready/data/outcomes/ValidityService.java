package ru.workready.data.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.workready.data.rulesets.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.NotFoundException;
import ru.workready.data.outcomes.OutcomeRepository;
import ru.workready.data.outcomes.OutcomeRepository.Graduate;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.outcomes.ValidityAnalysis;
import ru.workready.engine.scoring.StudentReadiness;

/**
 * Scores each graduate of a cohort as of their graduation day (computed, nothing stored) with the active rule set or a
 * candidate, pairs it with their employment in specialty 12 months later, and builds the validity figures
 * ({@link ValidityFigures}).
 */
@Service
public class ValidityService {
    static final int MONTHS = 12;
    static final int WINDOW_MONTHS = 3;
    public static final int DEFAULT_MINIMUM = 10;
    public static final long DEFAULT_SEED = 20261205L;
    static final int RESAMPLES = 2000;

    /** A graduate with a known outcome, scored as of graduation. */
    record Scored(Graduate graduate, boolean outcome, StudentReadiness readiness, String edition,
                  String mapping) {
    }

    /** The cohort scored: the graduates with an outcome and the reasons the others were left out. */
    record Cohort(List<Scored> scored, Map<String, Integer> excluded) {
    }

    private final OutcomeRepository outcomes;
    private final ReadinessService readiness;
    private final Clock clock;

    ValidityService(OutcomeRepository outcomes, ReadinessService readiness, Clock clock) {
        this.outcomes = outcomes;
        this.readiness = readiness;
        this.clock = clock;
    }

    /** The report with the active rule sets (candidate null) or a candidate rule set for everybody. */
    public ValidityReport report(GraduateCohort cohort, String standard, int minimum, long seed,
                          @Nullable CompiledRuleSet candidate, boolean suppress) {
        return build(cohort, standard, minimum, seed, score(cohort, standard, candidate), suppress);
    }

    /** The active rule sets' report beside a candidate's, on the same graduates. */
    public ValidityComparison compare(GraduateCohort cohort, String standard, int minimum, long seed,
                               CompiledRuleSet candidate, boolean suppress) {
        Cohort active = score(cohort, standard, null);
        Cohort other = score(cohort, standard, candidate);
        return ValidityComparison.of(candidate.label(), build(cohort, standard, minimum, seed, active, suppress),
                build(cohort, standard, minimum, seed, other, suppress), active.scored(), other.scored(), seed,
                RESAMPLES);
    }

    ValidityReport build(GraduateCohort cohort, String standard, int minimum, long seed, Cohort scored,
                         boolean suppress) {
        ValidityAnalysis.Settings settings = new ValidityAnalysis.Settings(minimum, suppress, seed, RESAMPLES);
        List<Scored> s = scored.scored();
        TreeSet<String> editions = new TreeSet<>();
        TreeSet<String> ruleSets = new TreeSet<>();
        TreeSet<String> mappings = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        for (Scored x : s) {
            editions.add(x.edition());
            ruleSets.add(x.readiness().ruleSetVersion());
            mappings.add(x.mapping());
            if (x.graduate().source() != null) {
                sources.add(x.graduate().source());
            }
        }
        String withheld = suppress && SmallCells.tooSmall(s.size()) && !s.isEmpty()
                ? "the cohort has fewer than " + SmallCells.K + " graduates with a known outcome" : null;
        ValidityFigures figures = withheld != null ? ValidityFigures.NONE : ValidityFigures.of(s, settings);
        Map<String, @Nullable Integer> excluded = new TreeMap<>();
        // with suppression, a reason given for 1 … K−1 graduates is not counted out loud
        scored.excluded().forEach((reason, n) -> excluded.put(reason, suppress && SmallCells.tooSmall(n) ? null : n));
        return new ValidityReport(cohort, standard, List.copyOf(editions), List.copyOf(ruleSets),
                List.copyOf(mappings), ValidityReport.OUTCOME, MONTHS, WINDOW_MONTHS, List.copyOf(sources),
                withheld != null ? 0 : s.size(), excluded, settings.minimumPerGroup(), seed, RESAMPLES,
                suppress, withheld, figures.summary(), figures.generalized(), figures.functions(),
                OffsetDateTime.now(clock));
    }

    /** Every graduate of the cohort whose 12-month outcome is known, scored as of their graduation day. */
    Cohort score(GraduateCohort cohort, String standard, @Nullable CompiledRuleSet candidate) {
        if (cohort.college() != null && !outcomes.collegeExists(cohort.college())) {
            throw new NotFoundException("No college with code " + cohort.college());
        }
        LocalDate today = LocalDate.now(clock);
        List<Scored> scored = new ArrayList<>();
        Map<String, Integer> excluded = new TreeMap<>();
        for (Graduate g : outcomes.graduates(cohort, MONTHS, WINDOW_MONTHS, today)) {
            if (g.graduatedOn().plusMonths(MONTHS).isAfter(today)) {
                continue; // not 12 months since graduation yet: not part of this cohort
            }
            Boolean outcome = g.workingInSpecialty();
            if (outcome == null) {
                excluded.merge(reason(g), 1, Integer::sum);
                continue;
            }
            ReadinessService.Assessed a;
            try {
                a = candidate == null ? readiness.asOf(g.studentId(), standard, g.graduatedOn())
                        : readiness.asOf(g.studentId(), standard, g.graduatedOn(), candidate);
            } catch (NotFoundException e) {
                excluded.merge("programme not mapped to " + standard, 1, Integer::sum);
                continue;
            }
            String edition = a.standard().code() + " (" + a.standard().orderNumber() + " от "
                    + a.standard().approvalDate() + ")";
            String mapping = g.college() + " " + g.fgosCode() + " выпуск " + g.graduationYear() + ": v"
                    + a.mappingVersion();
            scored.add(new Scored(g, outcome, a.readiness(), edition, mapping));
        }
        return new Cohort(scored, excluded);
    }

    private static String reason(Graduate g) {
        if (g.status() == null) {
            return "no observation within ±" + WINDOW_MONTHS + " months of " + MONTHS;
        }
        if (!g.status().inRates()) {
            return "status " + g.status();
        }
        return "specialty not known";
    }
}
