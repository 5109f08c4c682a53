package ru.workready.data.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.workready.data.reports.ReportRefs.ElementRef;
import ru.workready.data.reports.ReportRefs.FunctionRef;
import ru.workready.data.reports.ReportRefs.OutcomeRef;
import ru.workready.data.reports.ReportRepository.ElementRow;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.OutcomeRow;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;

/** The report rows' references ({@link ReportRefs}) made from repository rows, and rows looked up by id. */
final class RowRefs {
    private RowRefs() {
    }

    static FunctionRef ref(Provenance.Source source, FunctionRow f, ProgrammeRow p) {
        return new FunctionRef(source.standardCode(), f.code(), f.name(), f.generalizedCode(), f.qualificationLevel(),
                f.qualificationLevel() > p.qualificationLevel());
    }

    static ElementRef ref(FunctionRow f, ElementRow e) {
        return new ElementRef(f.code(), e.kind(), e.position(), e.text());
    }

    static OutcomeRef ref(OutcomeRow o) {
        return new OutcomeRef(o.code(), o.kind(), o.name(), o.moduleCode());
    }

    static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        Map<Long, T> map = new HashMap<>();
        rows.forEach(r -> map.put(id.apply(r), r));
        return map;
    }
}
