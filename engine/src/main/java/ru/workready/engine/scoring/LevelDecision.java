package ru.workready.engine.scoring;

/** Inserted by a rule: the level of one labour function, the rule that set it, and why. */
public record LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason) {
}
