package ru.workready.data.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.reports.AboveLevelReport.AboveLevelFunction;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.OutcomeRow;

/** The ТФ whose qualification level exceeds the programme's, with the outcomes mapped to them. */
@Service
@Transactional(readOnly = true)
public class AboveLevelReportService {
    private final ReportRepository repository;
    private final ReportScopes scopes;

    AboveLevelReportService(ReportRepository repository, ReportScopes scopes) {
        this.repository = repository;
        this.scopes = scopes;
    }

    public AboveLevelReport aboveLevel(ProgrammeSelector selector, List<String> standards,
                                       @Nullable Integer mappingVersion, String ruleSetVersion) {
        ReportScope scope = scopes.scope(selector, standards, mappingVersion);
        Map<Long, OutcomeRow> outcomeById = RowRefs.byId(repository.outcomes(scope.programme().id()), OutcomeRow::id);
        List<AboveLevelFunction> above = new ArrayList<>();
        for (IndexedSource ix : scopes.index(scope)) {
            for (FunctionRow f : ix.functions()) {
                if (f.qualificationLevel() > scope.programme().qualificationLevel()) {
                    above.add(CoverageRules.aboveLevel(ix.source(), f, ix.mappingsOf(f), outcomeById));
                }
            }
        }
        return new AboveLevelReport(scopes.provenance(scope, List.of(ruleSetVersion)),
                scope.programme().qualificationLevel(), above);
    }
}
