package ru.workready.data.outcomes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.outcomes.Intervals;
import ru.workready.data.outcomes.OutcomeRepository;
import ru.workready.data.reports.Tabular;
import ru.workready.data.reports.Table;
import ru.workready.engine.outcomes.Interval;
import ru.workready.engine.outcomes.ValidityAnalysis.Figure;
import ru.workready.engine.outcomes.ValidityAnalysis.GroupRate;

/**
 * Readiness at graduation against employment in specialty 12 months later, per ТФ, per ОТФ and for a graduate-level
 * summary (the share of the programme-level ТФ that are READY). Every figure rests on {@code graduates} graduates
 * with a known outcome; what it was computed from is stated: the rule set(s), standard edition(s), mapping versions,
 * cohort, outcome and its sources.
 *
 * @param excluded graduates of the cohort left out, by reason (no observation in the window, not in the labour
 *                 force, specialty not known, programme not mapped to the standard); null for 1 … K−1 when suppressed
 */
public record ValidityReport(GraduateCohort cohort, String standardCode, List<String> standardEditions,
                             List<String> ruleSets, List<String> mappings, String outcome, int months,
                             int windowMonths, List<String> outcomeSources, int graduates,
                             Map<String, @Nullable Integer> excluded, int minimumPerGroup, long seed, int resamples,
                             boolean suppression, @Nullable String withheld, @Nullable Feature summary,
                             List<Feature> generalizedFunctions, List<Feature> functions,
                             OffsetDateTime generatedAt) implements Tabular {

    /** One reading: a ТФ, an ОТФ or the summary, with its figure. */
    public record Feature(String kind, String code, String name, Figure figure) {
    }

    static final String OUTCOME = "employed or self-employed in the specialty (ОКЗ / ОКПДТР of the mapped standards, "
            + "or as the source says), at the observation nearest 12 months after graduation within ±3 months";

    @Override
    public List<String> provenanceLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Прогностическая валидность готовности: стандарт " + (standardEditions.isEmpty() ? standardCode
                : String.join(", ", standardEditions)));
        lines.add("Когорта: колледж " + any(cohort.college()) + ", программа (ФГОС) " + any(cohort.fgos())
                + ", регион " + any(cohort.region()) + ", годы выпуска " + any(cohort.fromYear()) + "–"
                + any(cohort.toYear()) + "; выпускников с исходом: " + graduates);
        lines.add("Набор правил: " + String.join(", ", ruleSets));
        lines.add("Сопоставления: " + String.join("; ", mappings));
        lines.add("Исход: работа по специальности через " + months + " мес. после выпуска (±" + windowMonths
                + " мес.); источники: " + String.join(", ", outcomeSources));
        lines.add("Готовность на дату выпуска (30 июня); 95 % интервалы: Уилсон, Ньюкомб, бутстреп AUC (" + resamples
                + " выборок, seed " + seed + "); минимум в группе: " + minimumPerGroup);
        lines.add("Исключены: " + excluded);
        lines.add("Сформирован: " + generatedAt);
        return lines;
    }

    private static String any(@Nullable Object v) {
        return v == null ? "все" : v.toString();
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add(suppression ? "Подавление малых групп: применяется — доли и AUC, опирающиеся на менее чем 5 "
                + "выпускников, не публикуются" : "Подавление малых групп: не применяется (свой колледж)");
        if (withheld != null) {
            notes.add("Не опубликовано: " + withheld);
        }
        return notes;
    }

    List<Feature> all() {
        List<Feature> all = new ArrayList<>();
        if (summary != null) {
            all.add(summary);
        }
        all.addAll(generalizedFunctions);
        all.addAll(functions);
        return all;
    }

    @Override
    public List<Table> tables() {
        List<List<@Nullable Object>> figures = new ArrayList<>();
        List<List<@Nullable Object>> groups = new ArrayList<>();
        for (Feature f : all()) {
            Figure x = f.figure();
            figures.add(Arrays.asList(f.kind(), f.code(), f.name(), x.graduates(), x.withOutcome(), x.highGraduates(),
                    x.lowGraduates(), Intervals.estimate(x.highVsLow()), Intervals.low(x.highVsLow()),
                    Intervals.high(x.highVsLow()), Intervals.estimate(x.auc()), Intervals.low(x.auc()),
                    Intervals.high(x.auc()), x.verdict().name(), x.withheld()));
            for (GroupRate g : x.groups()) {
                groups.add(Arrays.asList(f.kind(), f.code(), g.group(), g.graduates(), g.withOutcome(),
                        Intervals.estimate(g.rate()),
                        Intervals.low(g.rate()), Intervals.high(g.rate()), g.withheld()));
            }
        }
        return List.of(new Table("Валидность", List.of("Вид", "Код", "Наименование", "Выпускников",
                        "Работают по специальности", "Группа READY", "Остальные", "Разница долей", "нижняя граница",
                        "верхняя граница", "AUC", "нижняя граница", "верхняя граница", "Вывод", "Не опубликовано"),
                        figures),
                new Table("Доли по уровням", List.of("Вид", "Код", "Уровень", "Выпускников",
                        "Работают по специальности", "Доля", "нижняя граница", "верхняя граница", "Не опубликовано"),
                        groups));
    }

    @Override
    public String fileName() {
        return "validity-" + standardCode;
    }
}
