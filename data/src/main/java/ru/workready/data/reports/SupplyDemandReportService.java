package ru.workready.data.reports;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.employers.CohortFilter;
import ru.workready.data.employers.CohortRepository;
import ru.workready.data.employers.CohortRepository.MemberStandings;
import ru.workready.data.employers.DemandService;
import ru.workready.data.employers.DemandTargets;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * The region's declared demand for the programme's graduation year that touches the chosen standard editions, against
 * the graduates of the programme's group ready for each need. Small groups and small ready counts are suppressed as
 * in the employer aggregates unless the reader is the programme's own college.
 */
@Service
@Transactional(readOnly = true)
public class SupplyDemandReportService {
    private final ReportRepository repository;
    private final ReportScopes scopes;
    private final DemandService demand;
    private final DemandTargets demandTargets;
    private final CohortRepository cohorts;

    SupplyDemandReportService(ReportRepository repository, ReportScopes scopes, DemandService demand,
                              DemandTargets demandTargets, CohortRepository cohorts) {
        this.repository = repository;
        this.scopes = scopes;
        this.demand = demand;
        this.demandTargets = demandTargets;
        this.cohorts = cohorts;
    }

    /** The graduates of the programme's group and whether their numbers are suppressed for this reader. */
    private record Group(List<MemberStandings> members, long withoutConsent, boolean applied) {
        int graduates() {
            return members.size();
        }
    }

    public SupplyDemandReport supplyDemand(ProgrammeSelector selector, List<String> standards, String ruleSetVersion,
                                           @Nullable String ownCollege) {
        ReportScope scope = scopes.scope(selector, standards, null);
        ProgrammeRow p = scope.programme();
        boolean applied = !p.collegeCode().equals(ownCollege);
        ReportRepository.Graduation graduation = repository.graduation(p.id());
        Set<Long> editions = scope.sources().stream().map(Provenance.Source::standardId).collect(Collectors.toSet());
        // a need counts when any of its ТФ is in the chosen editions; it is judged on all of them
        List<DemandTargets.Target> targets = demand.list(graduation.region(), graduation.year()).stream()
                .map(demandTargets::resolve)
                .filter(t -> !Collections.disjoint(t.standardIds(), editions))
                .toList();
        Set<Long> all = new HashSet<>();
        targets.forEach(t -> t.functions().forEach(f -> all.add(f.labourFunctionId())));
        List<MemberStandings> members = cohorts.standings(
                new CohortFilter(null, p.collegeCode(), p.fgosCode(), graduation.year()), all, false);
        Group group = new Group(members, members.stream().filter(m -> !m.member().consent()).count(), applied);
        boolean groupSuppressed = applied && group.graduates() > 0 && SmallCells.tooSmall(group.graduates());
        List<SupplyDemandReport.Need> needs = targets.stream().map(t -> need(t, group)).toList();
        boolean anyHidden = needs.stream().anyMatch(n -> n.suppressionReason() != null);
        Disclosure disclosure = groupSuppressed ? Disclosure.of(true, true, SmallCells.Reason.SMALL_GROUP)
                : Disclosure.of(applied, false, anyHidden ? SmallCells.Reason.SMALL_COUNTS : null);
        return new SupplyDemandReport(scopes.provenance(scope, List.of(ruleSetVersion)), graduation.region(),
                graduation.year(), groupSuppressed ? null : group.graduates(), disclosure, needs);
    }

    /** One need against the group's graduates ready for it; ready and shortfall withheld when suppressed. */
    private static SupplyDemandReport.Need need(DemandTargets.Target t, Group group) {
        DemandService.Demand n = t.need();
        List<ReadinessLevel> partition = t.levels();
        long[] parts = new long[partition.size()];
        for (MemberStandings m : group.members()) {
            parts[partition.indexOf(t.level(m.standings()))]++;
        }
        int ready = (int) parts[0];
        SmallCells.Reason reason = null;
        if (group.applied() && group.graduates() > 0) {
            SmallCells.Publication shown = SmallCells.publish(group.graduates(), group.withoutConsent(), parts);
            if (shown.groupSuppressed() || shown.parts()[0] == null) {
                reason = shown.reason();
            }
        }
        return reason != null
                ? new SupplyDemandReport.Need(n.kind(), t.label(), n.targetName(), n.needed(), null, null,
                n.source(), true, reason)
                : new SupplyDemandReport.Need(n.kind(), t.label(), n.targetName(), n.needed(), ready,
                Math.max(0, n.needed() - ready), n.source(), false, null);
    }
}
