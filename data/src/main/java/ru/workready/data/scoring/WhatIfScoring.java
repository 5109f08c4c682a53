package ru.workready.data.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;
import ru.workready.data.assessments.CheckedRow;
import ru.workready.data.assessments.ResultRow;
import ru.workready.data.assessments.ResultRowCheck;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.scoring.FunctionScore;

/**
 * A student's readiness as if some results were recorded, nothing stored: the baseline and the variant
 * at the same moment, function by function. The extra results are checked by {@link ResultRowCheck},
 * exactly as an upload's rows are; bad ones are refused together, each named by row and property.
 */
@Service
public class WhatIfScoring {
    public static final ProblemType PROBLEM = ProblemType.INVALID_WHAT_IF;
    static final int MAX_EXTRA = 1000;

    /** One labour function before and after the extra results. */
    public record Change(FunctionScore before, FunctionScore after) {
        /** Level, readiness or coverage differ, at the 4 decimals the API shows. */
        public boolean changed() {
            return before.level() != after.level() || !Objects.equals(round(before.readiness()), round(after.readiness()))
                    || !Objects.equals(round(before.coverage()), round(after.coverage()));
        }
    }

    /** The answer: the moment both were computed at, both readinesses, and every function's change. */
    public record WhatIf(Moment at, ReadinessService.Assessed before,
                         ReadinessService.Assessed after, int extraResults, List<Change> functions) {
        public List<Change> changed() {
            return functions.stream().filter(Change::changed).toList();
        }
    }

    private final ReadinessService readiness;
    private final ProgrammeRepository programmes;
    private final JdbcClient jdbc;

    WhatIfScoring(ReadinessService readiness, ProgrammeRepository programmes, JdbcClient jdbc) {
        this.readiness = readiness;
        this.programmes = programmes;
        this.jdbc = jdbc;
    }

    /**
     * The student's readiness with and without the rows. asOf, versions and knownAt as on a readiness read;
     * with asOf a row without a date is dated asOf and one dated after it is refused.
     */
    public WhatIf score(String studentId, String standard, @Nullable LocalDate asOf, String versions,
                        @Nullable String knownAt, @Nullable List<ResultRow> rows) {
        Inputs.requireDate("asOf", asOf);
        LocalDate today = readiness.today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidInputException(ProblemType.INVALID_AS_OF, "asOf " + asOf + " is after today",
                    List.of(new Problem(null, "asOf", asOf.toString(), "a past day or today (" + today + ")")), 1);
        }
        Moment at = Moment.parse(asOf, versions, knownAt, today);
        ReadinessService.Assessed before = readiness.asOf(studentId, standard, at);
        List<Evidence> extra = extra(before.student().id(), before.student().programmeId(),
                rows == null ? List.of() : rows, at.date(), asOf != null);
        ReadinessService.Assessed after = readiness.whatIf(studentId, standard, extra, at);
        Map<String, FunctionScore> old = new HashMap<>();
        before.readiness().functions().forEach(f -> old.put(f.code(), f));
        List<Change> functions = new ArrayList<>();
        for (FunctionScore f : after.readiness().functions()) {
            functions.add(new Change(old.get(f.code()), f));
        }
        return new WhatIf(at, before, after, extra.size(), functions);
    }

    private List<Evidence> extra(String studentId, long programmeId, List<ResultRow> rows, LocalDate asOf,
                                 boolean refuseLater) {
        List<Problem> problems = new ArrayList<>();
        if (rows.isEmpty() || rows.size() > MAX_EXTRA) {
            problems.add(new Problem(null, "results", null, "give 1 to " + MAX_EXTRA + " results"));
        }
        String fgosCode = programmes.summary(programmeId).map(ProgrammeRepository.ProgrammeSummary::fgosCode)
                .orElse("?");
        Map<String, Long> outcomes = programmes.outcomeIds(programmeId);
        Set<String> qualifications = rows.stream().anyMatch(r -> r.standardCode() != null)
                ? new HashSet<>(jdbc.sql(ResultRowCheck.QUALIFICATIONS_SQL).query(String.class).list()) : Set.of();
        ResultRowCheck check = new ResultRowCheck();
        List<Evidence> extra = new ArrayList<>();
        long sequence = Long.MAX_VALUE - rows.size(); // after every stored evidence
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            int found = problems.size();
            ResultRowCheck.Problems sink = (field, value, reason) -> problems.add(
                    new Problem(row, field.property(), value, reason));
            ResultRow r = rows.get(i);
            CheckedRow checked = check.check(r.cells(asOf), sink);
            check.outcome(checked, fgosCode, outcomes, sink);
            check.qualification(checked, qualifications, sink);
            if (refuseLater && checked.assessedOn() != null && checked.assessedOn().isAfter(asOf)) {
                problems.add(new Problem(row, "assessedOn", r.assessedOn(), "after asOf " + asOf));
            }
            if (problems.size() == found) {
                extra.add(checked.evidence(sequence++, studentId, r.assessor()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(PROBLEM, "The extra results have " + problems.size()
                    + " problem(s)", problems, problems.size());
        }
        return extra;
    }

    private static @Nullable Double round(@Nullable Double v) {
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }
}
