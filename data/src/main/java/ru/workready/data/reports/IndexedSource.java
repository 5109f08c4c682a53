package ru.workready.data.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.workready.data.reports.ReportRepository.ElementRow;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.MappingRow;

/** One source's standard and mapping, indexed for the coverage rules. */
record IndexedSource(Provenance.Source source, List<FunctionRow> functions, Map<Long, List<ElementRow>> elements,
                     Map<Long, List<MappingRow>> byFunction, List<MappingRow> mappings) {

    List<MappingRow> mappingsOf(FunctionRow f) {
        return byFunction.getOrDefault(f.id(), List.of());
    }

    List<ElementRow> elementsOf(FunctionRow f) {
        return elements.getOrDefault(f.id(), List.of());
    }

    Map<Long, ElementRow> elementById() {
        Map<Long, ElementRow> byId = new HashMap<>();
        elements.values().forEach(es -> es.forEach(e -> byId.put(e.id(), e)));
        return byId;
    }
}
