package ru.workready.engine.programmes;

import org.jspecify.annotations.Nullable;

/**
 * Результат освоения программы: ПК 1.1, ОК 01, … ; activityCode is the ВД it belongs to, if any;
 * parentCode is the ПК a finer outcome (практический опыт / умение / знание) belongs to.
 */
public record Outcome(String code, OutcomeKind kind, String name, @Nullable String activityCode,
                      @Nullable String parentCode) {
    public Outcome(String code, OutcomeKind kind, String name, @Nullable String activityCode) {
        this(code, kind, name, activityCode, null);
    }
}
