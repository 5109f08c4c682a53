package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.reports.ReportRefs.ElementRef;

/**
 * ТФ and their elements, within the programme's qualification level, that no outcome covers or
 * that only RELATED mappings touch; and the ТФ above the programme's level. expertsAskToCover: the ТФ
 * ("06.001 C/01.5") employers' experts said the programme should cover, in an expertise of the mapping version used.
 */
public record UncoveredReport(Provenance provenance, int programmeLevel, List<UncoveredFunction> functions,
                              List<AboveLevelReport.AboveLevelFunction> aboveLevel,
                              List<String> expertsAskToCover) implements ProgrammeReport {

    /**
     * A ТФ that is a gap itself (status NOT_COVERED or RELATED_ONLY), or a covered ТФ some of
     * whose elements are gaps; relatedOutcomes are the outcomes with RELATED mappings to it.
     */
    public record UncoveredFunction(String standardCode, String code, String name, String generalizedFunction,
                                    int qualificationLevel, CoverageStatus status, List<String> relatedOutcomes,
                                    List<UncoveredElement> elements) {
    }

    /** An element (labour action, skill, knowledge) with no EXACT or PART_OF mapping. */
    public record UncoveredElement(ElementRef element, CoverageStatus status) {
    }

    @Override
    public List<String> notes() {
        return expertsAskToCover.isEmpty() ? List.of()
                : List.of("Эксперты работодателей предлагают покрыть: " + String.join(", ", expertsAskToCover));
    }

    @Override
    public String fileName() {
        return "uncovered";
    }

    @Override
    public List<Table> tables() {
        List<List<@Nullable Object>> fs = new ArrayList<>();
        List<List<@Nullable Object>> es = new ArrayList<>();
        for (UncoveredFunction f : functions) {
            fs.add(row(f.standardCode(), f.code(), f.name(), f.qualificationLevel(), f.status().label(),
                    String.join(", ", f.relatedOutcomes()), f.elements().size()));
            for (UncoveredElement e : f.elements()) {
                es.add(row(f.standardCode(), f.code(), e.element().kindLabel(), e.element().position(),
                        e.element().text(), e.status().label()));
            }
        }
        for (AboveLevelReport.AboveLevelFunction f : aboveLevel) {
            fs.add(row(f.standardCode(), f.code(), f.name(), f.qualificationLevel(), CoverageStatus.ABOVE_LEVEL.label(),
                    String.join(", ", f.mappedOutcomes()), null));
        }
        return List.of(
                new Table("Непокрытые ТФ", List.of("Стандарт", "Код ТФ", "Трудовая функция", "Уровень квалификации",
                        "Состояние", "Связанные результаты", "Непокрытых элементов"), fs),
                new Table("Непокрытые элементы", List.of("Стандарт", "Код ТФ", "Вид элемента", "№", "Элемент ТФ",
                        "Состояние"), es));
    }
}
