package ru.workready.data.employers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.workready.data.employers.CohortFilter;
import ru.workready.data.employers.MappingExpertiseOfCohorts;
import ru.workready.data.employers.MappingExpertiseOfCohorts.GroupKey;
import ru.workready.data.employers.MappingExpertiseOfCohorts.MappingExpertise;
import ru.workready.engine.employers.ProfileFunction;

/**
 * Employer expertise in employer aggregates: the filter to students whose programme's mappings passed (applied to the
 * students the SQL or the as-of scoring reads, so before grouping and small-cell suppression), and per cell the
 * statement on the mapping versions its programme uses. docs/expertise.md.
 */
@Component
public class EmployerExpertise {
    private final MappingExpertiseOfCohorts mappings;

    EmployerExpertise(MappingExpertiseOfCohorts mappings) {
        this.mappings = mappings;
    }

    /** The filter restricted to programmes whose every active mapping to the subject's standards passed expertise. */
    public CohortFilter passedOnly(CohortFilter filter, List<ProfileFunction> functions) {
        return filter.onlyProgrammes(mappings.passedProgrammes(ids(functions)));
    }

    /** The aggregate with each cell saying whether its programme's mapping versions passed expertise, when, by whom. */
    public EmployerQueries.Aggregate withStatements(EmployerQueries.Aggregate aggregate, List<ProfileFunction> functions) {
        List<GroupKey> keys = aggregate.cells().stream()
                .map(c -> new GroupKey(c.college(), c.programme(), c.graduationYear())).toList();
        Map<GroupKey, List<MappingExpertise>> statements = mappings.ofGroups(ids(functions), keys);
        List<EmployerQueries.Cell> cells = new ArrayList<>();
        for (EmployerQueries.Cell c : aggregate.cells()) {
            cells.add(c.withMappingExpertise(statements.getOrDefault(
                    new GroupKey(c.college(), c.programme(), c.graduationYear()), List.of())));
        }
        return new EmployerQueries.Aggregate(cells, aggregate.totals());
    }

    private static List<Long> ids(List<ProfileFunction> functions) {
        return functions.stream().map(ProfileFunction::labourFunctionId).distinct().toList();
    }
}
