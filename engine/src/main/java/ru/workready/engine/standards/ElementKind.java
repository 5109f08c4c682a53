package ru.workready.engine.standards;

/** Parts of a labour function: трудовое действие, необходимое умение, необходимое знание. */
public enum ElementKind {
    LABOUR_ACTION,
    REQUIRED_SKILL,
    REQUIRED_KNOWLEDGE
}
