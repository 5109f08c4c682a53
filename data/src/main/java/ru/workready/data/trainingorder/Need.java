package ru.workready.data.trainingorder;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.employers.DemandTargets;
import ru.workready.engine.employers.ProfileFunction;
import ru.workready.engine.employers.Standing;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * One need of a year: a specialty forecast (all forecast rows of a ФГОС code), or one declared demand row by job
 * profile, ТФ or qualification (ОТФ) judged as {@link DemandTargets} judges it everywhere else.
 *
 * @param rows which demand rows the count comes from
 */
public record Need(Kind kind, int year, String target, String label, @Nullable String fgosCode, int demand,
                   List<DemandRow> rows, DemandTargets.@Nullable Target declared) {
    public enum Kind { SPECIALTY, PROFILE, FUNCTION, QUALIFICATION }

    /** A demand row behind a need: where it is stored ("specialty_forecast #12", "labour_demand …"), count, source. */
    public record DemandRow(String row, int needed, @Nullable String source) {
    }

    /** Whether a programme covers the need: of its specialty, or mapping at least one of the need's ТФ. */
    boolean coveredBy(String programmeFgos, java.util.Set<String> mappedFunctions) {
        if (kind == Kind.SPECIALTY) {
            return programmeFgos.equals(fgosCode);
        }
        return declared != null && declared.functions().stream()
                .anyMatch(f -> mappedFunctions.contains(f.standardCode() + '|' + f.code()));
    }

    /**
     * Whether a graduate, with these scores at graduation (keyed "standard code|ТФ code"), is ready for the need. A
     * specialty: READY for at least θ of the ТФ their mapping covers within the programme's level (scored ТФ: not
     * unmapped, not above the level); otherwise the need's own rule.
     */
    boolean ready(Map<String, FunctionScore> scores, double theta) {
        if (kind == Kind.SPECIALTY) {
            long scored = scores.values().stream().filter(f -> f.level().scored()).count();
            long ready = scores.values().stream().filter(f -> f.level() == ReadinessLevel.READY).count();
            return scored > 0 && ready >= theta * scored - 1e-9;
        }
        Map<Long, Standing> standings = new java.util.HashMap<>();
        for (ProfileFunction f : declared.functions()) {
            FunctionScore s = scores.get(f.standardCode() + '|' + f.code());
            if (s != null) {
                standings.put(f.labourFunctionId(), new Standing(s.level(), s.readiness()));
            }
        }
        return !declared.functions().isEmpty() && declared.ready(standings);
    }
}
