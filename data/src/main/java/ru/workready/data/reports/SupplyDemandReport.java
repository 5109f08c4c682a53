package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.employers.DemandService.TargetKind;

/**
 * Supply vs demand: the region's declared needs (потребность в кадрах) for the programme's
 * graduation year that concern the chosen standards, against the programme's own graduates ready
 * for each. Counted from stored scores; a student without a score counts as not ready.
 */
public record SupplyDemandReport(Provenance provenance, String region, int graduationYear, int graduates,
                                 List<Need> needs) implements Tabular {

    /**
     * One declared need: a job profile (ready = job fit READY with must-haves met), a ТФ (READY) or
     * a qualification, ОТФ (every ТФ READY). shortfall = needed − ready, at least 0.
     */
    public record Need(TargetKind kind, String target, String targetName, int needed, int ready, int shortfall,
                       @Nullable String source) {
    }

    @Override
    public String fileName() {
        return "supply-demand";
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("Спрос и предложение", List.of("Регион", "Год выпуска", "Вид потребности", "Цель",
                "Наименование", "Требуется", "Выпускников программы", "Готовы", "Дефицит", "Источник"),
                needs.stream().map(n -> row(region, graduationYear, n.kind().name(), n.target(), n.targetName(),
                        n.needed(), graduates, n.ready(), n.shortfall(), n.source())).toList()));
    }
}
