package ru.workready.data.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.expertise.ExpertiseStatements;
import ru.workready.data.reports.AboveLevelReport.AboveLevelFunction;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;
import ru.workready.data.reports.ReportRepository.ElementRow;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.MappingRow;
import ru.workready.data.reports.ReportRepository.OutcomeRow;
import ru.workready.engine.mapping.MappingType;

/**
 * The gaps: ТФ and elements within the programme's level that no outcome covers or only RELATED outcomes touch, the
 * ТФ above the programme's level, and what the employers' experts said the programme should cover.
 */
@Service
@Transactional(readOnly = true)
public class UncoveredReportService {
    private final ReportRepository repository;
    private final ReportScopes scopes;
    private final ExpertiseStatements expertise;

    UncoveredReportService(ReportRepository repository, ReportScopes scopes, ExpertiseStatements expertise) {
        this.repository = repository;
        this.scopes = scopes;
        this.expertise = expertise;
    }

    public UncoveredReport uncovered(ProgrammeSelector selector, List<String> standards,
                                     @Nullable Integer mappingVersion, String ruleSetVersion) {
        ReportScope scope = scopes.scope(selector, standards, mappingVersion);
        Map<Long, OutcomeRow> outcomeById = RowRefs.byId(repository.outcomes(scope.programme().id()), OutcomeRow::id);
        List<UncoveredReport.UncoveredFunction> gaps = new ArrayList<>();
        List<AboveLevelFunction> above = new ArrayList<>();
        for (IndexedSource ix : scopes.index(scope)) {
            for (FunctionRow f : ix.functions()) {
                List<MappingRow> ms = ix.mappingsOf(f);
                CoverageStatus status = CoverageRules.status(f, ms, scope.programme());
                if (status == CoverageStatus.ABOVE_LEVEL) {
                    above.add(CoverageRules.aboveLevel(ix.source(), f, ms, outcomeById));
                    continue;
                }
                List<UncoveredReport.UncoveredElement> elements = uncoveredElements(ix, f, ms);
                if (status.gap() || !elements.isEmpty()) {
                    gaps.add(new UncoveredReport.UncoveredFunction(ix.source().standardCode(), f.code(), f.name(),
                            f.generalizedCode(), f.qualificationLevel(), status,
                            ms.stream().filter(m -> m.type() == MappingType.RELATED)
                                    .map(m -> outcomeById.get(m.outcomeId()).code()).distinct().toList(),
                            elements));
                }
            }
        }
        // what the employers' experts said the programme should cover (comments and proposed rows)
        List<String> toCover = scope.sources().stream().flatMap(s -> expertise.functionsToCover(s.mappingSetId())
                .stream().map(code -> s.standardCode() + " " + code)).distinct().toList();
        return new UncoveredReport(scopes.provenance(scope, List.of(ruleSetVersion)),
                scope.programme().qualificationLevel(), gaps, above, toCover);
    }

    /** An element is covered by the mappings to it and by those to its whole ТФ. */
    private static List<UncoveredReport.UncoveredElement> uncoveredElements(IndexedSource ix, FunctionRow f,
                                                                            List<MappingRow> ms) {
        List<UncoveredReport.UncoveredElement> elements = new ArrayList<>();
        for (ElementRow e : ix.elementsOf(f)) {
            CoverageStatus es = CoverageRules.status(ms.stream()
                    .filter(m -> m.elementId() == null || m.elementId() == e.id()).toList());
            if (es.gap()) {
                elements.add(new UncoveredReport.UncoveredElement(RowRefs.ref(f, e), es));
            }
        }
        return elements;
    }
}
