package ru.workready.data.outcomes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.reports.Tabular;
import ru.workready.data.reports.Table;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.outcomes.Interval;

/**
 * Graduates' employment per programme (college × ФГОС code) and graduation year, 6, 12 and 24 months after
 * graduation. Rates are over the graduates observed in the window with a status that counts (employed,
 * self-employed, continuing education, unemployed; army, parental leave and "unknown" left out); the in-specialty rate
 * leaves out the employed whose specialty nobody could tell. Unless the caller is the programme's own college, counts
 * of 1 … K−1 are hidden with complements (SmallCells), and a rate is withheld when a count it rests on is.
 *
 * @param suppression true when small-group suppression applies (anybody but the programme's own college)
 */
public record EmploymentReport(GraduateCohort cohort, int windowMonths, boolean suppression,
                               List<Row> rows, OffsetDateTime generatedAt) implements Tabular {

    /**
     * One programme, graduation year and horizon. windowOpen: the observation window has not closed yet (more
     * records may come). A count is null when hidden; everything but the group's existence when it is suppressed.
     */
    public record Row(String college, String fgosCode, String programme, int graduationYear, int months,
                      boolean windowOpen, @Nullable Integer graduates, @Nullable Integer observed,
                      @Nullable Integer employed, @Nullable Integer inSpecialty, @Nullable Integer specialtyUnknown,
                      @Nullable Integer continuingEducation, @Nullable Integer unemployed,
                      @Nullable Integer outOfLabourForce, @Nullable Integer notObserved,
                      @Nullable Interval employmentRate, @Nullable Interval inSpecialtyRate, List<String> sources,
                      SmallCells.@Nullable Reason suppressionReason) {
    }

    @Override
    public List<String> provenanceLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Трудоустройство выпускников: колледж " + any(cohort.college()) + ", программа (ФГОС) "
                + any(cohort.fgos()) + ", регион " + any(cohort.region()) + ", годы выпуска "
                + (cohort.fromYear() == null ? "…" : cohort.fromYear()) + "–"
                + (cohort.toYear() == null ? "…" : cohort.toYear()));
        lines.add("Наблюдение: ближайшее к 6, 12 и 24 месяцам после выпуска (30 июня) в пределах ±" + windowMonths
                + " мес.; доли — среди наблюдённых со статусом, кроме армии, отпуска по уходу и «нет данных»;"
                + " 95 % интервалы Уилсона");
        lines.add("Сформирован: " + generatedAt);
        return lines;
    }

    private static String any(@Nullable Object v) {
        return v == null ? "все" : v.toString();
    }

    @Override
    public List<String> notes() {
        return List.of(suppression ? "Подавление малых групп: применяется — числа о группах менее " + SmallCells.K
                + " выпускников не публикуются (пустые ячейки с причиной)"
                : "Подавление малых групп: не применяется (отчёт для своего колледжа)");
    }

    @Override
    public List<Table> tables() {
        List<List<@Nullable Object>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(java.util.Arrays.asList(r.college(), r.fgosCode(), r.programme(), r.graduationYear(), r.months(),
                    r.windowOpen() ? "да" : "нет", r.graduates(), r.observed(), r.employed(), r.inSpecialty(),
                    r.specialtyUnknown(), r.continuingEducation(), r.unemployed(), r.outOfLabourForce(),
                    r.notObserved(), Intervals.estimate(r.employmentRate()), Intervals.low(r.employmentRate()),
                    Intervals.high(r.employmentRate()), Intervals.estimate(r.inSpecialtyRate()),
                    Intervals.low(r.inSpecialtyRate()), Intervals.high(r.inSpecialtyRate()),
                    String.join(", ", r.sources()),
                    r.suppressionReason() == null ? null : r.suppressionReason().description()));
        }
        return List.of(new Table("Трудоустройство", List.of("Колледж", "ФГОС", "Программа", "Год выпуска",
                "Месяцев после выпуска", "Окно не закрыто", "Выпускников", "Наблюдено", "Работают",
                "Работают по специальности", "Специальность не известна", "Продолжают обучение", "Не работают",
                "Армия, отпуск по уходу", "Нет сведений", "Доля работающих", "нижняя граница", "верхняя граница",
                "Доля по специальности", "нижняя граница", "верхняя граница", "Источники", "Подавление"), out));
    }

    @Override
    public String fileName() {
        return "employment";
    }
}
