package ru.workready.engine.programmes;

import org.jspecify.annotations.Nullable;

/** Результат освоения программы: ПК 1.1, ОК 01, … ; activityCode is the ВД it belongs to, if any. */
public record Outcome(String code, OutcomeKind kind, String name, @Nullable String activityCode) {
}
