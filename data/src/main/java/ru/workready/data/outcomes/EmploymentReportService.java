package ru.workready.data.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.NotFoundException;
import ru.workready.data.outcomes.OutcomeRepository.Graduate;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.outcomes.EmploymentStatus;
import ru.workready.engine.outcomes.Interval;
import ru.workready.engine.outcomes.Proportions;

/** Builds the employment report (see {@link EmploymentReport}) from the graduates' nearest observations. */
@Service
public class EmploymentReportService {
    /** The horizons reported, in months after graduation. */
    public static final List<Integer> HORIZONS = List.of(6, 12, 24);
    /** Observations count for a horizon within ± this many months of it. */
    public static final int WINDOW_MONTHS = 3;

    private final OutcomeRepository repository;
    private final Clock clock;

    public EmploymentReportService(OutcomeRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The report; {@code ownCollege} is the caller's college (its own programmes unsuppressed), else null. */
    @Transactional(readOnly = true)
    public EmploymentReport report(GraduateCohort cohort, @Nullable String ownCollege) {
        if (cohort.college() != null && !repository.collegeExists(cohort.college())) {
            throw new NotFoundException("No college with code " + cohort.college());
        }
        LocalDate today = LocalDate.now(clock);
        List<EmploymentReport.Row> rows = new ArrayList<>();
        for (int months : HORIZONS) {
            Map<String, List<Graduate>> groups = new LinkedHashMap<>();
            for (Graduate g : repository.graduates(cohort, months, WINDOW_MONTHS, today)) {
                if (!g.graduatedOn().plusMonths(months).isAfter(today)) {
                    groups.computeIfAbsent(g.college() + "|" + g.fgosCode() + "|" + g.graduationYear(),
                            k -> new ArrayList<>()).add(g);
                }
            }
            for (List<Graduate> group : groups.values()) {
                boolean suppress = !group.get(0).college().equals(ownCollege);
                boolean open = group.get(0).graduatedOn().plusMonths(months + WINDOW_MONTHS).isAfter(today);
                rows.add(row(group, months, open, suppress));
            }
        }
        rows.sort(java.util.Comparator.comparing(EmploymentReport.Row::college)
                .thenComparing(EmploymentReport.Row::fgosCode).thenComparing(EmploymentReport.Row::graduationYear)
                .thenComparing(EmploymentReport.Row::months));
        boolean suppression = ownCollege == null || !ownCollege.equals(cohort.college());
        return new EmploymentReport(cohort, WINDOW_MONTHS, suppression, rows, OffsetDateTime.now(clock));
    }

    /** Parts that partition a group's graduates, in this order. */
    private enum Part { IN_SPECIALTY, OTHER_JOB, SPECIALTY_UNKNOWN, STUDYING, UNEMPLOYED, OUT, NOT_OBSERVED }

    private static Part part(Graduate g) {
        EmploymentStatus s = g.status();
        if (s == null || s == EmploymentStatus.UNKNOWN) {
            return Part.NOT_OBSERVED;
        }
        if (s.working()) {
            return g.inSpecialty() == null ? Part.SPECIALTY_UNKNOWN : g.inSpecialty() ? Part.IN_SPECIALTY
                    : Part.OTHER_JOB;
        }
        return switch (s) {
            case CONTINUING_EDUCATION -> Part.STUDYING;
            case UNEMPLOYED -> Part.UNEMPLOYED;
            default -> Part.OUT;
        };
    }

    private static EmploymentReport.Row row(List<Graduate> group, int months, boolean open, boolean suppress) {
        long[] parts = new long[Part.values().length];
        TreeSet<String> sources = new TreeSet<>();
        for (Graduate g : group) {
            parts[part(g).ordinal()]++;
            if (g.source() != null) {
                sources.add(g.source());
            }
        }
        Long[] shown = new Long[parts.length];
        SmallCells.Reason reason = null;
        if (suppress) {
            SmallCells.Publication p = SmallCells.publish(group.size(), 0, parts);
            reason = p.reason();
            shown = p.parts();
        } else {
            for (int i = 0; i < parts.length; i++) {
                shown[i] = parts[i];
            }
        }
        Graduate first = group.get(0);
        if (shown == null) {
            return new EmploymentReport.Row(first.college(), first.fgosCode(), first.programme(),
                    first.graduationYear(), months, open, null, null, null, null, null, null, null, null, null, null,
                    null, List.of(), reason);
        }
        Integer employed = sum(shown, Part.IN_SPECIALTY, Part.OTHER_JOB, Part.SPECIALTY_UNKNOWN);
        Integer inRates = sum(shown, Part.IN_SPECIALTY, Part.OTHER_JOB, Part.SPECIALTY_UNKNOWN, Part.STUDYING,
                Part.UNEMPLOYED);
        Integer specialtyKnown = sum(shown, Part.IN_SPECIALTY, Part.OTHER_JOB, Part.STUDYING, Part.UNEMPLOYED);
        Integer observed = sum(shown, Part.IN_SPECIALTY, Part.OTHER_JOB, Part.SPECIALTY_UNKNOWN, Part.STUDYING,
                Part.UNEMPLOYED, Part.OUT);
        return new EmploymentReport.Row(first.college(), first.fgosCode(), first.programme(), first.graduationYear(),
                months, open, group.size(), observed, employed, count(shown, Part.IN_SPECIALTY),
                count(shown, Part.SPECIALTY_UNKNOWN), count(shown, Part.STUDYING), count(shown, Part.UNEMPLOYED),
                count(shown, Part.OUT), count(shown, Part.NOT_OBSERVED), rate(employed, inRates),
                rate(count(shown, Part.IN_SPECIALTY), specialtyKnown), List.copyOf(sources), reason);
    }

    private static @Nullable Integer count(Long[] shown, Part part) {
        Long v = shown[part.ordinal()];
        return v == null ? null : v.intValue();
    }

    /** The sum of published parts; null when any of them is hidden (it would reveal it). */
    private static @Nullable Integer sum(Long[] shown, Part... parts) {
        int s = 0;
        for (Part p : parts) {
            Long v = shown[p.ordinal()];
            if (v == null) {
                return null;
            }
            s += v.intValue();
        }
        return s;
    }

    private static @Nullable Interval rate(@Nullable Integer k, @Nullable Integer n) {
        return k == null || n == null || n == 0 ? null : Proportions.wilson(Objects.requireNonNull(k), n);
    }
}
