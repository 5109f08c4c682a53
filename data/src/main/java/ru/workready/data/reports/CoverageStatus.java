package ru.workready.data.reports;

/** How well the programme's outcomes cover a ТФ or one of its elements. */
public enum CoverageStatus {
    /** At least one EXACT or PART_OF mapping. */
    COVERED,
    /** Only RELATED mappings: supported, not taught. */
    RELATED_ONLY,
    /** No mapping at all. */
    NOT_COVERED,
    /** The ТФ's qualification level is above the programme's: not expected to be covered. */
    ABOVE_LEVEL;

    public boolean gap() {
        return this == RELATED_ONLY || this == NOT_COVERED;
    }

    /** Russian label for exports and the page. */
    public String label() {
        switch (this) {
            case COVERED:
                return "покрыта";
            case RELATED_ONLY:
                return "только косвенная связь (RELATED)";
            case NOT_COVERED:
                return "не покрыта";
            default:
                return "выше уровня программы";
        }
    }
}
