package ru.workready.data.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.reports.CohortReport.CohortFunction;
import ru.workready.data.reports.ReportParameters.AsOfScorer;
import ru.workready.data.reports.ReportParameters.CohortAsOf;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;
import ru.workready.data.reports.ReportRepository.CohortAggregates;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.KindAggregate;
import ru.workready.data.reports.ReportRepository.LevelCount;
import ru.workready.data.reports.ReportRepository.OutcomeAggregate;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * Weak spots of a programme's cohort: readiness levels per ТФ over the programme's students, the ТФ with the lowest
 * share of READY and the outcomes and evidence kinds dragging them down — from the stored scores, or computed as of a
 * day. Small groups are suppressed ({@link Disclosure}) unless the reader is the programme's own college.
 */
@Service
@Transactional(readOnly = true)
public class CohortReportService {
    private static final List<String> SCORED_LEVELS = Arrays.stream(ReadinessLevel.values())
            .filter(ReadinessLevel::scored).map(Enum::name).toList();

    private final ReportRepository repository;
    private final ReportScopes scopes;
    private final Clock clock;

    CohortReportService(ReportRepository repository, ReportScopes scopes, Clock clock) {
        this.repository = repository;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * Weak spots of the programme's cohort, from the stored readiness scores and their
     * explanations, aggregated in the database. Small groups are suppressed ({@link Disclosure})
     * unless {@code ownCollege} is the programme's college (a COLLEGE key reading its own).
     */
    public CohortReport cohort(ProgrammeSelector selector, List<String> standards, int limit, String ruleSetVersion,
                               @Nullable String ownCollege) {
        return cohort(selector, standards, limit, ruleSetVersion, ownCollege, null, null);
    }

    /**
     * The cohort report as of a day ({@code asOf} non-null): every student of the programme scored by {@code scorer}
     * as of that day (evidence assessed by then, ages counted from it, today's rule set and mapping), aggregated
     * like the stored scores and suppressed the same way; nothing is stored. A day after today is refused.
     */
    public CohortReport cohort(ProgrammeSelector selector, List<String> standards, int limit, String ruleSetVersion,
                               @Nullable String ownCollege, @Nullable CohortAsOf asOf, @Nullable AsOfScorer scorer) {
        ReportScope scope = scopes.scope(selector, standards, null);
        long programmeId = scope.programme().id();
        LocalDate day = day(programmeId, asOf);
        String rule = asOf == null ? null : asOf.graduation() ? "graduation" : "date";
        List<String> studentIds = day == null ? List.of() : repository.studentIds(programmeId);
        boolean applied = !scope.programme().collegeCode().equals(ownCollege);
        int students = repository.studentCount(programmeId);
        SmallCells.Reason groupReason = applied && students > 0 ? groupReason(programmeId, students) : null;
        List<CohortFunction> functions = new ArrayList<>();
        Set<String> ruleSets = new TreeSet<>();
        boolean stale = false;
        for (Provenance.Source source : scope.sources()) {
            List<FunctionRow> ofStandard = repository.functions(source.standardId());
            if (groupReason != null) {
                ofStandard.forEach(f -> functions.add(CohortFunctions.hidden(source, f, groupReason)));
                continue;
            }
            CohortAggregates a = day == null ? repository.cohort(programmeId, source.standardId(), SCORED_LEVELS)
                    : ComputedCohortAggregates.of(Objects.requireNonNull(scorer, "scorer")
                    .score(studentIds, source.standardCode(), day), source, ofStandard, SCORED_LEVELS);
            for (LevelCount c : a.levels()) {
                ruleSets.add(c.ruleSetVersion());
                stale |= c.mappingSetId() == null || c.mappingSetId() != source.mappingSetId();
            }
            functions.addAll(functions(source, ofStandard, a, students, applied));
        }
        // no stored score names a rule set: the one that would judge the students today
        Provenance provenance = scopes.provenance(scope,
                ruleSets.isEmpty() ? List.of(ruleSetVersion) : List.copyOf(ruleSets));
        if (groupReason != null) {
            return new CohortReport(provenance, null, stale, Disclosure.of(true, true, groupReason), functions,
                    List.of(), day, rule);
        }
        boolean anyHidden = functions.stream().anyMatch(f -> f.suppressionReason() != null);
        return new CohortReport(provenance, students, stale,
                Disclosure.of(applied, false, anyHidden ? SmallCells.Reason.SMALL_COUNTS : null), functions,
                weakest(functions, limit), day, rule);
    }

    /** The day to score as of (null: the stored scores); the graduation day or a date, never after today. */
    private @Nullable LocalDate day(long programmeId, @Nullable CohortAsOf asOf) {
        if (asOf == null) {
            return null;
        }
        LocalDate day = asOf.graduation()
                ? LocalDate.of(repository.graduation(programmeId).year(), Month.JUNE, 30) : asOf.date();
        LocalDate today = LocalDate.now(clock);
        if (day != null && day.isAfter(today)) {
            throw ReportParameters.badParameter("asOf", asOf.graduation() ? "graduation" : day.toString(),
                    (asOf.graduation() ? "the programme graduates on " + day + ", after today " : "after today ")
                            + today);
        }
        return day;
    }

    /** Why the whole group publishes no numbers, if it does not. */
    private SmallCells.@Nullable Reason groupReason(long programmeId, int students) {
        if (SmallCells.tooSmall(students)) {
            return SmallCells.Reason.SMALL_GROUP;
        }
        if (repository.sameGraduationIntakes(programmeId).stream().anyMatch(n -> n > 0 && SmallCells.tooSmall(n))) {
            // the employer group (college × programme × graduation year) minus this intake would describe it
            return SmallCells.Reason.SMALL_NEIGHBOUR;
        }
        return null;
    }

    private static List<CohortFunction> functions(Provenance.Source source, List<FunctionRow> ofStandard,
                                                  CohortAggregates a, int students, boolean suppress) {
        Map<Long, List<LevelCount>> levels = a.levels().stream()
                .collect(Collectors.groupingBy(LevelCount::functionId));
        Map<Long, List<OutcomeAggregate>> outcomes = a.outcomes().stream()
                .collect(Collectors.groupingBy(OutcomeAggregate::functionId));
        Map<Long, List<KindAggregate>> kinds = a.kinds().stream()
                .collect(Collectors.groupingBy(KindAggregate::functionId));
        List<CohortFunction> functions = new ArrayList<>();
        for (FunctionRow f : ofStandard) {
            functions.add(CohortFunctions.of(source, f, levels.getOrDefault(f.id(), List.of()),
                    outcomes.getOrDefault(f.id(), List.of()), kinds.getOrDefault(f.id(), List.of()), students,
                    suppress));
        }
        return functions;
    }

    /** Ranked by the published shares only: a withheld share takes no place in the ranking. */
    private static List<CohortFunction> weakest(List<CohortFunction> functions, int limit) {
        return functions.stream().filter(f -> f.readyShare() != null)
                .sorted(Comparator.comparing(CohortFunction::readyShare)
                        .thenComparing(f -> f.meanReadiness() == null ? 0 : f.meanReadiness()))
                .limit(Math.max(0, limit)).toList();
    }
}
