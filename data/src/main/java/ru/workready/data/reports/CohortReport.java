package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * Cohort weak spots: per ТФ, how many of the programme's students are at each readiness level,
 * and the ТФ with the lowest share of READY students with the outcomes and evidence kinds that
 * drag them down. Computed from the stored readiness scores and their explanations.
 *
 * <p>Unless the caller is the programme's own college, small-group suppression applies
 * ({@link Disclosure}): a cohort of 1–4 students (or one sharing its graduation year with another
 * intake of 1–4) publishes no numbers; in each ТФ row counts of 1–4 are hidden with complements,
 * shares and means over fewer than 5 students are withheld; outcomes and evidence kinds over fewer
 * than 5 students are left out of the drags.
 *
 * @param students the programme's students; null when the group is suppressed
 * @param asOf     null: the stored scores (today); else the day the students were scored as of (computed, not stored,
 *                 today's rule set and mapping), with asOfRule "date" or "graduation"
 */
public record CohortReport(Provenance provenance, @Nullable Integer students, boolean staleScores,
                           Disclosure disclosure, List<CohortFunction> functions,
                           List<CohortFunction> weakSpots, java.time.@Nullable LocalDate asOf,
                           @Nullable String asOfRule) implements ProgrammeReport {

    /**
     * One ТФ over the cohort. readyShare = READY / scored students (null when no student is scored,
     * e.g. an unmapped or above-level ТФ, or when withheld). A level count or {@code unscored}
     * (students without a stored score for the ТФ) is null when hidden; {@code suppressionReason}
     * says why anything in the row is hidden.
     */
    public record CohortFunction(String standardCode, String code, String name, int qualificationLevel,
                                 Map<ReadinessLevel, @Nullable Integer> levels, @Nullable Integer unscored,
                                 @Nullable Integer scored, @Nullable Double readyShare,
                                 @Nullable Double meanReadiness, List<OutcomeDrag> weakestOutcomes,
                                 List<KindDrag> weakestEvidenceKinds,
                                 SmallCells.@Nullable Reason suppressionReason) {
    }

    /**
     * A mapped outcome's mean mastery over the cohort, and how many students lack evidence for it or
     * are below 0.5 (null when hidden).
     */
    public record OutcomeDrag(String outcomeCode, @Nullable Double meanMastery, @Nullable Integer withoutEvidence,
                              @Nullable Integer weak) {
    }

    /** An evidence kind's mean normalized score over the current results behind this ТФ. */
    public record KindDrag(EvidenceKind kind, double meanScore, int results) {
    }

    @Override
    public String fileName() {
        return "cohort";
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(disclosure.lines());
        if (asOf != null) {
            notes.add("Готовность на дату " + asOf + ("graduation".equals(asOfRule) ? " (дата выпуска программы)" : "")
                    + ": вычислена по действующему набору правил и сопоставлению, не сохранена");
        }
        return notes;
    }

    @Override
    public List<Table> tables() {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (CohortFunction f : functions) {
            List<@Nullable Object> r = new ArrayList<>(row(f.standardCode(), f.code(), f.name(), f.qualificationLevel(),
                    shown(f.scored(), f), shown(f.readyShare(), f), shown(f.meanReadiness(), f)));
            for (ReadinessLevel l : ReadinessLevel.values()) {
                r.add(shown(f.levels().get(l), f));
            }
            r.add(shown(f.unscored(), f));
            r.add(f.weakestOutcomes().stream().map(o -> o.outcomeCode() + " (" + format(o.meanMastery()) + ")")
                    .collect(Collectors.joining(", ")));
            r.add(f.weakestEvidenceKinds().stream().map(k -> k.kind().name() + " (" + format(k.meanScore()) + ")")
                    .collect(Collectors.joining(", ")));
            r.add(f.suppressionReason() == null ? null : Disclosure.russian(f.suppressionReason()));
            rows.add(r);
        }
        List<String> header = new ArrayList<>(List.of("Стандарт", "Код ТФ", "Трудовая функция", "Уровень квалификации",
                "Оценено студентов", "Доля READY", "Средняя готовность"));
        for (ReadinessLevel l : ReadinessLevel.values()) {
            header.add(l.name());
        }
        header.add("Без оценки");
        header.add("Слабые результаты (ср. освоение)");
        header.add("Слабые виды оценки (ср. балл)");
        header.add("Подавление");
        List<List<@Nullable Object>> weak = weakSpots.stream().map(f -> row(f.code(), f.name(), f.readyShare(),
                f.meanReadiness(), f.weakestOutcomes().isEmpty() ? null : f.weakestOutcomes().get(0).outcomeCode(),
                f.weakestEvidenceKinds().isEmpty() ? null : f.weakestEvidenceKinds().get(0).kind().name())).toList();
        return List.of(new Table("Готовность когорты", header, rows),
                new Table("Слабые места", List.of("Код ТФ", "Трудовая функция", "Доля READY", "Средняя готовность",
                        "Самый слабый результат", "Самый слабый вид оценки"), weak));
    }

    /** A value, or «скрыто» when suppression withheld it (an empty cell stays empty otherwise). */
    private @Nullable Object shown(@Nullable Object value, CohortFunction f) {
        return value == null && disclosure.applied() && (disclosure.suppressed() || f.suppressionReason() != null)
                ? Disclosure.HIDDEN : value;
    }

    private static String format(@Nullable Double v) {
        return v == null ? "нет данных" : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
