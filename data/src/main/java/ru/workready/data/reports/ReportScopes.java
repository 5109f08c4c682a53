package ru.workready.data.reports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.expertise.ExpertiseStatements;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;
import ru.workready.data.reports.ReportRepository.ElementRow;
import ru.workready.data.reports.ReportRepository.MappingRow;
import ru.workready.data.reports.ReportRepository.MappingSetRow;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;

/**
 * Chooses what a report is about — the programme and, per chosen standard, the active mapping version or the one
 * asked for — loads each source's standard and mapping, and stamps the report's provenance.
 */
@Component
class ReportScopes {
    private final ReportRepository repository;
    private final ExpertiseStatements expertise;
    private final Clock clock;

    ReportScopes(ReportRepository repository, ExpertiseStatements expertise, Clock clock) {
        this.repository = repository;
        this.expertise = expertise;
        this.clock = clock;
    }

    /** The programme and its sources; no standard codes means every standard the programme is mapped to. */
    ReportScope scope(ProgrammeSelector selector, List<String> standardCodes, @Nullable Integer mappingVersion) {
        ProgrammeRow programme = programme(selector);
        List<MappingSetRow> sets = repository.mappingSets(programme.id());
        List<String> codes = standardCodes.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (codes.isEmpty()) {
            codes = sets.stream().map(MappingSetRow::standardCode).distinct().toList();
        }
        if (codes.isEmpty()) {
            throw new NotFoundException("Programme " + programme.id() + " has no mapping to any professional standard");
        }
        if (mappingVersion != null && codes.size() > 1) {
            throw ReportParameters.badParameter("mappingVersion", String.valueOf(mappingVersion),
                    "a mapping version can be chosen for one standard at a time");
        }
        List<Provenance.Source> sources = new ArrayList<>();
        for (String code : codes) {
            sources.add(source(programme, sets, code, mappingVersion));
        }
        return new ReportScope(programme, sources);
    }

    private Provenance.Source source(ProgrammeRow programme, List<MappingSetRow> sets, String code,
                                     @Nullable Integer mappingVersion) {
        List<MappingSetRow> ofCode = sets.stream().filter(s -> s.standardCode().equals(code)).toList();
        // the edition of the active mapping; sets come newest edition first
        MappingSetRow active = ofCode.stream().filter(MappingSetRow::active).findFirst()
                .orElseThrow(() -> new NotFoundException("Programme " + programme.id()
                        + " has no mapping to standard " + code));
        MappingSetRow chosen = active;
        if (mappingVersion != null) {
            chosen = ofCode.stream().filter(s -> s.standardId() == active.standardId()
                            && s.version() == mappingVersion).findFirst()
                    .orElseThrow(() -> new NotFoundException("Programme " + programme.id()
                            + " has no mapping version " + mappingVersion + " to standard " + code));
        }
        return new Provenance.Source(chosen.standardCode(), chosen.standardName(), chosen.orderNumber(),
                chosen.approvalDate(), chosen.standardId(), chosen.id(), chosen.version(), chosen.active(),
                expertise.of(chosen.id()));
    }

    private ProgrammeRow programme(ProgrammeSelector s) {
        if (s.id() != null) {
            return repository.programme(s.id())
                    .orElseThrow(() -> new NotFoundException("No programme with id " + s.id()));
        }
        List<Problem> problems = new ArrayList<>();
        if (s.college() == null || s.college().isBlank()) {
            problems.add(new Problem(null, "college", null, "give programme=<id>, or college, fgos and year"));
        }
        if (s.fgosCode() == null || s.fgosCode().isBlank()) {
            problems.add(new Problem(null, "fgos", null, "give programme=<id>, or college, fgos and year"));
        }
        if (s.intakeYear() == null) {
            problems.add(new Problem(null, "year", null, "give programme=<id>, or college, fgos and year"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ReportParameters.BAD_PARAMETER, "The programme is not identified",
                    problems, problems.size());
        }
        return repository.programme(s.college().strip(), s.fgosCode().strip(), s.intakeYear())
                .orElseThrow(() -> new NotFoundException("No programme " + s.fgosCode() + " of college " + s.college()
                        + " with intake year " + s.intakeYear()));
    }

    /** Each source's labour functions, elements and mappings, grouped by labour function. */
    List<IndexedSource> index(ReportScope scope) {
        List<IndexedSource> result = new ArrayList<>();
        for (Provenance.Source source : scope.sources()) {
            List<MappingRow> mappings = repository.mappings(source.mappingSetId());
            result.add(new IndexedSource(source, repository.functions(source.standardId()),
                    repository.elements(source.standardId()).stream()
                            .collect(Collectors.groupingBy(ElementRow::functionId)),
                    mappings.stream().collect(Collectors.groupingBy(MappingRow::functionId)), mappings));
        }
        return result;
    }

    Provenance provenance(ReportScope scope, List<String> ruleSets) {
        ProgrammeRow p = scope.programme();
        return new Provenance(new Provenance.Programme(p.id(), p.collegeCode(), p.fgosCode(), p.name(), p.intakeYear(),
                p.qualificationLevel()), scope.sources(), ruleSets,
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS));
    }
}
