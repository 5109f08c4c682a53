package ru.workready.data.reports;

import static ru.workready.data.reports.Table.row;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.employers.SmallCells;

/**
 * Readiness at graduation year after year (тренды): per year (of graduation, or of intake) and per labour function, how
 * many graduates were READY, PARTIALLY_READY or not ready when they graduated, scored as of each programme's graduation
 * date with today's rule set and mapping (computed, not stored), and the standard edition and mapping version each year
 * used. A line follows one ТФ code across editions: a function the next edition keeps (or renames) continues its line,
 * one it adds starts a line, one it drops ends one ({@code change} says which).
 *
 * @param yearsBy "graduation" or "intake"
 */
public record TrendReport(String fgosCode, String standardCode, @Nullable String college, @Nullable String region,
                          String yearsBy, int from, int to, List<String> ruleSetVersions, Disclosure disclosure,
                          List<Year> years, List<Line> lines, OffsetDateTime generatedAt) implements Tabular {

    /**
     * One year: the graduates counted (null when nothing about the year may be published), the groups (college ×
     * programme × year) left out as too small, the intakes not graduated yet or without a mapping to the standard.
     */
    public record Year(int year, @Nullable Integer graduates, int groupsLeftOut, int intakesNotGraduated,
                       int intakesWithoutMapping, List<LocalDate> graduationDates, List<Edition> editions,
                       SmallCells.@Nullable Reason suppressionReason) {
    }

    /** A standard edition used in a year, with the versions of the mappings to it and how many graduates it scored. */
    public record Edition(String orderNumber, LocalDate approvalDate, List<Integer> mappingVersions,
                          @Nullable Integer graduates) {
    }

    /**
     * One ТФ across the years. {@code change} says how the editions treat it: null when every edition used has it
     * under the same name; else e.g. "added in 424н", "removed in 424н", "renamed in 424н".
     */
    public record Line(String code, String name, int qualificationLevel, @Nullable String change, List<Point> points) {
    }

    /**
     * A ТФ in one year. {@code inEdition} false: no edition used that year has the function. NOT_READY counts the
     * scored levels below PARTIALLY_READY (NOT_READY, INSUFFICIENT_EVIDENCE); notScored: UNMAPPED, ABOVE_PROGRAMME_LEVEL.
     * Shares are of the scored graduates. A number is null when hidden (suppressionReason says why) or not applicable.
     */
    public record Point(int year, boolean inEdition, @Nullable Integer ready, @Nullable Integer partiallyReady,
                        @Nullable Integer notReady, @Nullable Integer notScored, @Nullable Double readyShare,
                        @Nullable Double partiallyReadyShare, @Nullable Double meanReadiness,
                        SmallCells.@Nullable Reason suppressionReason) {
    }

    @Override
    public List<String> provenanceLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Программа: " + fgosCode + (college != null ? ", колледж " + college : "")
                + (region != null ? ", регион " + region : college == null ? ", все колледжи" : ""));
        lines.add("Профстандарт: " + standardCode + "; годы " + ("intake".equals(yearsBy) ? "набора " : "выпуска ")
                + from + "–" + to + "; готовность на дату выпуска каждой программы");
        for (Year y : years) {
            for (Edition e : y.editions()) {
                lines.add(y.year() + ": редакция приказ " + e.orderNumber() + " от " + e.approvalDate()
                        + ", версии сопоставления " + e.mappingVersions());
            }
        }
        lines.add("Набор правил: " + (ruleSetVersions.isEmpty() ? "—" : String.join(", ", ruleSetVersions)));
        lines.add("Сформирован: " + generatedAt);
        return lines;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(disclosure.lines());
        notes.add("Готовность вычислена на дату выпуска (30 июня года выпуска) по действующему сегодня набору правил "
                + "и сопоставлению, не сохранена");
        return notes;
    }

    @Override
    public List<Table> tables() {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (Line l : lines) {
            for (Point p : l.points()) {
                rows.add(row(l.code(), l.name(), l.qualificationLevel(), l.change(), p.year(),
                        p.inEdition() ? "да" : "нет", shown(p, p.ready()), shown(p, p.partiallyReady()),
                        shown(p, p.notReady()), shown(p, p.notScored()), shown(p, p.readyShare()),
                        shown(p, p.partiallyReadyShare()), shown(p, p.meanReadiness()),
                        p.suppressionReason() == null ? null : Disclosure.russian(p.suppressionReason())));
            }
        }
        List<List<@Nullable Object>> yearRows = years.stream().map(y -> row(y.year(), y.graduates(),
                y.groupsLeftOut(), y.intakesNotGraduated(), y.intakesWithoutMapping(),
                String.join(", ", y.editions().stream().map(e -> e.orderNumber() + " v" + e.mappingVersions()).toList()),
                y.suppressionReason() == null ? null : Disclosure.russian(y.suppressionReason()))).toList();
        return List.of(new Table("Тренды готовности", List.of("Код ТФ", "Трудовая функция", "Уровень квалификации",
                        "Изменение в редакциях", "Год", "Есть в редакции", "READY", "PARTIALLY_READY", "NOT_READY",
                        "Не оценивается", "Доля READY", "Доля PARTIALLY_READY", "Средняя готовность", "Подавление"),
                        rows),
                new Table("Годы", List.of("Год", "Выпускников", "Малых групп исключено", "Наборов ещё не выпущено",
                        "Наборов без сопоставления", "Редакции и версии сопоставления", "Подавление"), yearRows));
    }

    private static @Nullable Object shown(Point p, @Nullable Object value) {
        return value == null && p.suppressionReason() != null ? Disclosure.HIDDEN : value;
    }

    @Override
    public String fileName() {
        return "trends";
    }

    @Override
    public String downloadName() {
        return fileName() + "-" + fgosCode + "-" + standardCode + "-" + from + "-" + to;
    }
}
