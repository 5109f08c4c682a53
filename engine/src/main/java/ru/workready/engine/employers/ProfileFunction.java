package ru.workready.engine.employers;

import org.jspecify.annotations.Nullable;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * One labour function (ТФ) of a job profile (профиль должности) as the employer weighs it.
 *
 * @param labourFunctionId the stored ТФ of one standard edition
 * @param importance       1 (nice to have) … 5 (core of the job)
 * @param mustHave         a must-have ТФ below its required level makes the candidate "not yet", whatever the fit
 * @param minLevel         the level the employer accepts for this ТФ; null means READY
 */
public record ProfileFunction(long labourFunctionId, String standardCode, String code, int importance,
                              boolean mustHave, @Nullable ReadinessLevel minLevel) {
    public ProfileFunction {
        if (importance < 1 || importance > 5) {
            throw new IllegalArgumentException("importance must be 1–5, was " + importance);
        }
        if (minLevel != null && minLevel != ReadinessLevel.READY && minLevel != ReadinessLevel.PARTIALLY_READY) {
            throw new IllegalArgumentException("minimum level must be READY or PARTIALLY_READY, was " + minLevel);
        }
    }

    /** The level a student must reach on this ТФ for it to count as met. */
    public ReadinessLevel requiredLevel() {
        return minLevel == null ? ReadinessLevel.READY : minLevel;
    }

    /** Whether a student at this level meets the employer's requirement for the ТФ. */
    public boolean metBy(@Nullable ReadinessLevel level) {
        return level != null && level.scored() && level.strength() >= requiredLevel().strength()
                && level != ReadinessLevel.INSUFFICIENT_EVIDENCE;
    }
}
