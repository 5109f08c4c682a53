package ru.workready.engine.employers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * Job fit (соответствие профилю должности), DESIGN §3 step 8: fit = Σ importance·r / Σ importance
 * over the profile's ТФ. A ТФ the student has no score for (not mapped, above the programme's
 * level, not yet assessed) counts as r = 0: the employer asked for it and nothing shows it.
 *
 * @param fit             0 … 1
 * @param mustHavesMet    every must-have ТФ is at its required level
 * @param level           READY (must-haves met, fit ≥ 0.75), PARTIALLY_READY (must-haves met, fit ≥ 0.5),
 *                        otherwise NOT_READY — the same thresholds as a single ТФ
 * @param unmetMustHaves  must-have ТФ below their required level
 * @param notReady        every profile ТФ that is not READY: the gaps
 */
public record JobFit(double fit, boolean mustHavesMet, ReadinessLevel level, List<ProfileFunction> unmetMustHaves,
                     List<ProfileFunction> notReady) {
    public static final double READY_FIT = 0.75;
    public static final double PARTIAL_FIT = 0.5;

    public JobFit {
        unmetMustHaves = List.copyOf(unmetMustHaves);
        notReady = List.copyOf(notReady);
    }

    /** Evaluates one student against a profile, given the student's standings by labour function id. */
    public static JobFit of(List<ProfileFunction> profile, Map<Long, Standing> standings) {
        if (profile.isEmpty()) {
            throw new IllegalArgumentException("a job profile needs at least one labour function");
        }
        double weighted = 0;
        double importance = 0;
        List<ProfileFunction> unmet = new ArrayList<>();
        List<ProfileFunction> gaps = new ArrayList<>();
        for (ProfileFunction f : profile) {
            Standing s = standings.get(f.labourFunctionId());
            double r = s == null || s.readiness() == null || !s.level().scored() ? 0.0 : s.readiness();
            ReadinessLevel level = s == null ? null : s.level();
            // a ТФ certified READY (e.g. by an independent assessment) counts in full whatever the college marks say
            if (level == ReadinessLevel.READY) {
                r = Math.max(r, READY_FIT);
            }
            weighted += f.importance() * r;
            importance += f.importance();
            if (f.mustHave() && !f.metBy(level)) {
                unmet.add(f);
            }
            if (level != ReadinessLevel.READY) {
                gaps.add(f);
            }
        }
        double fit = weighted / importance;
        ReadinessLevel level = !unmet.isEmpty() ? ReadinessLevel.NOT_READY
                : fit >= READY_FIT ? ReadinessLevel.READY
                : fit >= PARTIAL_FIT ? ReadinessLevel.PARTIALLY_READY
                : ReadinessLevel.NOT_READY;
        return new JobFit(fit, unmet.isEmpty(), level, unmet, gaps);
    }
}
