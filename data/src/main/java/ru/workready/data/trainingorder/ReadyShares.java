package ru.workready.data.trainingorder;

import static ru.workready.engine.Decimals.four;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import ru.workready.data.reports.ReportParameters.AsOfScorer;
import ru.workready.data.reports.TrendService;
import ru.workready.data.trainingorder.RegionProgrammes.Intake;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.StudentReadiness;

/**
 * The historical share of graduates READY for a need, from past cohorts of the region scored as of their graduation
 * day (30 June of the graduation year, as the trends report). The share pools the graduating groups (college × specialty
 * × graduation year) of the last {@code history-years} graduation years; a group of fewer than {@link SmallCells#K}
 * graduates is left out, so that no share rests on, or reveals, a small group. The college's own share is used when it
 * rests on any group; else the region's share for the specialty; else the documented default.
 */
final class ReadyShares {
    /** Where a share comes from. */
    enum Source { COLLEGE, REGION, DEFAULT }

    /** A share with what it rests on: graduates counted, their graduation years, and how many were ready. */
    record Rate(double value, Source source, int graduates, List<Integer> graduationYears, String explanation) {
    }

    private record Tally(int graduates, int ready, Set<Integer> years) {
    }

    private final List<Intake> intakes;
    private final Map<Long, Set<String>> standards;
    private final AsOfScorer scorer;
    private final OrderSettings settings;
    private final int firstYear;
    private final int lastYear;
    private final RegionProgrammes programmes;
    private final Map<Long, List<Map<String, FunctionScore>>> scored = new HashMap<>();
    private final GraduationScores kept;
    private final Map<Long, GraduationScores.Key> keys;
    private int computed;

    ReadyShares(List<Intake> intakes, Map<Long, Set<String>> standards, RegionProgrammes programmes,
                AsOfScorer scorer, OrderSettings settings, LocalDate today, GraduationScores kept,
                Map<Long, GraduationScores.Key> keys) {
        this.kept = kept;
        this.keys = keys;
        this.intakes = intakes;
        this.standards = standards;
        this.programmes = programmes;
        this.scorer = scorer;
        this.settings = settings;
        this.lastYear = lastGraduationYear(today);
        this.firstYear = lastYear - Math.max(1, settings.historyYears()) + 1;
    }

    /** The last graduation year whose day (30 June) is not after today. */
    static int lastGraduationYear(LocalDate today) {
        return today.isBefore(TrendService.graduationDate(today.getYear())) ? today.getYear() - 1 : today.getYear();
    }

    Rate rate(String college, String fgos, Need need) {
        Tally own = tally(need, fgos, college);
        if (own.graduates() > 0 && !revealsEach(own)) {
            return rate(own, Source.COLLEGE, "college " + college);
        }
        String why = own.graduates() > 0 ? ShareDisclosure.note(college) : college + " has no group of "
                + SmallCells.K + "+ graduates in " + firstYear + "–" + lastYear;
        Tally region = tally(need, fgos, null);
        if (region.graduates() > 0 && !revealsEach(region)) {
            return rate(region, Source.REGION, "the region's colleges (" + why + ")");
        }
        return new Rate(settings.defaultReadyShare(), Source.DEFAULT, 0, List.of(), "default "
                + settings.defaultReadyShare() + ": no group of " + SmallCells.K + "+ graduates of " + fgos
                + " with a mapping graduated in the region in " + firstYear + "–" + lastYear
                + (region.graduates() > 0 ? ", or " + ShareDisclosure.note("the region") : ""));
    }

    private static boolean revealsEach(Tally t) {
        return ShareDisclosure.revealsEach(t.ready(), t.graduates());
    }

    private Rate rate(Tally t, Source source, String whose) {
        double value = (double) t.ready() / t.graduates();
        return new Rate(four(value), source, t.graduates(), List.copyOf(t.years()), t.ready() + " of "
                + t.graduates() + " graduates of " + whose + " READY at graduation in " + t.years());
    }

    /** Ready and all graduates of the groups of the specialty (of one college, or of all) in the window. */
    private Tally tally(Need need, String fgos, @Nullable String college) {
        int graduates = 0;
        int ready = 0;
        Set<Integer> years = new TreeSet<>();
        for (Intake i : intakes) {
            if (!i.fgosCode().equals(fgos) || (college != null && !i.college().equals(college))
                    || i.graduationYear() < firstYear || i.graduationYear() > lastYear
                    || standards.getOrDefault(i.programmeId(), Set.of()).isEmpty()) {
                continue;
            }
            List<Map<String, FunctionScore>> group = scores(i);
            if (SmallCells.tooSmall(group.size())) {
                continue;
            }
            graduates += group.size();
            ready += (int) group.stream().filter(s -> need.ready(s, settings.specialtyReadyShare())).count();
            years.add(i.graduationYear());
        }
        return new Tally(graduates, ready, years);
    }

    /** Each graduate's scores at graduation across the intake's mapped standards: kept, or computed once. */
    private List<Map<String, FunctionScore>> scores(Intake intake) {
        return scored.computeIfAbsent(intake.programmeId(), id -> kept.scores(keys.get(id), () -> score(intake)));
    }

    private List<Map<String, FunctionScore>> score(Intake intake) {
        long id = intake.programmeId();
        List<String> students = programmes.students(id);
        if (students.isEmpty()) {
            return List.of();
        }
        LocalDate day = TrendService.graduationDate(intake.graduationYear());
        Map<String, Map<String, FunctionScore>> byStudent = new HashMap<>();
        for (String standard : standards.get(id)) {
            for (StudentReadiness r : scorer.score(students, standard, day)) {
                Map<String, FunctionScore> s = byStudent.computeIfAbsent(r.studentId(), k -> new HashMap<>());
                r.functions().forEach(f -> s.put(f.standardCode() + '|' + f.code(), f));
            }
        }
        computed += byStudent.size();
        return new ArrayList<>(byStudent.values());
    }

    /** How many graduates this order's shares rest on (each group once), kept or scored. */
    int graduatesScored() {
        return scored.values().stream().mapToInt(List::size).sum();
    }

    /** How many of them were scored at graduation for this order (not kept from an earlier one). */
    int graduatesComputed() {
        return computed;
    }
}
