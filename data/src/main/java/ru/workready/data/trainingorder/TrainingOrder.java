package ru.workready.data.trainingorder;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import ru.workready.data.reports.Table;
import ru.workready.data.reports.Tabular;

/**
 * A region's proposed training order (заказ на подготовку кадров): per year of need and target the demand, the
 * projected ready supply and the gap, the extra places that close it split per college, and the admissions per intake
 * year, specialty and college that follow (a sheet per intake year in XLSX). Every number carries what it rests on.
 *
 * @param college         the college the order is limited to (a COLLEGE key), null for the whole region
 * @param nextIntakeYear  the first intake still to come (1 September): places can be added from it on
 */
public record TrainingOrder(String region, @Nullable String college, int from, int to, int nextIntakeYear,
                            Assumptions assumptions, List<NeedRow> needs, List<Uncovered> uncovered,
                            List<Admission> admissions, OffsetDateTime generatedAt) implements Tabular {

    /** The settings the numbers were computed with (docs/training-order.md). */
    public record Assumptions(double specialtyReadyShare, int historyYears, List<Integer> historyGraduationYears,
                              double defaultReadyShare, double defaultEmployedShare, int minimumGroupSize) {
    }

    /** A factor of the projection: its value, where it comes from (COLLEGE, REGION, DEFAULT) and its base. */
    public record Factor(double value, String source, int graduates, String explanation) {
    }

    /**
     * A programme's expected contribution to a need: students graduating that year × READY share × employed share.
     *
     * @param intakeYear    the intake graduating in the year of need
     * @param assumedIntake true when that intake is still to come and is assumed as large as the current one
     */
    public record Projection(String college, String fgosCode, int intakeYear, int students, boolean assumedIntake,
                             Factor ready, Factor employed, double projected) {
    }

    /** A college's share of the extra places for a need, in the intake year that graduates in time (or the next). */
    public record Allocation(String college, String fgosCode, int intakeYear, boolean late, int currentIntake,
                             @Nullable Integer capacity, double weight, double exactPlaces, int extraPlaces,
                             boolean atCapacity) {
    }

    /**
     * One need of one year. For a COLLEGE key the region-wide supply, gap and places are withheld (null): they are sums
     * over other colleges.
     */
    public record NeedRow(int year, String kind, String target, String label, @Nullable String fgosCode, int demand,
                          List<Need.DemandRow> demandRows, @Nullable Double projectedSupply, @Nullable Double gap,
                          @Nullable Integer extraPlaces, @Nullable Double unmetGraduates, List<Projection> supply,
                          List<Allocation> allocations) {
    }

    /** A need no programme of the region covers: reported, not dropped; no intake can be proposed for it. */
    public record Uncovered(int year, String kind, String target, String label, int demand, String note) {
    }

    /** A proposed admission: the current intake, the proposal and the change, with the needs that justify it. */
    public record Admission(int intakeYear, String fgosCode, String specialty, String college, String collegeName,
                            int currentIntake, @Nullable Integer capacity, int proposedIntake, int change,
                            String justification) {
    }

    private static final List<String> ADMISSION_HEADER = List.of("Код специальности", "Специальность", "Колледж",
            "Наименование колледжа", "Текущий приём", "Предельная численность", "Предлагаемый приём", "Изменение",
            "Обоснование");

    @Override
    public List<String> provenanceLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Заказ на подготовку кадров: " + region + (college == null ? "" : ", колледж " + college)
                + ", годы потребности " + from + "–" + to + "; ближайший приём " + nextIntakeYear);
        lines.add("Ожидаемый выпуск = обучающиеся × доля READY при выпуске (" + assumptions.historyGraduationYears()
                + ") × доля трудоустроенных по специальности через год после выпуска (без данных "
                + assumptions.defaultEmployedShare() + ")");
        lines.add("Готов для специальности: READY не менее чем по " + assumptions.specialtyReadyShare()
                + " ТФ, покрытых сопоставлением в пределах уровня программы; без истории доля READY "
                + assumptions.defaultReadyShare() + "; группы менее " + assumptions.minimumGroupSize()
                + " выпускников не учитываются");
        lines.add("Распределение: пропорционально текущему приёму × доле READY, с учётом предельной численности "
                + "(остаток распределяется между остальными); методика: docs/training-order.md");
        lines.add("Сформировано " + generatedAt);
        return lines;
    }

    @Override
    public List<String> notes() {
        return uncovered.stream().map(u -> "Не покрыто ни одной программой региона: " + u.year() + " " + u.label()
                + " — потребность " + u.demand()).toList();
    }

    @Override
    public List<Table> tables() {
        TreeMap<Integer, List<List<@Nullable Object>>> byYear = new TreeMap<>();
        for (Admission a : admissions) {
            byYear.computeIfAbsent(a.intakeYear(), y -> new ArrayList<>()).add(cells(a));
        }
        List<Table> tables = new ArrayList<>();
        byYear.forEach((year, rows) -> tables.add(new Table("Приём " + year, ADMISSION_HEADER, rows)));
        tables.add(needsTable());
        return tables;
    }

    /** The CSV export: every intake year's admissions in one table, the year first. */
    public Tabular asOneTable() {
        TrainingOrder order = this;
        List<String> header = new ArrayList<>(List.of("Год приёма"));
        header.addAll(ADMISSION_HEADER);
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (Admission a : admissions) {
            List<@Nullable Object> row = new ArrayList<>();
            row.add(a.intakeYear());
            row.addAll(cells(a));
            rows.add(row);
        }
        return new Tabular() {
            public List<String> provenanceLines() {
                return order.provenanceLines();
            }

            public List<String> notes() {
                return order.notes();
            }

            public List<Table> tables() {
                return List.of(new Table("Заказ", header, rows));
            }

            public String fileName() {
                return order.fileName();
            }

            public String downloadName() {
                return order.downloadName();
            }
        };
    }

    private static List<@Nullable Object> cells(Admission a) {
        return Arrays.asList(a.fgosCode(), a.specialty(), a.college(), a.collegeName(), a.currentIntake(),
                a.capacity(), a.proposedIntake(), a.change(), a.justification());
    }

    private Table needsTable() {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (NeedRow n : needs) {
            rows.add(Arrays.asList(n.year(), n.kind(), n.label(), n.demand(), n.projectedSupply(), n.gap(),
                    n.extraPlaces(), n.unmetGraduates()));
        }
        for (Uncovered u : uncovered) {
            rows.add(Arrays.asList(u.year(), u.kind(), u.label(), u.demand(), null, null, null, null));
        }
        return new Table("Потребности", List.of("Год потребности", "Вид", "Цель", "Потребность", "Ожидаемый выпуск",
                "Дефицит", "Доп. места", "Не закрыто"), rows);
    }

    @Override
    public String fileName() {
        return "training-order";
    }

    @Override
    public String downloadName() {
        return "training-order-" + from + "-" + to;
    }
}
