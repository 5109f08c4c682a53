package ru.workready.data.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.ProblemType;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.reports.ReportRepository.MappingSetRow;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;

/**
 * What the curriculum gap reports share with their callers: the parameter types (how a programme is chosen, the
 * cohort's day, the as-of scorer), the invalid-parameter problem, and the programmes the page's pickers offer. Each
 * report is computed by its own service ({@link CoverageReportService}, {@link UncoveredReportService},
 * {@link AboveLevelReportService}, {@link OrphanReportService}, {@link CohortReportService},
 * {@link SupplyDemandReportService}, {@link MappingComparisonService}) over a {@link ReportScopes scope}.
 */
@Service
@Transactional(readOnly = true)
public class ReportParameters {
    static final ProblemType BAD_PARAMETER = ProblemType.INVALID_REPORT_PARAMETER;

    /** A programme chosen by id, or by college code + ФГОС code + intake year. */
    public record ProgrammeSelector(@Nullable Long id, @Nullable String college, @Nullable String fgosCode,
                                    @Nullable Integer intakeYear) {
    }

    /** A programme and the standards it is mapped to, for the page's pickers. */
    public record ProgrammeOption(long id, String college, String collegeName, String fgosCode, String name,
                                  int intakeYear, int qualificationLevel, List<StandardOption> standards) {
    }

    /** A standard edition a programme is mapped to, with its mapping versions (the active one marked). */
    public record StandardOption(String code, String name, String orderNumber, LocalDate approvalDate,
                                 int activeVersion, List<Integer> versions) {
    }

    /**
     * The day a cohort report scores the students as of: a date, or {@code graduation} — the programme's graduation
     * date, 30 June of intake year + ceil(study_months / 12) (the graduation year of the employer groups).
     */
    public record CohortAsOf(@Nullable LocalDate date, boolean graduation) {
        public static CohortAsOf parse(String text) {
            if (text.strip().equalsIgnoreCase("graduation")) {
                return new CohortAsOf(null, true);
            }
            try {
                return new CohortAsOf(ru.workready.data.Inputs.requireDate("asOf", LocalDate.parse(text.strip())),
                        false);
            } catch (java.time.format.DateTimeParseException e) {
                throw badParameter("asOf", text, "a date YYYY-MM-DD or 'graduation'");
            }
        }
    }

    /** Scores students as of a day with today's rule set and mapping, without storing (the API's readiness service). */
    @FunctionalInterface
    public interface AsOfScorer {
        List<ru.workready.engine.scoring.StudentReadiness> score(List<String> studentIds, String standardCode,
                                                                 LocalDate asOf);
    }

    private final ReportRepository repository;

    public ReportParameters(ReportRepository repository) {
        this.repository = repository;
    }

    /** Every programme with the standard editions it is mapped to and their mapping versions. */
    public List<ProgrammeOption> programmes() {
        List<ProgrammeOption> options = new ArrayList<>();
        List<ProgrammeRow> programmes = repository.programmes();
        Map<Long, List<MappingSetRow>> setsOf = repository.mappingSets(programmes.stream().map(ProgrammeRow::id).toList());
        for (ProgrammeRow p : programmes) {
            options.add(new ProgrammeOption(p.id(), p.collegeCode(), p.collegeName(), p.fgosCode(), p.name(),
                    p.intakeYear(), p.qualificationLevel(), standards(setsOf.getOrDefault(p.id(), List.of()))));
        }
        return options;
    }

    private static List<StandardOption> standards(List<MappingSetRow> setsOfProgramme) {
        Map<Long, List<MappingSetRow>> byEdition = setsOfProgramme.stream()
                .collect(Collectors.groupingBy(MappingSetRow::standardId, LinkedHashMap::new, Collectors.toList()));
        List<StandardOption> standards = new ArrayList<>();
        for (List<MappingSetRow> sets : byEdition.values()) {
            MappingSetRow first = sets.get(0);
            int active = sets.stream().filter(MappingSetRow::active).mapToInt(MappingSetRow::version).findFirst()
                    .orElse(first.version());
            standards.add(new StandardOption(first.standardCode(), first.standardName(), first.orderNumber(),
                    first.approvalDate(), active, sets.stream().map(MappingSetRow::version).sorted().toList()));
        }
        return standards;
    }

    public static InvalidInputException badParameter(String field, @Nullable String value, String reason) {
        return new InvalidInputException(BAD_PARAMETER, "Invalid report parameter '" + field + "': " + reason,
                List.of(new Problem(null, field, value, reason)), 1);
    }
}
