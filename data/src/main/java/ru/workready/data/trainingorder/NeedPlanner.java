package ru.workready.data.trainingorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.workready.data.trainingorder.RegionProgrammes.Intake;
import ru.workready.data.trainingorder.TrainingOrder.Allocation;
import ru.workready.data.trainingorder.TrainingOrder.Factor;
import ru.workready.data.trainingorder.TrainingOrder.NeedRow;
import ru.workready.data.trainingorder.TrainingOrder.Projection;
import ru.workready.engine.employers.SmallCells;

/**
 * One need of one year: the covering programmes' projected ready supply, the gap, and the extra places that close it
 * ({@link IntakeSplit}) in the intake year that graduates in time — the first intake still to come when that is too
 * late (the allocation says so).
 */
final class NeedPlanner {
    private final int nextIntake;
    private final ReadyShares shares;
    private final EmploymentShares.RegionShares employment;
    private final OrderSettings settings;
    private final Map<String, Integer> capacities;

    NeedPlanner(int nextIntake, ReadyShares shares, EmploymentShares.RegionShares employment, OrderSettings settings,
                Map<String, Integer> capacities) {
        this.nextIntake = nextIntake;
        this.shares = shares;
        this.employment = employment;
        this.settings = settings;
        this.capacities = capacities;
    }

    /** {@code covering}: per college and specialty covering the need, its intakes oldest first. */
    NeedRow plan(Need need, List<List<Intake>> covering) {
        List<Projection> supply = new ArrayList<>();
        List<IntakeSplit.Candidate> candidates = new ArrayList<>();
        double projected = 0;
        for (List<Intake> intakes : covering) {
            Intake current = TrainingOrderService.latest(intakes);
            ReadyShares.Rate rate = shares.rate(current.college(), current.fgosCode(), need);
            Factor ready = new Factor(rate.value(), rate.source().name(), rate.graduates(), rate.explanation());
            Factor employed = employed(current);
            double yield = ready.value() * employed.value();
            int intakeYear = need.year() - current.studyYears();
            boolean assumed = intakeYear >= nextIntake;
            int students = assumed ? current.students() : intakes.stream().filter(i -> i.intakeYear() == intakeYear)
                    .mapToInt(Intake::students).sum();
            double p = round(students * yield);
            projected += p;
            supply.add(new Projection(current.college(), current.fgosCode(), intakeYear, students, assumed, ready,
                    employed, p));
            candidates.add(new IntakeSplit.Candidate(current.college() + '|' + current.fgosCode(), current.students(),
                    ready.value(), yield, capacities.get(current.college() + '|' + current.fgosCode())));
        }
        double gap = Math.max(0, need.demand() - projected);
        IntakeSplit.Result split = IntakeSplit.split(gap, candidates);
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < covering.size(); i++) {
            Intake current = TrainingOrderService.latest(covering.get(i));
            IntakeSplit.Share s = split.shares().get(i);
            int inTime = need.year() - current.studyYears();
            allocations.add(new Allocation(current.college(), current.fgosCode(), Math.max(inTime, nextIntake),
                    inTime < nextIntake, current.students(), s.candidate().capacity(), round(s.weight()),
                    round(s.exact()), s.places(), s.atCapacity()));
        }
        return new NeedRow(need.year(), need.kind().name(), need.target(), need.label(), need.fgosCode(),
                need.demand(), need.rows(), round(projected), round(gap), split.places(),
                round(split.unmetGraduates()), supply, allocations);
    }

    private Factor employed(Intake current) {
        return employment.share(current.college(), current.fgosCode())
                .map(m -> new Factor(m.share(), m.source(), m.graduates(), m.explanation()))
                .orElse(new Factor(settings.defaultEmployedShare(), "DEFAULT", 0, "no group of " + SmallCells.K
                        + "+ graduates of " + current.fgosCode() + " with a known employment answer in the region: "
                        + "default workready.training-order.default-employed-share"));
    }

    /** The need as one college sees it: its own programmes and places; the region's sums withheld. */
    static NeedRow forCollege(NeedRow row, String college) {
        return new NeedRow(row.year(), row.kind(), row.target(), row.label(), row.fgosCode(), row.demand(),
                row.demandRows(), null, null, null, null,
                row.supply().stream().filter(p -> p.college().equals(college)).toList(),
                row.allocations().stream().filter(a -> a.college().equals(college)).toList());
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

}
