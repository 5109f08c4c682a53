package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN §3 step 8: how well a student fits a job profile (профиль должности работодателя).
 * fit = Σ importance·r / Σ importance over the profile's labour functions (a function with no
 * readiness counts as 0); a must-have function that is not READY makes the verdict NOT_YET
 * whatever the fit.
 */
public final class JobFit {

    /** One labour function of a profile: importance 1..5 and whether it is a must-have. */
    public record Requirement(String functionCode, int importance, boolean mustHave) {
        public Requirement {
            if (importance < 1 || importance > 5) {
                throw new IllegalArgumentException("importance must be 1..5, was " + importance);
            }
        }
    }

    public enum Verdict { FITS, NOT_YET }

    /**
     * @param missingMustHaves must-have functions that are not READY (unknown codes included)
     */
    public record Result(double fit, Verdict verdict, List<String> missingMustHaves) {
        public Result {
            missingMustHaves = List.copyOf(missingMustHaves);
        }
    }

    private JobFit() {
    }

    public static Result of(List<FunctionScore> scores, List<Requirement> profile) {
        Map<String, FunctionScore> byCode = new HashMap<>();
        for (FunctionScore s : scores) {
            byCode.put(s.code(), s);
        }
        double weighted = 0;
        double importance = 0;
        List<String> missing = new ArrayList<>();
        for (Requirement r : profile) {
            FunctionScore s = byCode.get(r.functionCode());
            @Nullable Double readiness = s == null ? null : s.readiness();
            weighted += r.importance() * (readiness == null ? 0.0 : readiness);
            importance += r.importance();
            if (r.mustHave() && (s == null || s.level() != ReadinessLevel.READY)) {
                missing.add(r.functionCode());
            }
        }
        double fit = importance > 0 ? Methodology.round(weighted / importance) : 0.0;
        return new Result(fit, missing.isEmpty() ? Verdict.FITS : Verdict.NOT_YET, missing);
    }
}
