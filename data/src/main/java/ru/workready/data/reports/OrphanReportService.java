package ru.workready.data.reports;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;
import ru.workready.data.reports.ReportRepository.OutcomeRow;

/** The programme's outcomes (ПК, ОК, finer outcomes) that serve no ТФ of the chosen standards. */
@Service
@Transactional(readOnly = true)
public class OrphanReportService {
    private final ReportRepository repository;
    private final ReportScopes scopes;

    OrphanReportService(ReportRepository repository, ReportScopes scopes) {
        this.repository = repository;
        this.scopes = scopes;
    }

    public OrphanReport orphans(ProgrammeSelector selector, List<String> standards, @Nullable Integer mappingVersion,
                                String ruleSetVersion) {
        ReportScope scope = scopes.scope(selector, standards, mappingVersion);
        List<OutcomeRow> outcomes = repository.outcomes(scope.programme().id());
        Set<Long> serving = new HashSet<>();
        for (IndexedSource ix : scopes.index(scope)) {
            ix.mappings().forEach(m -> serving.add(m.outcomeId()));
        }
        return new OrphanReport(scopes.provenance(scope, List.of(ruleSetVersion)), outcomes.size(),
                outcomes.stream().filter(o -> !serving.contains(o.id())).map(RowRefs::ref).toList());
    }
}
