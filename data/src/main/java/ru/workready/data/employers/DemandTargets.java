package ru.workready.data.employers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.workready.data.employers.DemandService.Demand;
import ru.workready.data.employers.DemandService.TargetKind;
import ru.workready.data.employers.EmployerRepository.FunctionRef;
import ru.workready.data.employers.EmployerRepository.JobProfile;
import ru.workready.engine.employers.JobFit;
import ru.workready.engine.employers.ProfileFunction;
import ru.workready.engine.employers.Standing;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * What a declared need asks of a graduate, the one definition behind every supply-vs-demand
 * number (employers' supply and the programme's supply-demand report): a job profile is met at
 * the job fit's level; one ТФ at its own level (READY, PARTIALLY_READY, else NOT_READY); a
 * qualification (ОТФ) is READY when every one of its ТФ is (DESIGN §3 step 7: the weakest level).
 */
@Component
public class DemandTargets {
    /** The three levels employers see; anything else a ТФ can be (insufficient evidence, unmapped …) counts as not ready. */
    public static final List<ReadinessLevel> EMPLOYER_LEVELS = List.of(ReadinessLevel.READY,
            ReadinessLevel.PARTIALLY_READY, ReadinessLevel.NOT_READY);
    private static final List<ReadinessLevel> READY_OR_NOT = List.of(ReadinessLevel.READY, ReadinessLevel.NOT_READY);

    /**
     * A need resolved to the ТФ it is judged on.
     *
     * @param standardIds the standard editions of those ТФ
     */
    public record Target(Demand need, List<ProfileFunction> functions, Set<Long> standardIds) {
        /** The levels a graduate can be at for this need, READY first. */
        public List<ReadinessLevel> levels() {
            return need.kind() == TargetKind.QUALIFICATION ? READY_OR_NOT : EMPLOYER_LEVELS;
        }

        /** A graduate's level for this need: one of {@link #levels()}. */
        public ReadinessLevel level(Map<Long, Standing> standings) {
            switch (need.kind()) {
                case PROFILE:
                    return JobFit.of(functions, standings).level();
                case FUNCTION:
                    return employerLevel(standings.get(functions.get(0).labourFunctionId()));
                default:
                    return functions.stream().allMatch(f -> isReady(standings.get(f.labourFunctionId())))
                            ? ReadinessLevel.READY : ReadinessLevel.NOT_READY;
            }
        }

        public boolean ready(Map<Long, Standing> standings) {
            return level(standings) == ReadinessLevel.READY;
        }

        /** What the need is for, as listed: "employer / profile" or "standard function". */
        public String label() {
            return need.kind() == TargetKind.PROFILE ? need.employer() + " / " + need.profile()
                    : need.standard() + " " + need.function();
        }
    }

    private final EmployerRepository employers;

    public DemandTargets(EmployerRepository employers) {
        this.employers = employers;
    }

    /** The need's target; a profile whose row has gone is judged on no ТФ. */
    public Target resolve(Demand need) {
        switch (need.kind()) {
            case PROFILE: {
                List<ProfileFunction> functions = employers.profile(need.targetId())
                        .map(JobProfile::engineFunctions).orElse(List.of());
                Set<Long> standards = employers.profile(need.targetId()).stream()
                        .flatMap(p -> p.functions().stream()).map(e -> e.function().standardId())
                        .collect(Collectors.toSet());
                return new Target(need, functions, standards);
            }
            case FUNCTION:
                return target(need, employers.function(need.targetId()).map(List::of).orElse(List.of()));
            default:
                return target(need, employers.functionsOfGeneralized(need.targetId()));
        }
    }

    private static Target target(Demand need, List<FunctionRef> refs) {
        return new Target(need, refs.stream().map(DemandTargets::asProfileFunction).toList(),
                refs.stream().map(FunctionRef::standardId).collect(Collectors.toSet()));
    }

    /** One ТФ as a profile of one: importance 1, no must-have, no minimum level. */
    public static ProfileFunction asProfileFunction(FunctionRef f) {
        return new ProfileFunction(f.id(), f.standardCode(), f.code(), 1, false, null);
    }

    /** READY and PARTIALLY_READY as they are; anything else (or no score) NOT_READY. */
    public static ReadinessLevel employerLevel(@Nullable Standing s) {
        if (s == null) {
            return ReadinessLevel.NOT_READY;
        }
        return s.level() == ReadinessLevel.READY || s.level() == ReadinessLevel.PARTIALLY_READY ? s.level()
                : ReadinessLevel.NOT_READY;
    }

    private static boolean isReady(@Nullable Standing s) {
        return s != null && s.level() == ReadinessLevel.READY;
    }
}
