package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.employers.DemandService.TargetKind;

/**
 * Supply vs demand: the region's declared needs (потребность в кадрах) for the programme's
 * graduation year that concern the chosen standards, against the graduates of the programme's
 * group (college × programme × graduation year, as the employer aggregates group them) ready for
 * each. Counted from stored scores; a student without a score counts as not ready.
 *
 * <p>Unless the caller is the programme's own college, the group's numbers are suppressed like the
 * employer aggregates' ({@link Disclosure}): a group of 1–4 graduates publishes no numbers, and a
 * need whose ready count is hidden (1–4, its complement, or 1–4 graduates without consent) shows
 * neither ready nor shortfall.
 *
 * @param graduates null when the group is suppressed
 */
public record SupplyDemandReport(Provenance provenance, String region, int graduationYear, @Nullable Integer graduates,
                                 Disclosure disclosure, List<Need> needs) implements ProgrammeReport {

    /**
     * One declared need: a job profile (ready = job fit READY with must-haves met), a ТФ (READY) or
     * a qualification, ОТФ (every ТФ READY). shortfall = needed − ready, at least 0; both null when withheld.
     */
    public record Need(TargetKind kind, String target, String targetName, int needed, @Nullable Integer ready,
                       @Nullable Integer shortfall, @Nullable String source, boolean suppressed,
                       ru.workready.engine.employers.SmallCells.@Nullable Reason suppressionReason) {
    }

    @Override
    public String fileName() {
        return "supply-demand";
    }

    @Override
    public List<String> notes() {
        return disclosure.lines();
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("Спрос и предложение", List.of("Регион", "Год выпуска", "Вид потребности", "Цель",
                "Наименование", "Требуется", "Выпускников программы", "Готовы", "Дефицит", "Источник", "Подавление"),
                needs.stream().map(n -> row(region, graduationYear, n.kind().name(), n.target(), n.targetName(),
                        n.needed(), graduates == null ? Disclosure.HIDDEN : graduates,
                        n.suppressed() ? Disclosure.HIDDEN : n.ready(), n.suppressed() ? Disclosure.HIDDEN : n.shortfall(),
                        n.source(), n.suppressionReason() == null ? null : Disclosure.russian(n.suppressionReason())))
                        .toList()));
    }
}
