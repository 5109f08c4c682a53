package ru.workready.data.trainingorder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.workready.data.trainingorder.RegionProgrammes.Intake;
import ru.workready.data.trainingorder.TrainingOrder.Admission;
import ru.workready.data.trainingorder.TrainingOrder.Allocation;
import ru.workready.data.trainingorder.TrainingOrder.NeedRow;

/**
 * The admissions that follow from the needs' allocations, per intake year, specialty and college. Needs of one intake
 * overlap — a specialty forecast, a ТОП-Регион entry and an employer's profile usually count the same jobs — so a
 * college's extra places for an intake are the largest any one need asks of it, not their sum; each need that asks is
 * named in the justification.
 */
final class Admissions {
    private Admissions() {
    }

    static List<Admission> of(List<NeedRow> needs, Map<String, List<Intake>> specialties) {
        Map<String, List<Object[]>> asks = new LinkedHashMap<>();
        for (NeedRow need : needs) {
            for (Allocation a : need.allocations()) {
                asks.computeIfAbsent(a.intakeYear() + "|" + a.college() + '|' + a.fgosCode(), k -> new ArrayList<>())
                        .add(new Object[] {need, a});
            }
        }
        List<Admission> out = new ArrayList<>();
        for (List<Object[]> list : asks.values()) {
            Allocation first = (Allocation) list.get(0)[1];
            Intake current = TrainingOrderService.latest(specialties.get(first.college() + '|' + first.fgosCode()));
            int extra = list.stream().mapToInt(x -> ((Allocation) x[1]).extraPlaces()).max().orElse(0);
            List<String> why = new ArrayList<>();
            for (Object[] x : list) {
                why.add(justification((NeedRow) x[0], (Allocation) x[1]));
            }
            out.add(new Admission(first.intakeYear(), first.fgosCode(), current.name(), first.college(),
                    current.collegeName(), first.currentIntake(), first.capacity(), first.currentIntake() + extra,
                    extra, String.join("; ", why)));
        }
        out.sort(Comparator.comparingInt(Admission::intakeYear).thenComparing(Admission::fgosCode)
                .thenComparing(Admission::college));
        return out;
    }

    /** Why: the need, its demand, supply and gap, this college's places and READY share (in Russian, for the order). */
    private static String justification(NeedRow need, Allocation a) {
        TrainingOrder.Projection p = need.supply().stream().filter(s -> s.college().equals(a.college())
                && s.fgosCode().equals(a.fgosCode())).findFirst().orElseThrow();
        StringBuilder s = new StringBuilder();
        s.append(need.year()).append(" ").append(need.label().strip()).append(": потребность ").append(need.demand())
                .append(", ожидаемый выпуск ").append(need.projectedSupply()).append(", дефицит ").append(need.gap())
                .append(" → +").append(a.extraPlaces()).append(" (доля READY ").append(p.ready().value())
                .append(" — ").append(source(p.ready().source())).append(", выпускников ").append(p.ready().graduates())
                .append("; трудоустройство ").append(p.employed().value()).append(" — ")
                .append(source(p.employed().source())).append(")");
        if (a.atCapacity()) {
            s.append(", достигнута предельная численность ").append(a.capacity());
        }
        if (need.unmetGraduates() != null && need.unmetGraduates() > 0) {
            s.append(", не закрыто ").append(need.unmetGraduates()).append(" выпускников");
        }
        if (a.late()) {
            s.append(", приём ").append(a.intakeYear()).append(" выпустится позже ").append(need.year());
        }
        return s.toString();
    }

    private static String source(String source) {
        return switch (source) {
            case "COLLEGE" -> "по колледжу";
            case "REGION" -> "по региону";
            default -> "по умолчанию";
        };
    }
}
