package ru.workready.engine.employers;

import org.jspecify.annotations.Nullable;
import ru.workready.engine.scoring.ReadinessLevel;

/** A student's stored score for one ТФ: its level and readiness r (null when not scored). */
public record Standing(ReadinessLevel level, @Nullable Double readiness) {
}
