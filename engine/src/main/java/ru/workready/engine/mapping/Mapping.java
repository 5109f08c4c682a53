package ru.workready.engine.mapping;

/**
 * Outcome ──(type, weight, critical?)──▶ labour function. A mapping to one element of a
 * function counts towards that function.
 */
public record Mapping(String outcomeCode, String functionCode, MappingType type, double weight, boolean critical) {
    public Mapping {
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("mapping weight must be in (0, 1], was " + weight);
        }
        if (type == MappingType.RELATED && weight > 0.5) {
            throw new IllegalArgumentException("a RELATED mapping weighs at most 0.5, was " + weight);
        }
    }
}
