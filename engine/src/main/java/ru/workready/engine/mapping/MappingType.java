package ru.workready.engine.mapping;

/** How much of a labour function an outcome covers (CASE association vocabulary). */
public enum MappingType {
    EXACT,
    PART_OF,
    /** Supports the function; weight at most 0.5. */
    RELATED
}
