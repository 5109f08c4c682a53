package ru.workready.data.trainingorder;

import org.jspecify.annotations.Nullable;

/**
 * Whose planning a caller may read and write: one region (official name) — a regional authority bound to its region —
 * or any region (null: ADMIN, an unbound REGION organisation). Outside it a region or college reads as unknown, so that
 * nobody can probe another region's data.
 */
public record PlanningScope(@Nullable String region) {
    public static final PlanningScope ANY = new PlanningScope(null);

    public boolean allows(String officialRegion) {
        return region == null || region.equals(officialRegion);
    }
}
