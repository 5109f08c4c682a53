package ru.workready.engine.scoring;

/** Уровень готовности к выполнению трудовой функции. */
public enum ReadinessLevel {
    READY(3, true),
    PARTIALLY_READY(2, true),
    INSUFFICIENT_EVIDENCE(1, true),
    NOT_READY(0, true),
    /** No programme outcome is mapped to the function: a curriculum gap, not the student's. */
    UNMAPPED(-1, false),
    /** The function's qualification level is above the programme's: reported, not scored. */
    ABOVE_PROGRAMME_LEVEL(-1, false);

    private final int strength;
    private final boolean scored;

    ReadinessLevel(int strength, boolean scored) {
        this.strength = strength;
        this.scored = scored;
    }

    /** Whether the level judges the student (rather than the curriculum). */
    public boolean scored() {
        return scored;
    }

    /** Order used to find the weakest of several levels: NOT_READY is the weakest. */
    public int strength() {
        return strength;
    }
}
