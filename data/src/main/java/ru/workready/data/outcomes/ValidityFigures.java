package ru.workready.data.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.outcomes.ValidityReport.Feature;
import ru.workready.data.outcomes.ValidityService.Scored;
import ru.workready.engine.outcomes.ValidityAnalysis;
import ru.workready.engine.outcomes.ValidityAnalysis.Reading;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.GeneralizedScore;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * The readings of a scored cohort. A ТФ's and an ОТФ's: the level (READY is "high"; ranked for the AUC READY 3,
 * PARTIALLY_READY 2, NOT_READY 0, INSUFFICIENT_EVIDENCE not ranked); a graduate whose ТФ is unmapped or above the
 * programme's level has no reading of it. The summary: the share of the graduate's scored ТФ that are READY
 * (high from one half; bands below a third, to two thirds, above).
 */
public record ValidityFigures(@Nullable Feature summary, List<Feature> generalized, List<Feature> functions) {
    static final ValidityFigures NONE = new ValidityFigures(null, List.of(), List.of());
    static final List<String> LEVELS = List.of(ReadinessLevel.READY.name(), ReadinessLevel.PARTIALLY_READY.name(),
            ReadinessLevel.INSUFFICIENT_EVIDENCE.name(), ReadinessLevel.NOT_READY.name());
    static final List<String> BANDS = List.of("≥ 2/3 READY", "1/3 – 2/3 READY", "< 1/3 READY");

    static ValidityFigures of(List<Scored> cohort, ValidityAnalysis.Settings settings) {
        Map<String, List<Reading>> byFunction = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Reading>> byGeneralized = new LinkedHashMap<>();
        List<Reading> summary = new ArrayList<>();
        for (Scored s : cohort) {
            int scored = 0;
            int ready = 0;
            for (FunctionScore f : s.readiness().functions()) {
                names.putIfAbsent(f.code(), f.name());
                if (!f.level().scored()) {
                    continue;
                }
                scored++;
                ready += f.level() == ReadinessLevel.READY ? 1 : 0;
                byFunction.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(reading(f.level(), s.outcome()));
            }
            for (GeneralizedScore g : s.readiness().generalizedFunctions()) {
                if (g.level() != null && g.level().scored()) {
                    byGeneralized.computeIfAbsent(g.code(), k -> new ArrayList<>())
                            .add(reading(g.level(), s.outcome()));
                }
            }
            if (scored > 0) {
                double share = (double) ready / scored;
                String band = share >= 2.0 / 3 ? BANDS.get(0) : share >= 1.0 / 3 ? BANDS.get(1) : BANDS.get(2);
                summary.add(new Reading(band, share >= 0.5, share, s.outcome()));
            }
        }
        List<Feature> functions = new ArrayList<>();
        byFunction.forEach((code, readings) -> functions.add(new Feature("ТФ", code, names.get(code),
                ValidityAnalysis.figure(code, readings, LEVELS, settings))));
        List<Feature> generalized = new ArrayList<>();
        byGeneralized.forEach((code, readings) -> generalized.add(new Feature("ОТФ", code, "ОТФ " + code,
                ValidityAnalysis.figure(code, readings, LEVELS, settings))));
        Feature total = summary.isEmpty() ? null : new Feature("summary", "share-ready",
                "Доля ТФ уровня программы в состоянии READY", ValidityAnalysis.figure("share-ready", summary, BANDS,
                settings));
        return new ValidityFigures(total, generalized, functions);
    }

    private static Reading reading(ReadinessLevel level, boolean outcome) {
        // too little evidence is no judgement: in the rates and among "not READY", but not ranked for the AUC
        double rank = level == ReadinessLevel.INSUFFICIENT_EVIDENCE ? Double.NaN : level.strength();
        return new Reading(level.name(), level == ReadinessLevel.READY, rank, outcome);
    }
}
