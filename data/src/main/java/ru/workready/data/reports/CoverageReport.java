package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.reports.ReportRefs.ElementRef;
import ru.workready.data.reports.ReportRefs.FunctionRef;
import ru.workready.data.reports.ReportRefs.OutcomeRef;
import ru.workready.engine.mapping.MappingType;

/**
 * Coverage matrix: programme outcomes × ТФ (and ТФ elements) with mapping type and weight;
 * elements lists the ТФ elements when asked for.
 */
public record CoverageReport(Provenance provenance, List<FunctionRef> functions, List<OutcomeRef> outcomes,
                             List<Cell> cells, List<ElementRef> elements) implements ProgrammeReport {

    /** One mapping: the outcome covers the ТФ (element null) or one of its elements. */
    public record Cell(String standardCode, String functionCode, String outcomeCode, @Nullable ElementRef element,
                       MappingType type, double weight, boolean critical) {
        String label() {
            return type.name() + " " + weight + (critical ? " !" : "")
                    + (element == null ? "" : " [" + element.kindLabel() + " " + element.position() + "]");
        }
    }

    @Override
    public String fileName() {
        return "coverage";
    }

    @Override
    public List<Table> tables() {
        Map<String, FunctionRef> byKey = new LinkedHashMap<>();
        functions.forEach(f -> byKey.put(f.standardCode() + " " + f.code(), f));
        List<List<@Nullable Object>> links = new ArrayList<>();
        for (Cell c : cells) {
            FunctionRef f = byKey.get(c.standardCode() + " " + c.functionCode());
            ElementRef e = c.element();
            links.add(row(c.standardCode(), c.functionCode(), f == null ? null : f.name(),
                    f == null ? null : f.qualificationLevel(), e == null ? null : e.kindLabel(),
                    e == null ? null : e.position(), e == null ? null : e.text(), c.outcomeCode(), c.type().name(),
                    c.weight(), c.critical() ? "да" : "нет"));
        }
        List<String> header = new ArrayList<>(List.of("Стандарт", "Код ТФ", "Трудовая функция", "Уровень"));
        outcomes.forEach(o -> header.add(o.code()));
        List<List<@Nullable Object>> matrix = new ArrayList<>();
        for (FunctionRef f : functions) {
            List<@Nullable Object> r = new ArrayList<>(List.of(f.standardCode(), f.code(), f.name(), f.qualificationLevel()));
            for (OutcomeRef o : outcomes) {
                List<String> labels = cells.stream()
                        .filter(c -> c.standardCode().equals(f.standardCode()) && c.functionCode().equals(f.code())
                                && c.outcomeCode().equals(o.code()))
                        .map(Cell::label).toList();
                r.add(labels.isEmpty() ? null : String.join("; ", labels));
            }
            matrix.add(r);
        }
        return List.of(
                new Table("Связи", List.of("Стандарт", "Код ТФ", "Трудовая функция", "Уровень квалификации",
                        "Вид элемента", "№ элемента", "Элемент ТФ", "Результат освоения", "Тип связи", "Вес",
                        "Критичная"), links),
                new Table("Матрица", header, matrix, true));
    }
}
