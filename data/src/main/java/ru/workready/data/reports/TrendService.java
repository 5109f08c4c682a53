package ru.workready.data.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.workready.data.colleges.RegionRepository;
import ru.workready.data.reports.TrendRepository.Intake;
import ru.workready.data.standards.StandardRepository;
import ru.workready.engine.scoring.StudentReadiness;

/**
 * Trends of readiness at graduation ({@link TrendReport}): finds the intakes of a programme in a college, a region or
 * everywhere, scores each graduated intake's students as of its graduation date, and follows each ТФ across the years
 * and the standard's editions ({@link TrendLines}); small groups suppressed by {@link TrendCounts}.
 */
@Service
public class TrendService {
    /** At most this many years in one report. */
    static final int MAX_YEARS = 30;

    /** What a trend report is about; blank college and region: every college. */
    public record TrendQuery(String fgosCode, String standardCode, @Nullable String college, @Nullable String region,
                             boolean byIntake, @Nullable Integer from, @Nullable Integer to) {
    }

    private final TrendRepository repository;
    private final StandardRepository standards;
    private final RegionRepository regions;
    private final Clock clock;

    public TrendService(TrendRepository repository, StandardRepository standards, RegionRepository regions,
                        Clock clock) {
        this.repository = repository;
        this.standards = standards;
        this.regions = regions;
        this.clock = clock;
    }

    /** A programme's graduation date: 30 June of its graduation year (as the cohort report's asOf=graduation). */
    public static LocalDate graduationDate(int graduationYear) {
        return LocalDate.of(graduationYear, Month.JUNE, 30);
    }

    /**
     * The report; {@code ownCollege} is the caller's college when it is a COLLEGE key (numbers about its own students
     * are not suppressed), null for everybody else.
     */
    public TrendReport trends(TrendQuery query, @Nullable String ownCollege, GapReportService.AsOfScorer scorer) {
        LocalDate today = LocalDate.now(clock);
        int lastGraduated = today.isBefore(graduationDate(today.getYear())) ? today.getYear() - 1 : today.getYear();
        int to = query.to() == null ? lastGraduated : query.to();
        int from = query.from() == null ? to - 5 : query.from();
        validate(query, from, to);
        String region = query.region() == null || query.region().isBlank() ? null : regions.canonical(query.region());
        String college = query.college() == null || query.college().isBlank() ? null : query.college().strip();
        String standard = query.standardCode().strip();
        List<Intake> intakes = repository.intakes(query.fgosCode().strip(), college, region, standard,
                query.byIntake(), from, to);
        boolean suppress = college == null || !college.equals(ownCollege);
        TrendCounts counts = new TrendCounts(suppress);
        GraduationScoring scoring = new GraduationScoring(standard, today, scorer);
        List<TrendCounts.YearCounts> years = new ArrayList<>();
        intakesByYear(intakes, query.byIntake(), from, to)
                .forEach((year, its) -> years.add(scoring.year(counts, year, its)));
        TrendLines lines = new TrendLines(List.copyOf(scoring.editions.values()));
        return new TrendReport(query.fgosCode().strip(), standard, college, region,
                query.byIntake() ? "intake" : "graduation", from, to, List.copyOf(scoring.ruleSets),
                counts.disclosure(), years.stream().map(TrendCounts.YearCounts::year).toList(), lines.lines(years),
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Every year from..to (an empty list for a year without intakes) with its intakes, in year order. */
    private static Map<Integer, List<Intake>> intakesByYear(List<Intake> intakes, boolean byIntake, int from, int to) {
        Map<Integer, List<Intake>> byYear = new TreeMap<>();
        for (int y = from; y <= to; y++) {
            byYear.put(y, new ArrayList<>());
        }
        intakes.forEach(i -> byYear.get(byIntake ? i.intakeYear() : i.graduationYear()).add(i));
        return byYear;
    }

    /**
     * Scores the graduated intakes of one year after another as of their graduation, gathering the standard
     * editions they were mapped to and the rule-set versions that scored them.
     */
    private final class GraduationScoring {
        private final String standard;
        private final LocalDate today;
        private final GapReportService.AsOfScorer scorer;
        final Map<Long, TrendLines.EditionFunctions> editions = new LinkedHashMap<>();
        final TreeSet<String> ruleSets = new TreeSet<>();

        GraduationScoring(String standard, LocalDate today, GapReportService.AsOfScorer scorer) {
            this.standard = standard;
            this.today = today;
            this.scorer = scorer;
        }

        TrendCounts.YearCounts year(TrendCounts counts, int year, List<Intake> intakes) {
            List<TrendCounts.Scored> scored = new ArrayList<>();
            int notGraduated = 0;
            int withoutMapping = 0;
            for (Intake intake : intakes) {
                LocalDate graduation = graduationDate(intake.graduationYear());
                if (graduation.isAfter(today)) {
                    notGraduated++;
                } else if (intake.standardId() == null) {
                    withoutMapping++;
                } else {
                    scored.add(score(intake, graduation));
                }
            }
            return counts.year(year, scored, notGraduated, withoutMapping);
        }

        private TrendCounts.Scored score(Intake intake, LocalDate graduation) {
            editions.computeIfAbsent(intake.standardId(), id -> TrendLines.EditionFunctions.of(id,
                    Objects.requireNonNull(intake.orderNumber()), Objects.requireNonNull(intake.approvalDate()),
                    standards.functionNames(id)));
            List<StudentReadiness> readiness = intake.students() == 0 ? List.of()
                    : scorer.score(repository.studentIds(intake.programmeId()), standard, graduation);
            readiness.forEach(r -> ruleSets.add(r.ruleSetVersion()));
            return new TrendCounts.Scored(intake, graduation, readiness);
        }
    }

    private static void validate(TrendQuery query, int from, int to) {
        if (query.fgosCode() == null || query.fgosCode().isBlank()) {
            throw GapReportService.badParameter("fgos", query.fgosCode(), "give the programme's ФГОС code");
        }
        if (query.standardCode() == null || query.standardCode().isBlank() || query.standardCode().contains(",")) {
            throw GapReportService.badParameter("standard", query.standardCode(), "give exactly one standard code");
        }
        if (query.college() != null && !query.college().isBlank() && query.region() != null
                && !query.region().isBlank()) {
            throw GapReportService.badParameter("region", query.region(), "give a college or a region, not both");
        }
        if (from < 1900 || to > 2100 || from > to) {
            throw GapReportService.badParameter("from", from + "–" + to, "years between 1900 and 2100, from ≤ to");
        }
        if (to - from + 1 > MAX_YEARS) {
            throw GapReportService.badParameter("to", String.valueOf(to), "at most " + MAX_YEARS + " years at once");
        }
    }
}
