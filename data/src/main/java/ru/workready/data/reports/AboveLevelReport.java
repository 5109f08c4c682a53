package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.util.List;

/** ТФ whose qualification level exceeds the programme's: reported, not expected to be covered. */
public record AboveLevelReport(Provenance provenance, int programmeLevel, List<AboveLevelFunction> functions)
        implements ProgrammeReport {

    /** mappedOutcomes: outcomes mapped to it all the same (usually none). */
    public record AboveLevelFunction(String standardCode, String code, String name, String generalizedFunction,
                                     int qualificationLevel, List<String> mappedOutcomes) {
    }

    @Override
    public String fileName() {
        return "above-level";
    }

    @Override
    public List<Table> tables() {
        return List.of(new Table("Выше уровня программы", List.of("Стандарт", "Код ТФ", "Трудовая функция", "ОТФ",
                "Уровень квалификации", "Уровень программы", "Сопоставленные результаты"),
                functions.stream().map(f -> row(f.standardCode(), f.code(), f.name(), f.generalizedFunction(),
                        f.qualificationLevel(), programmeLevel, String.join(", ", f.mappedOutcomes()))).toList()));
    }
}
