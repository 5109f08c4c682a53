package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.mapping.MappingType;

/**
 * Two mapping versions of one programme to one standard edition compared: which gaps a change
 * fixed, which it opened, which mappings were added, removed or changed, and which outcomes
 * stopped or started serving no ТФ. The provenance lists both versions, "from" first.
 */
public record MappingComparison(Provenance provenance, int fromVersion, int toVersion, List<FunctionChange> fixed,
                                List<FunctionChange> broken, List<FunctionChange> changed,
                                List<MappingChange> mappingChanges, List<String> orphansResolved,
                                List<String> orphansIntroduced) implements ProgrammeReport {

    /** A ТФ whose coverage status differs between the versions. */
    public record FunctionChange(String code, String name, CoverageStatus from, CoverageStatus to) {
    }

    public enum Change { ADDED, REMOVED, CHANGED }

    /** A mapping row added, removed, or with another type, weight or criticality; element is a label or null. */
    public record MappingChange(Change change, String functionCode, @Nullable String element, String outcomeCode,
                                @Nullable MappingType fromType, @Nullable Double fromWeight,
                                @Nullable Boolean fromCritical, @Nullable MappingType toType,
                                @Nullable Double toWeight, @Nullable Boolean toCritical) {
    }

    @Override
    public String fileName() {
        return "mapping-v" + fromVersion + "-v" + toVersion;
    }

    @Override
    public List<Table> tables() {
        List<List<@Nullable Object>> fs = new ArrayList<>();
        for (FunctionChange f : fixed) {
            fs.add(row("исправлено", f.code(), f.name(), f.from().label(), f.to().label()));
        }
        for (FunctionChange f : broken) {
            fs.add(row("нарушено", f.code(), f.name(), f.from().label(), f.to().label()));
        }
        for (FunctionChange f : changed) {
            fs.add(row("изменено", f.code(), f.name(), f.from().label(), f.to().label()));
        }
        for (String o : orphansResolved) {
            fs.add(row("результат получил ТФ", null, o, null, null));
        }
        for (String o : orphansIntroduced) {
            fs.add(row("результат потерял ТФ", null, o, null, null));
        }
        List<List<@Nullable Object>> ms = mappingChanges.stream().map(m -> row(m.change().name(), m.functionCode(),
                m.element(), m.outcomeCode(), m.fromType() == null ? null : m.fromType().name(), m.fromWeight(),
                m.fromCritical(), m.toType() == null ? null : m.toType().name(), m.toWeight(), m.toCritical())).toList();
        return List.of(
                new Table("Итог сравнения", List.of("Изменение", "Код ТФ", "Наименование", "Было (v" + fromVersion + ")",
                        "Стало (v" + toVersion + ")"), fs),
                new Table("Изменённые связи", List.of("Изменение", "Код ТФ", "Элемент", "Результат", "Тип (было)",
                        "Вес (было)", "Критичная (было)", "Тип (стало)", "Вес (стало)", "Критичная (стало)"), ms));
    }
}
