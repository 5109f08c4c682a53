package ru.workready.data.employers;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.workready.data.employers.CohortAggregates.Group;
import ru.workready.data.employers.CohortAggregates.LevelRule;
import ru.workready.engine.employers.ProfileFunction;
import ru.workready.engine.employers.SmallCells;

/** Ready graduates of a region and year against the needs employers declared (supply and shortfall). */
@Service
public class EmployerSupply {
    /** Ready graduates of a region and year against one declared need; ready and shortfall null when withheld. */
    public record Supply(DemandService.Demand demand, long graduates, @Nullable Long ready, @Nullable Long shortfall,
                  boolean suppressed, int smallGroupsLeftOut, @Nullable String suppressionReason) {
    }

    /** Why a supply row's ready count is withheld. */
    static final String READY_HIDDEN = "the ready count of a group is hidden (fewer than " + SmallCells.K
            + " students, or the complement of such a count)";

    private final CohortAggregates aggregates;
    private final DemandService demand;
    private final DemandTargets demandTargets;
    private final EmployerQueries queries;

    EmployerSupply(CohortAggregates aggregates, DemandService demand, DemandTargets demandTargets,
                   EmployerQueries queries) {
        this.aggregates = aggregates;
        this.demand = demand;
        this.demandTargets = demandTargets;
        this.queries = queries;
    }

    /**
     * For every declared need of the region and year: ready graduates of that region and year, and
     * the shortfall. Counted only from what the aggregates publish per group (groups of fewer than
     * K and hidden counts are left out, and the total is withheld when a group's ready count is
     * hidden), so that the regional total minus published groups never reveals a suppressed one.
     */
    public List<Supply> supply(String region, int year, @Nullable String onlyEmployer) {
        CohortFilter filter = new CohortFilter(region, null, null, year);
        List<DemandTargets.Target> targets = demand.list(region, year).stream()
                .filter(d -> onlyEmployer == null || onlyEmployer.equals(d.employer()))
                .map(demandTargets::resolve).toList();
        if (targets.isEmpty()) {
            return List.of();
        }
        List<ProfileFunction> all = new ArrayList<>();
        targets.forEach(t -> all.addAll(t.functions()));
        queries.scoreUnscored(all, filter);
        List<Supply> out = new ArrayList<>();
        for (DemandTargets.Target target : targets) {
            long graduates = 0;
            long ready = 0;
            int groupsLeftOut = 0;
            boolean hidden = false;
            for (Group group : aggregates.groups(filter, target.functions(), rule(target)).list()) {
                Long[] parts = SmallCells.publish(group.students(), group.withoutConsent(), target.levels(), group.counts())
                        .parts();
                if (parts == null) {
                    groupsLeftOut++;
                    continue;
                }
                graduates += group.students();
                if (parts[0] == null) {
                    hidden = true;
                } else {
                    ready += parts[0];
                }
            }
            DemandService.Demand need = target.need();
            out.add(hidden ? new Supply(need, graduates, null, null, true, groupsLeftOut, READY_HIDDEN)
                    : new Supply(need, graduates, ready, Math.max(0, need.needed() - ready), false, groupsLeftOut,
                    null));
        }
        return out;
    }

    private static LevelRule rule(DemandTargets.Target target) {
        switch (target.need().kind()) {
            case PROFILE:
                return LevelRule.PROFILE;
            case FUNCTION:
                return LevelRule.FUNCTION;
            default:
                return LevelRule.QUALIFICATION;
        }
    }
}
