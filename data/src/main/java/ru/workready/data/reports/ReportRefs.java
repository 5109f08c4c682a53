package ru.workready.data.reports;

import org.jspecify.annotations.Nullable;
import ru.workready.engine.programmes.OutcomeKind;
import ru.workready.engine.standards.ElementKind;

/** Small value types shared by the reports. */
public final class ReportRefs {
    private ReportRefs() {
    }

    /** A labour function (трудовая функция, ТФ) of a standard edition, with its ОТФ's qualification level. */
    public record FunctionRef(String standardCode, String code, String name, String generalizedFunction,
                              int qualificationLevel, boolean aboveProgrammeLevel) {
    }

    /** A labour action, required skill or knowledge (элемент ТФ). */
    public record ElementRef(String functionCode, ElementKind kind, int position, String text) {
        public String kindLabel() {
            switch (kind) {
                case LABOUR_ACTION:
                    return "трудовое действие";
                case REQUIRED_SKILL:
                    return "необходимое умение";
                default:
                    return "необходимое знание";
            }
        }
    }

    /** A programme outcome (результат освоения: ПК, ОК, опыт/умение/знание). */
    public record OutcomeRef(String code, OutcomeKind kind, String name, @Nullable String module) {
    }
}
