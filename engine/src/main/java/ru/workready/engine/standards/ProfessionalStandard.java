package ru.workready.engine.standards;

import java.time.LocalDate;
import java.util.List;

/**
 * Профессиональный стандарт (ПС), one edition. Editions share the registration number, so an
 * edition is identified by code + order number + approval date.
 */
public record ProfessionalStandard(String code, String name, String registrationNumber,
                                   String orderNumber, LocalDate approvalDate, String activityKind,
                                   List<GeneralizedFunction> generalizedFunctions) {
    public ProfessionalStandard {
        generalizedFunctions = List.copyOf(generalizedFunctions);
    }

    public List<LabourFunction> labourFunctions() {
        return generalizedFunctions.stream().flatMap(g -> g.functions().stream()).toList();
    }

    public long count(ElementKind kind) {
        return labourFunctions().stream().mapToLong(f -> f.count(kind)).sum();
    }
}
