package ru.workready.engine.programmes;

/** Kinds of programme outcomes: ПК, ОК, and the finer практический опыт / умения / знания. */
public enum OutcomeKind {
    PROFESSIONAL,
    GENERAL,
    EXPERIENCE,
    SKILL,
    KNOWLEDGE
}
