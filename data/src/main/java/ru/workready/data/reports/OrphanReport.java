package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.util.List;
import ru.workready.data.reports.ReportRefs.OutcomeRef;

/** Outcomes (ПК, ОК, finer outcomes) that serve no ТФ of the chosen standards. */
public record OrphanReport(Provenance provenance, int outcomeCount, List<OutcomeRef> outcomes) implements ProgrammeReport {

    @Override
    public String fileName() {
        return "orphans";
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("Результаты без ТФ", List.of("Код", "Вид", "Формулировка", "Модуль"),
                outcomes.stream().map(o -> row(o.code(), o.kind().name(), o.name(), o.module())).toList()));
    }
}
