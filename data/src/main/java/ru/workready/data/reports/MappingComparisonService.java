package ru.workready.data.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;
import ru.workready.data.reports.MappingComparison.Change;
import ru.workready.data.reports.MappingComparison.FunctionChange;
import ru.workready.data.reports.MappingComparison.MappingChange;
import ru.workready.data.reports.ReportRepository.ElementRow;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.MappingRow;
import ru.workready.data.reports.ReportRepository.OutcomeRow;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;

/** Compares two mapping versions of a programme to one standard edition: what a change fixed or broke. */
@Service
@Transactional(readOnly = true)
public class MappingComparisonService {
    private final ReportRepository repository;
    private final ReportScopes scopes;

    MappingComparisonService(ReportRepository repository, ReportScopes scopes) {
        this.repository = repository;
        this.scopes = scopes;
    }

    /** The ТФ whose coverage status changed, sorted into fixed, broken and otherwise changed. */
    private record FunctionChanges(List<FunctionChange> fixed, List<FunctionChange> broken,
                                   List<FunctionChange> changed) {
    }

    public MappingComparison compare(ProgrammeSelector selector, String standard, int fromVersion, int toVersion,
                                     String ruleSetVersion) {
        ReportScope from = scopes.scope(selector, List.of(standard), fromVersion);
        ReportScope to = scopes.scope(selector, List.of(standard), toVersion);
        IndexedSource a = scopes.index(from).get(0);
        IndexedSource b = scopes.index(to).get(0);
        ProgrammeRow programme = from.programme();
        List<OutcomeRow> outcomes = repository.outcomes(programme.id());
        FunctionChanges functions = functionChanges(a, b, programme);
        List<MappingChange> mappingChanges = mappingChanges(a, b, RowRefs.byId(outcomes, OutcomeRow::id));
        Set<Long> servedBefore = a.mappings().stream().map(MappingRow::outcomeId).collect(Collectors.toSet());
        Set<Long> servedAfter = b.mappings().stream().map(MappingRow::outcomeId).collect(Collectors.toSet());
        List<String> resolved = outcomes.stream()
                .filter(o -> !servedBefore.contains(o.id()) && servedAfter.contains(o.id()))
                .map(OutcomeRow::code).toList();
        List<String> introduced = outcomes.stream()
                .filter(o -> servedBefore.contains(o.id()) && !servedAfter.contains(o.id()))
                .map(OutcomeRow::code).toList();
        ReportScope both = new ReportScope(programme, List.of(from.sources().get(0), to.sources().get(0)));
        return new MappingComparison(scopes.provenance(both, List.of(ruleSetVersion)), fromVersion, toVersion,
                functions.fixed(), functions.broken(), functions.changed(), mappingChanges, resolved, introduced);
    }

    private static FunctionChanges functionChanges(IndexedSource a, IndexedSource b, ProgrammeRow programme) {
        FunctionChanges changes = new FunctionChanges(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (FunctionRow f : a.functions()) {
            CoverageStatus was = CoverageRules.status(f, a.mappingsOf(f), programme);
            CoverageStatus is = CoverageRules.status(f, b.mappingsOf(f), programme);
            FunctionChange c = new FunctionChange(f.code(), f.name(), was, is);
            if (was.gap() && is == CoverageStatus.COVERED) {
                changes.fixed().add(c);
            } else if (was == CoverageStatus.COVERED && is.gap()) {
                changes.broken().add(c);
            } else if (was != is) {
                changes.changed().add(c);
            }
        }
        return changes;
    }

    /** Every mapping added, removed or changed (type, weight or critical) between the two versions. */
    private static List<MappingChange> mappingChanges(IndexedSource a, IndexedSource b,
                                                      Map<Long, OutcomeRow> outcomeById) {
        Map<Long, FunctionRow> functionById = RowRefs.byId(a.functions(), FunctionRow::id);
        Map<Long, ElementRow> elementById = a.elementById();
        Map<List<Object>, MappingRow> before = keyed(a.mappings());
        Map<List<Object>, MappingRow> after = keyed(b.mappings());
        Set<List<Object>> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<MappingChange> changes = new ArrayList<>();
        for (List<Object> key : keys) {
            MappingRow x = before.get(key);
            MappingRow y = after.get(key);
            Change change = change(x, y);
            if (change == null) {
                continue;
            }
            MappingRow any = x != null ? x : y;
            FunctionRow f = functionById.get(any.functionId());
            ElementRow e = any.elementId() == null ? null : elementById.get(any.elementId());
            changes.add(new MappingChange(change, f.code(),
                    e == null ? null : RowRefs.ref(f, e).kindLabel() + " " + e.position(),
                    outcomeById.get(any.outcomeId()).code(),
                    x == null ? null : x.type(), x == null ? null : x.weight(), x == null ? null : x.critical(),
                    y == null ? null : y.type(), y == null ? null : y.weight(), y == null ? null : y.critical()));
        }
        return changes;
    }

    private static @Nullable Change change(@Nullable MappingRow before, @Nullable MappingRow after) {
        if (before == null) {
            return Change.ADDED;
        }
        if (after == null) {
            return Change.REMOVED;
        }
        boolean changed = before.type() != after.type() || before.weight() != after.weight()
                || before.critical() != after.critical();
        return changed ? Change.CHANGED : null;
    }

    /** Mappings by (outcome, ТФ, element). */
    private static Map<List<Object>, MappingRow> keyed(List<MappingRow> rows) {
        Map<List<Object>, MappingRow> map = new LinkedHashMap<>();
        for (MappingRow m : rows) {
            map.put(Arrays.asList(m.outcomeId(), m.functionId(), m.elementId()), m);
        }
        return map;
    }
}
