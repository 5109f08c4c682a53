package ru.workready.data.trainingorder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.workready.data.NotFoundException;
import ru.workready.data.colleges.RegionRepository;
import ru.workready.data.employers.DemandService;
import ru.workready.data.employers.DemandTargets;
import ru.workready.data.reports.ReportParameters;
import ru.workready.data.reports.ReportParameters.AsOfScorer;
import ru.workready.data.trainingorder.RegionProgrammes.Intake;
import ru.workready.engine.employers.SmallCells;

/**
 * Builds a region's {@link TrainingOrder}: gathers the needs of the years asked (specialty forecasts and declared
 * demand), finds the programmes that cover each, projects their ready supply and splits each gap into admissions
 * ({@link NeedPlanner}); a need no programme covers is listed as uncovered.
 */
@Service
public class TrainingOrderService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrainingOrderService.class);
    /** At most this many years of need in one order. */
    static final int MAX_YEARS = 10;

    private final RegionProgrammes programmes;
    private final RegionRepository regions;
    private final ForecastService forecasts;
    private final CapacityService capacities;
    private final TopRegionService topRegion;
    private final DemandService demand;
    private final DemandTargets targets;
    private final EmploymentShares employment;
    private final OrderSettings settings;
    private final GraduationScores kept;
    private final Clock clock;

    public TrainingOrderService(RegionProgrammes programmes, RegionRepository regions, ForecastService forecasts,
                                CapacityService capacities, TopRegionService topRegion, DemandService demand,
                                DemandTargets targets, EmploymentShares employment, OrderSettings settings,
                                GraduationScores kept, Clock clock) {
        this.kept = kept;
        this.programmes = programmes;
        this.regions = regions;
        this.forecasts = forecasts;
        this.capacities = capacities;
        this.topRegion = topRegion;
        this.demand = demand;
        this.targets = targets;
        this.employment = employment;
        this.settings = settings;
        this.clock = clock;
    }

    /** The first intake still to come: this year's when before 1 September, else next year's. */
    static int nextIntakeYear(LocalDate today) {
        return today.isBefore(LocalDate.of(today.getYear(), Month.SEPTEMBER, 1)) ? today.getYear()
                : today.getYear() + 1;
    }

    /**
     * The order for the region (code or official name) and years of need from … to (default: the next five
     * graduation years); {@code ownCollege} limits it to one college (a COLLEGE key).
     */
    public TrainingOrder order(String regionCodeOrName, @Nullable Integer from, @Nullable Integer to,
                               @Nullable String ownCollege, AsOfScorer scorer) {
        String region = regions.officialName(regionCodeOrName.strip())
                .orElseThrow(() -> new NotFoundException("No region " + regionCodeOrName));
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        int lastGraduated = ReadyShares.lastGraduationYear(today);
        int first = from == null ? lastGraduated + 1 : from;
        int last = to == null ? first + 4 : to;
        validate(first, last, lastGraduated);
        List<Intake> intakes = programmes.intakes(region);
        Map<Long, Set<String>> functions = programmes.mappedFunctions(region);
        ReadyShares shares = new ReadyShares(intakes, programmes.mappedStandards(region), programmes, scorer, settings,
                today, kept, kept.keys(region, intakes));
        NeedPlanner planner = planner(region, today, shares);
        Map<String, List<Intake>> specialties = bySpecialty(intakes, nextIntakeYear(today), lastGraduated);
        List<TrainingOrder.NeedRow> rows = new ArrayList<>();
        List<TrainingOrder.Uncovered> uncovered = new ArrayList<>();
        for (Need need : needs(region, first, last, intakes)) {
            List<List<Intake>> covering = specialties.values().stream().filter(list -> need.coveredBy(
                    list.get(0).fgosCode(), functions.getOrDefault(latest(list).programmeId(), Set.of()))).toList();
            if (covering.isEmpty()) {
                uncovered.add(uncovered(need));
            } else {
                rows.add(planner.plan(need, covering));
            }
        }
        List<TrainingOrder.Admission> admissions = Admissions.of(rows, specialties);
        if (ownCollege != null) {
            rows = rows.stream().map(r -> NeedPlanner.forCollege(r, ownCollege)).toList();
            admissions = admissions.stream().filter(a -> a.college().equals(ownCollege)).toList();
        }
        log.info("Training order of {} for {}–{}: {} needs ({} uncovered), {} graduates at graduation ({} scored now, "
                        + "the rest kept), {} ms", region, first, last, rows.size() + uncovered.size(),
                uncovered.size(), shares.graduatesScored(), shares.graduatesComputed(),
                (System.nanoTime() - started) / 1_000_000);
        return new TrainingOrder(region, ownCollege, first, last, nextIntakeYear(today), assumptions(lastGraduated),
                rows, uncovered, admissions,
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The planner of this order: READY shares, the region's employed shares over the same window, capacities. */
    private NeedPlanner planner(String region, LocalDate today, ReadyShares shares) {
        int lastGraduated = ReadyShares.lastGraduationYear(today);
        int historyFrom = lastGraduated - Math.max(1, settings.historyYears()) + 1;
        return new NeedPlanner(nextIntakeYear(today), shares, employment.of(region, historyFrom, lastGraduated),
                settings, capacity(region));
    }

    private TrainingOrder.Assumptions assumptions(int lastGraduated) {
        int years = Math.max(1, settings.historyYears());
        return new TrainingOrder.Assumptions(settings.specialtyReadyShare(), years,
                IntStream.rangeClosed(lastGraduated - years + 1, lastGraduated).boxed().toList(),
                settings.defaultReadyShare(), settings.defaultEmployedShare(), SmallCells.K);
    }

    /** A need no programme covers: reported with why, never dropped. */
    private static TrainingOrder.Uncovered uncovered(Need need) {
        return new TrainingOrder.Uncovered(need.year(), need.kind().name(), need.target(), need.label(), need.demand(),
                need.kind() == Need.Kind.SPECIALTY ? "no college of the region trains " + need.fgosCode() + " now"
                        : "no programme of the region maps any of the need's labour functions");
    }

    private static void validate(int from, int to, int lastGraduated) {
        if (from <= lastGraduated || from > to || to > 2100) {
            throw ReportParameters.badParameter("from", from + "–" + to, "years of need after the last graduation ("
                    + lastGraduated + "), from ≤ to ≤ 2100");
        }
        if (to - from + 1 > MAX_YEARS) {
            throw ReportParameters.badParameter("to", String.valueOf(to), "at most " + MAX_YEARS + " years at once");
        }
    }

    /** The needs of the years: the specialty forecasts, then the declared demand rows, in year order. */
    private List<Need> needs(String region, int from, int to, List<Intake> intakes) {
        Map<String, String> names = new HashMap<>();
        intakes.forEach(i -> names.put(i.fgosCode(), i.name()));
        topRegion.list(region, to).forEach(e -> names.putIfAbsent(e.fgosCode(), e.name()));
        List<Need> needs = new ArrayList<>();
        for (ForecastService.Forecast f : forecasts.list(region, from, to)) {
            needs.add(new Need(Need.Kind.SPECIALTY, f.year(), f.fgosCode(), f.fgosCode() + " "
                    + names.getOrDefault(f.fgosCode(), ""), f.fgosCode(), f.needed(),
                    List.of(new Need.DemandRow("specialty_forecast #" + f.id(), f.needed(), f.source())), null));
        }
        for (DemandService.Demand d : demand.list(region, null)) {
            if (d.year() < from || d.year() > to) {
                continue;
            }
            DemandTargets.Target t = targets.resolve(d);
            needs.add(new Need(Need.Kind.valueOf(d.kind().name()), d.year(), t.label(), t.label() + " "
                    + d.targetName(), null, d.needed(), List.of(new Need.DemandRow("labour_demand " + d.region() + " " + d.year()
                    + " " + d.kind() + " " + t.label(), d.needed(), d.source())), t));
        }
        needs.sort(Comparator.comparingInt(Need::year));
        return needs;
    }

    /**
     * The intakes per college and specialty ("college|code"), oldest first, of the specialties a college trains now (its
     * latest intake not graduated yet).
     */
    private static Map<String, List<Intake>> bySpecialty(List<Intake> intakes, int nextIntake, int lastGraduated) {
        Map<String, List<Intake>> out = new LinkedHashMap<>();
        intakes.stream().filter(i -> i.intakeYear() < nextIntake).sorted(Comparator.comparingInt(Intake::intakeYear))
                .forEach(i -> out.computeIfAbsent(i.college() + '|' + i.fgosCode(), k -> new ArrayList<>()).add(i));
        out.values().removeIf(list -> latest(list).graduationYear() <= lastGraduated);
        return out;
    }

    static Intake latest(List<Intake> intakes) {
        return intakes.get(intakes.size() - 1);
    }

    private Map<String, Integer> capacity(String region) {
        Map<String, Integer> out = new HashMap<>();
        capacities.list(region, null).forEach(c -> out.put(c.college() + '|' + c.fgosCode(), c.places()));
        return out;
    }
}
