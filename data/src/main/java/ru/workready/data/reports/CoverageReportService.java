package ru.workready.data.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;
import ru.workready.data.reports.ReportRefs.ElementRef;
import ru.workready.data.reports.ReportRefs.FunctionRef;
import ru.workready.data.reports.ReportRepository.ElementRow;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.MappingRow;
import ru.workready.data.reports.ReportRepository.OutcomeRow;

/** The coverage matrix: the programme's outcomes × the chosen standards' ТФ (and elements) with each mapping. */
@Service
@Transactional(readOnly = true)
public class CoverageReportService {
    private final ReportRepository repository;
    private final ReportScopes scopes;

    CoverageReportService(ReportRepository repository, ReportScopes scopes) {
        this.repository = repository;
        this.scopes = scopes;
    }

    public CoverageReport coverage(ProgrammeSelector selector, List<String> standards, @Nullable Integer mappingVersion,
                                   boolean withElements, String ruleSetVersion) {
        ReportScope scope = scopes.scope(selector, standards, mappingVersion);
        List<OutcomeRow> outcomes = repository.outcomes(scope.programme().id());
        Map<Long, OutcomeRow> outcomeById = RowRefs.byId(outcomes, OutcomeRow::id);
        List<FunctionRef> functions = new ArrayList<>();
        List<CoverageReport.Cell> cells = new ArrayList<>();
        List<ElementRef> elements = new ArrayList<>();
        for (IndexedSource ix : scopes.index(scope)) {
            for (FunctionRow f : ix.functions()) {
                functions.add(RowRefs.ref(ix.source(), f, scope.programme()));
            }
            cells.addAll(cells(ix, outcomeById));
            if (withElements) {
                for (FunctionRow f : ix.functions()) {
                    ix.elementsOf(f).forEach(e -> elements.add(RowRefs.ref(f, e)));
                }
            }
        }
        return new CoverageReport(scopes.provenance(scope, List.of(ruleSetVersion)), functions,
                outcomes.stream().map(RowRefs::ref).toList(), cells, elements);
    }

    /** One cell per mapping of the source. */
    private static List<CoverageReport.Cell> cells(IndexedSource ix, Map<Long, OutcomeRow> outcomeById) {
        Map<Long, ElementRow> elementById = ix.elementById();
        Map<Long, FunctionRow> functionById = RowRefs.byId(ix.functions(), FunctionRow::id);
        List<CoverageReport.Cell> cells = new ArrayList<>();
        for (MappingRow m : ix.mappings()) {
            FunctionRow f = functionById.get(m.functionId());
            ElementRow e = m.elementId() == null ? null : elementById.get(m.elementId());
            cells.add(new CoverageReport.Cell(ix.source().standardCode(), f.code(),
                    outcomeById.get(m.outcomeId()).code(), e == null ? null : RowRefs.ref(f, e), m.type(), m.weight(),
                    m.critical()));
        }
        return cells;
    }
}
